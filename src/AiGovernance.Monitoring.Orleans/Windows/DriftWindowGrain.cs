using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Orleans.References;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>The window grain: merges partials, persists them before acknowledging, and closes the window once.</summary>
/// <remarks>
/// <para><b>Acknowledgement.</b> A partial is acknowledged only after <c>WriteStateAsync</c>
/// returned, and its flush id is stored in the same write, so an acknowledged partial survives the loss of the silo and a
/// resend is answered <see cref="PartialOutcome.Duplicate"/> without counting it twice.</para>
/// <para><b>Closing.</b> The first partial registers the closing reminder (due at window end + close delay, repeating every
/// close-retry period) before it is acknowledged. Closing runs through persisted phases — report computed, report
/// published (the sink is idempotent per window), response raised — so a reminder tick after a failover resumes where the
/// failed silo stopped, and the report is computed once. The response workflow is raised at most once: the grain persists
/// that it is starting it before it does; if the silo dies while it runs, the next activation logs
/// <c>ResponseOutcomeUnknown</c> instead of running it again.</para>
/// </remarks>
internal sealed class DriftWindowGrain : Grain, IDriftWindowGrain, IRemindable
{
    private readonly IPersistentState<DriftWindowState> _state;
    private readonly IDriftReferenceProvider _references;
    private readonly IDriftWindowReportSink _sink;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly OrleansMonitoringOptions _options;
    private readonly OrleansMonitoringTelemetry _telemetry;
    private readonly ILogger _logger;
    private DriftWindowKey _key;
    private WindowProfile? _profile;

    public DriftWindowGrain(
        [PersistentState("window", OrleansMonitoringDefaults.StorageName)] IPersistentState<DriftWindowState> state,
        IDriftReferenceProvider references,
        IDriftWindowReportSink sink,
        IServiceProvider services,
        IOptions<OrleansMonitoringOptions> options,
        OrleansMonitoringTelemetry telemetry,
        ILogger<DriftWindowGrain> logger)
    {
        _state = state;
        _references = references;
        _sink = sink;
        _services = services;
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _options = options.Value;
        _telemetry = telemetry;
        _logger = logger;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = DriftWindowKey.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<PartialReceipt> AddPartialAsync(DriftPartial windowPartial)
    {
        ArgumentNullException.ThrowIfNull(windowPartial);
        var partial = windowPartial;
        var s = _state.State;
        if (s.AppliedFlushes.Contains(partial.FlushId))
        {
            _telemetry.WindowPartial(1);
            return new PartialReceipt { Outcome = PartialOutcome.Duplicate, WindowRowCount = s.RowCount };
        }

        if (s.Phase != DriftWindowPhase.Open)
        {
            _telemetry.WindowPartial(2);
            return new PartialReceipt { Outcome = PartialOutcome.WindowClosed, WindowRowCount = s.RowCount };
        }

        var (incoming, problem) = await ReadPartialAsync(partial).ConfigureAwait(true);
        WindowProfile? merged = null;
        if (incoming is not null)
        {
            try
            {
                var existing = _profile ?? (s.ProfileJson is null ? null : WindowProfile.FromJson(s.ProfileJson));
                merged = existing is null ? incoming : WindowProfile.Merge(existing, incoming);
            }
            catch (ArgumentException e)
            {
                problem = e.Message;
            }
        }

        if (merged is null)
        {
            _telemetry.WindowPartial(3);
            OrleansMonitoringLog.PartialRefused(_logger, _key.ToString(), partial.Source, problem!);
            return new PartialReceipt { Outcome = PartialOutcome.Rejected, Reason = problem!, WindowRowCount = s.RowCount };
        }

        if (s.WindowLengthTicks == 0)
        {
            s.WindowLengthTicks = partial.WindowLength.Ticks;
            s.CloseAtTicks = checked(_key.Start.UtcTicks + partial.WindowLength.Ticks + _options.CloseDelay.Ticks);
        }

        if (!s.ReminderRegistered)
        {
            // Registered before the first acknowledgement: an acknowledged window always has a reminder to close it.
            var due = new DateTimeOffset(s.CloseAtTicks, TimeSpan.Zero) - _time.GetUtcNow();
            await this.RegisterOrUpdateReminder(OrleansMonitoringDefaults.CloseReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero,
                _options.CloseRetryPeriod).ConfigureAwait(true);
            s.ReminderRegistered = true;
        }

        s.ProfileJson = merged.ToJson();
        s.RowCount = merged.RowCount;
        s.PartialCount++;
        s.AppliedFlushes.Add(partial.FlushId);
        s.Sources.Add(partial.Source);
        await WriteOrReloadAsync().ConfigureAwait(true);
        _profile = merged;
        _telemetry.WindowPartial(0);
        return new PartialReceipt { Outcome = PartialOutcome.Accepted, WindowRowCount = s.RowCount };
    }

    public async Task<DriftWindowStatus> CloseAsync()
    {
        await CloseCoreAsync().ConfigureAwait(true);
        return Status();
    }

    public Task<DriftWindowStatus> GetStatusAsync() => Task.FromResult(Status());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != OrleansMonitoringDefaults.CloseReminder)
        {
            return;
        }

