using System.Diagnostics.Metrics;
using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Monitoring.Serialization;
using AiGovernance.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiGovernance.Monitoring.Responses;

/// <summary>Dispatches drift events to the registered <see cref="IDriftResponseHandler"/>s by severity, suppresses
/// repeats within a cool-down, escalates when severity rises and records every event and action in the audit log.</summary>
/// <remarks>
/// <para>For each event: classify the severity (<see cref="DriftSeverityPolicy"/>), decide the disposition, append a
/// <c>monitoring.drift.event</c> record (always, suppressed events included), then invoke every handler whose
/// <see cref="IDriftResponseHandler.MinimumSeverity"/> the severity reaches, one after another in registration order,
/// appending a <c>monitoring.drift.action</c> record per handler. A handler that throws, or runs longer than
/// <see cref="DriftResponseOptions.HandlerTimeout"/>, is recorded as failed and logged; the others still run.
/// Cancellation of <c>cancellationToken</c> stops the dispatch.</para>
/// <para>Thread-safe: the cool-down decision is atomic per (system, kind, subject); handlers may run concurrently for
/// different events.</para>
/// </remarks>
public sealed class DriftResponseWorkflow
{
    /// <summary>The longest event summary kept in the audit trail.</summary>
    private const int SummaryLength = 2_000;