        try
        {
            await CloseCoreAsync().ConfigureAwait(true);
        }
#pragma warning disable CA1031 // A failed close is logged and retried by the next tick; the reminder must not die with it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            OrleansMonitoringLog.CloseFailed(_logger, _key.ToString(), e.Message);
        }
    }

    private async Task<(WindowProfile? Profile, string? Problem)> ReadPartialAsync(DriftPartial partial)
    {
        if (string.IsNullOrWhiteSpace(partial.FlushId) || partial.FlushId.Length > DriftPartial.MaxIdLength
            || string.IsNullOrWhiteSpace(partial.Source) || partial.Source.Length > DriftPartial.MaxIdLength)
        {
            return (null, $"A partial needs a flush id and a source of 1 to {DriftPartial.MaxIdLength} characters.");
        }

        var length = _state.State.WindowLengthTicks;
        if (partial.WindowLength <= TimeSpan.Zero || (length != 0 && partial.WindowLength.Ticks != length))
        {
            return (null, $"The partial's window length {partial.WindowLength} differs from the window's {TimeSpan.FromTicks(length)}.");
        }

        if (DriftWindowKey.StartTicks(_key.Start.UtcTicks, partial.WindowLength.Ticks) != _key.Start.UtcTicks)
        {
            return (null, $"The window start {_key.Start:O} is not a multiple of the window length {partial.WindowLength}.");
        }

        WindowProfile profile;
        try
        {
            profile = WindowProfile.FromJson(partial.ProfileJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return (null, $"The profile is not a valid window profile: {e.Message}");
        }

        if (profile.RowCount != partial.RowCount)
        {
            return (null, $"The partial says {partial.RowCount} rows but its profile holds {profile.RowCount}.");
        }

        var reference = await _references.GetAsync(_key.SystemId).ConfigureAwait(true);
        if (profile.Columns.Count != reference.Columns.Count)
        {
            return (null, $"The profile has {profile.Columns.Count} columns; the reference of '{_key.SystemId}' has {reference.Columns.Count}.");
        }

        for (var i = 0; i < reference.Columns.Count; i++)
        {
            var column = reference.Columns[i];
            var current = profile.Columns[i];
            var kind = current.Kind;
            if (!string.Equals(profile.ColumnNames[i], column.Name, StringComparison.Ordinal) || kind != column.Kind
                || (kind == ColumnKind.Numeric && !Equals(current.Edges, column.Profile.Edges)))
            {
                return (null, $"Column {i} ('{profile.ColumnNames[i]}') does not match the reference's '{column.Name}' (name, kind or bins).");
            }
        }

        return (profile, null);
    }

    private async Task CloseCoreAsync()
    {
        var s = _state.State;
        if (s.Phase == DriftWindowPhase.Closed)
        {
            return;
        }

        if (s.Phase == DriftWindowPhase.Open)
        {
            if (s.RowCount == 0)
            {
                s.Phase = DriftWindowPhase.Closed;
                await WriteOrReloadAsync().ConfigureAwait(true);
                await UnregisterAsync().ConfigureAwait(true);
                return;
            }

            var computed = await ComputeAsync().ConfigureAwait(true);
            s.ReportJson = computed.ToJson();
            s.ProfileJson = null;
            s.Phase = DriftWindowPhase.Computed;
            await WriteOrReloadAsync().ConfigureAwait(true);
            _profile = null;
        }

        var report = DriftWindowReport.FromJson(s.ReportJson!);
        if (s.Phase == DriftWindowPhase.Computed)
        {
            await _sink.PublishAsync(report).ConfigureAwait(true);
            await AuditAsync(report).ConfigureAwait(true);
            s.Phase = DriftWindowPhase.Published;
            await WriteOrReloadAsync().ConfigureAwait(true);
        }

        var workflow = _services.GetService<DriftResponseWorkflow>();
        if (s.ResponseStarted && !s.ResponseRaised)
        {
            OrleansMonitoringLog.ResponseOutcomeUnknown(_logger, _key.ToString());
        }
        else if (!s.ResponseStarted && report.Drift.DriftedColumnCount > 0 && workflow is not null)
        {
            s.ResponseStarted = true;
            await WriteOrReloadAsync().ConfigureAwait(true);
            var driftEvent = report.Drift.ToDriftEvent(_key.SystemId);
            await workflow.HandleAsync(driftEvent with { Summary = $"Window {_key}: {driftEvent.Summary}" }).ConfigureAwait(true);
            s.ResponseRaised = true;
        }

        s.Phase = DriftWindowPhase.Closed;
        await WriteOrReloadAsync().ConfigureAwait(true);
        await UnregisterAsync().ConfigureAwait(true);
        _telemetry.WindowClosed(report.Drift.DriftedColumnCount > 0);
        var window = _key.ToString();
        OrleansMonitoringLog.WindowClosed(_logger, window, report.RowCount, report.PartialCount,
            report.Drift.DriftedColumnCount, report.Drift.ColumnCount, report.Drift.DatasetDrift);
        DeactivateOnIdle();
    }

    private async Task<DriftWindowReport> ComputeAsync()
    {
        var s = _state.State;
        var reference = await _references.GetAsync(_key.SystemId).ConfigureAwait(true);
        var profile = _profile ?? WindowProfile.FromJson(s.ProfileJson!);
        var detector = _services.GetService<DataDriftDetector>() ?? new DataDriftDetector(timeProvider: _time);
        var drift = detector.Compare(reference, profile);
        var columns = new WindowColumnStatistics[reference.Columns.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = WindowStatistics.Compute(reference.Columns[i], profile.Columns[i]);
        }

        return new DriftWindowReport
        {
            SystemId = _key.SystemId,
            WindowStart = _key.Start,
            WindowEnd = _key.Start + TimeSpan.FromTicks(s.WindowLengthTicks),
            RowCount = s.RowCount,
            PartialCount = s.PartialCount,
            SourceCount = s.Sources.Count,
            Drift = drift,
            Columns = columns,
        };
    }

    private async Task AuditAsync(DriftWindowReport report)
    {
        if (_services.GetService<IAuditLog>() is not { } audit)
        {
            return;
        }

        var payload = new WindowClosedAuditPayload(report.SystemId, report.WindowStart, report.WindowEnd, report.RowCount, report.PartialCount,
            report.Drift.ColumnCount, report.Drift.DriftedColumnCount, report.Drift.DatasetDrift, report.Drift.MaxPsi,
                report.Drift.Severity.ToString());
        await audit.AppendAsync(new AuditEvent(
            OrleansMonitoringAuditEvents.WindowClosed,
            OrleansMonitoringAuditEvents.Actor,
            report.SystemId,
            payload: JsonSerializer.SerializeToElement(payload, OrleansMonitoringJsonContext.Default.WindowClosedAuditPayload))).ConfigureAwait(true);
    }

    private async Task WriteOrReloadAsync()
    {
        try
        {
            await _state.WriteStateAsync().ConfigureAwait(true);
        }
        catch
        {
            // The write may or may not have landed: forget what is in memory and continue from what storage holds.
            _profile = null;
            await _state.ReadStateAsync().ConfigureAwait(true);
            throw;
        }
    }

    private async Task UnregisterAsync()
    {
        var reminder = await this.GetReminder(OrleansMonitoringDefaults.CloseReminder).ConfigureAwait(true);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder).ConfigureAwait(true);
        }
    }

    private DriftWindowStatus Status()
    {
        var s = _state.State;
        return new DriftWindowStatus
        {
            Key = _key.ToGrainKey(),
            Phase = s.Phase,
            RowCount = s.RowCount,
            PartialCount = s.PartialCount,
            SourceCount = s.Sources.Count,
            CloseAt = s.CloseAtTicks == 0 ? null : new DateTimeOffset(s.CloseAtTicks, TimeSpan.Zero),
            ReportJson = s.ReportJson,
            ResponseRaised = s.ResponseRaised,
        };
    }
}