    private readonly IDriftResponseHandler[] _handlers;
    private readonly IAuditLog _auditLog;
    private readonly TimeProvider _timeProvider;
    private readonly DriftSeverityPolicy _policy;
    private readonly TimeSpan _coolDown;
    private readonly TimeSpan _handlerTimeout;
    private readonly string _actor;
    private readonly ILogger _logger;
    private readonly MonitoringTelemetry _telemetry;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string SystemId, DriftEventKind Kind, string Subject), (Severity Severity, DateTimeOffset At)> _lastDispatched = [];

    /// <summary>Creates a workflow.</summary>
    /// <param name="handlers">The handlers, invoked in this order.</param>
    /// <param name="auditLog">Where events and actions are recorded.</param>
    /// <param name="timeProvider">The clock for cool-downs.</param>
    /// <param name="policy">Severity thresholds and response plans.</param>
    /// <param name="options">Cool-down and actor; defaults when <see langword="null"/>.</param>
    /// <param name="logger">Logs dispositions and handler failures; none when <see langword="null"/>.</param>
    /// <param name="meterFactory">Creates the package's meter; when null a process-wide meter is used.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The options break a rule (the message lists every one): a negative cool-down, a
    /// handler timeout neither positive nor <see cref="Timeout.InfiniteTimeSpan"/>, or an empty actor.</exception>
    public DriftResponseWorkflow(
        IEnumerable<IDriftResponseHandler> handlers,
        IAuditLog auditLog,
        TimeProvider timeProvider,
        DriftSeverityPolicy policy,
        DriftResponseOptions? options = null,
        ILogger<DriftResponseWorkflow>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(auditLog);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(policy);
        options ??= new DriftResponseOptions();
        OptionsGuard.ThrowIfInvalid(options, nameof(options), DriftResponseOptionsValidator.Instance, DriftResponseOptionsCustomValidator.Instance);

        _handlers = [.. handlers];
        _auditLog = auditLog;
        _timeProvider = timeProvider;
        _policy = policy;
        _coolDown = options.CoolDown;
        _handlerTimeout = options.HandlerTimeout;
        _actor = string.IsNullOrWhiteSpace(options.Actor) ? MonitoringDefaults.ResponseActor : options.Actor;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _telemetry = MonitoringTelemetry.Create(meterFactory);
    }

    /// <summary>Records an event and dispatches it to the handlers unless the cool-down suppresses it.</summary>
    /// <param name="driftEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the dispatch.</param>
    /// <returns>The disposition, plan and each handler's outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="driftEvent"/> is null.</exception>
    /// <exception cref="ArgumentException">The event has no system id, or its PSI or degradation is NaN.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<DriftResponseResult> HandleAsync(DriftEvent driftEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(driftEvent);
        if (string.IsNullOrWhiteSpace(driftEvent.SystemId))
        {
            throw new ArgumentException("The event has no system id.", nameof(driftEvent));
        }

        if (double.IsNaN(driftEvent.Psi) || double.IsNaN(driftEvent.Degradation))
        {
            throw new ArgumentException("The event's PSI or degradation is NaN; use 0 when not measured.", nameof(driftEvent));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var severity = driftEvent.Severity ?? _policy.Classify(driftEvent.Psi, driftEvent.Degradation);
        if (driftEvent.Severity is null && driftEvent.MinimumSeverity is { } floor && floor > severity)
        {
            severity = floor;
        }

        var plan = _policy.Plan(severity, driftEvent.Degradation);
        var now = _timeProvider.GetUtcNow();
        var (disposition, previous) = Decide(driftEvent, severity, now);

        // Subject and summary carry names from the data: bounded and escaped before they enter the audit trail and the log.
        var subject = driftEvent.Subject is null ? null : UntrustedText.Bound(driftEvent.Subject);
        var system = UntrustedText.Bound(driftEvent.SystemId);
        var payload = new DriftEventAuditPayload(
            driftEvent.Kind.ToString(), subject, severity.ToString(), disposition.ToString(), previous?.ToString(),
            driftEvent.Psi, driftEvent.Degradation, UntrustedText.Bound(driftEvent.Summary, SummaryLength), plan);
        var record = await _auditLog.AppendAsync(
            new AuditEvent(MonitoringAuditEvents.DriftEvent, _actor, driftEvent.SystemId,
                payload: JsonSerializer.SerializeToElement(payload, MonitoringJsonContext.Default.DriftEventAuditPayload)),
            cancellationToken).ConfigureAwait(false);

        _telemetry.RecordDriftEvent(severity.ToString(), disposition.ToString());
        MonitoringLog.DriftEventReceived(_logger, system, driftEvent.Kind, subject, severity, disposition);

        var result = new DriftResponseResult
        {
            Event = driftEvent,
            Plan = plan,
            Disposition = disposition,
            PreviousSeverity = previous,
            AuditSequence = record.Sequence,
        };
        if (disposition == DriftDisposition.Suppressed)
        {
            return result;
        }

        var context = new DriftResponseContext
        {
            Event = driftEvent,
            Plan = plan,
            Disposition = disposition,
            PreviousSeverity = previous,
            DetectedAt = now,
            AuditSequence = record.Sequence,
        };
        var outcomes = new List<DriftHandlerOutcome>(_handlers.Length);
        foreach (var handler in _handlers)
        {
            if (severity < handler.MinimumSeverity)
            {
                continue;
            }

            var outcome = await InvokeAsync(handler, context, cancellationToken).ConfigureAwait(false);
            outcomes.Add(outcome);
            var action = new DriftActionAuditPayload(record.Sequence, outcome.Handler, severity.ToString(), outcome.Succeeded, outcome.Error);
            await _auditLog.AppendAsync(
                new AuditEvent(MonitoringAuditEvents.DriftAction, _actor, driftEvent.SystemId,
                    payload: JsonSerializer.SerializeToElement(action, MonitoringJsonContext.Default.DriftActionAuditPayload)),
                cancellationToken).ConfigureAwait(false);
        }

        return result with { Outcomes = outcomes };
    }

    private (DriftDisposition Disposition, Severity? Previous) Decide(DriftEvent driftEvent, Severity severity, DateTimeOffset now)
    {
        var key = (driftEvent.SystemId, driftEvent.Kind, driftEvent.Subject ?? string.Empty);
        lock (_gate)
        {
            Severity? previous = null;
            var disposition = DriftDisposition.Dispatched;
            if (_lastDispatched.TryGetValue(key, out var last))
            {
                previous = last.Severity;
                if (now - last.At < _coolDown)
                {
                    disposition = severity > last.Severity ? DriftDisposition.Escalated : DriftDisposition.Suppressed;
                }
            }

            if (disposition != DriftDisposition.Suppressed)
            {
                _lastDispatched[key] = (severity, now);
            }

            return (disposition, previous);
        }
    }

    private async ValueTask<DriftHandlerOutcome> InvokeAsync(IDriftResponseHandler handler, DriftResponseContext context,
        CancellationToken cancellationToken)
    {
        var name = handler.GetType().Name;
        using var timer = _handlerTimeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(_handlerTimeout, _timeProvider);
        using var linked = timer is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        Task? running = null;
        try
        {
            if (linked is null)
            {
                await handler.HandleAsync(context, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Waiting on the clock as well as the token: a handler that ignores its token is left behind. The
                // deadline shows as WaitAsync's TimeoutException or as the handler's cancellation once it honoured the
                // timed token; a TimeoutException of the handler's own before the deadline is an ordinary failure.
                running = handler.HandleAsync(context, linked.Token).AsTask();
                await running.WaitAsync(_handlerTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            return new DriftHandlerOutcome(name, true, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (timer is not null
            && ex is TimeoutException or OperationCanceledException
            && (timer.IsCancellationRequested || (ex is TimeoutException && running is { IsCompleted: false })))
        {
            if (running is { IsCompleted: false })
            {
                // Observe whatever the abandoned handler ends with, so that its failure is not an unobserved exception.
                _ = running.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted,
                    TaskScheduler.Default);
            }

            var timeout = new TimeoutException($"The handler did not finish within {_handlerTimeout} (DriftResponseOptions.HandlerTimeout).", ex);
            return Failed(name, context, timeout);
        }
#pragma warning disable CA1031 // A failing handler must not stop the others; the failure is audited and logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Failed(name, context, ex);
        }
    }

    private DriftHandlerOutcome Failed(string name, DriftResponseContext context, Exception ex)
    {
        _telemetry.RecordHandlerFailure(name);
        MonitoringLog.DriftHandlerFailed(_logger, ex, name, context.Event.SystemId);
        return new DriftHandlerOutcome(name, false, ex.GetType().Name + ": " + ex.Message);
    }
}
