using System.Globalization;
using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Audit;

namespace AiGovernance.Gates.Milestones;

/// <summary>Tracks fixed milestones (dates satisfied by gates or approvals) and adaptive milestones (performance
/// gates and every attempt at them), recording each attempt and satisfaction in the audit log.</summary>
/// <remarks>Thread-safe. The audit log holds the full history: every attempt, not only the last.</remarks>
public sealed class MilestoneTracker
{
    /// <summary>The audit event type of a performance-gate attempt.</summary>
    [Obsolete("Use GatesAuditEvents.MilestoneAttempt; this alias will be removed in the next release.")]
    public const string AttemptEventType = GatesAuditEvents.MilestoneAttempt;

    /// <summary>The audit event type of a fixed milestone being satisfied.</summary>
    [Obsolete("Use GatesAuditEvents.MilestoneSatisfied; this alias will be removed in the next release.")]
    public const string SatisfiedEventType = GatesAuditEvents.MilestoneSatisfied;

    private readonly IAuditLog _auditLog;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private readonly List<FixedState> _fixed = [];
    private readonly List<AdaptiveState> _adaptive = [];

    /// <summary>Creates a tracker.</summary>
    /// <param name="auditLog">Receives every attempt and satisfaction.</param>
    /// <param name="timeProvider">Decides what is overdue and stamps events.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public MilestoneTracker(IAuditLog auditLog, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(auditLog);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _auditLog = auditLog;
        _timeProvider = timeProvider;
    }

    /// <summary>Adds a fixed milestone.</summary>
    /// <param name="milestone">The milestone.</param>
    /// <exception cref="ArgumentNullException"><paramref name="milestone"/> is null.</exception>
    /// <exception cref="ArgumentException">A field is empty or the id is already used.</exception>
    public void AddFixed(FixedMilestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        ArgumentException.ThrowIfNullOrWhiteSpace(milestone.Id, nameof(milestone));
        ArgumentException.ThrowIfNullOrWhiteSpace(milestone.Title, nameof(milestone));
        ArgumentException.ThrowIfNullOrWhiteSpace(milestone.SatisfiedBy, nameof(milestone));
        lock (_gate)
        {
            EnsureNew(milestone.Id);
            _fixed.Add(new FixedState(milestone));
        }
    }

    /// <summary>Adds an adaptive milestone judged by a performance gate.</summary>
    /// <param name="id">A unique identifier.</param>
    /// <param name="title">What it is, for example "F1 ≥ 0.85 on the holdout set".</param>
    /// <param name="gate">The gate that evaluates attempts.</param>
    /// <exception cref="ArgumentException">The id or title is empty, or the id is already used.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="gate"/> is null.</exception>
    public void AddAdaptive(string id, string title, PerformanceGate gate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(gate);
        lock (_gate)
        {
            EnsureNew(id);
            _adaptive.Add(new AdaptiveState(id, title, gate));
        }
    }

    /// <summary>The gate of an adaptive milestone.</summary>
    /// <param name="id">The milestone's identifier.</param>
    /// <returns>The gate.</returns>
    /// <exception cref="KeyNotFoundException">No adaptive milestone has that id.</exception>
    public PerformanceGate GetGate(string id)
    {
        lock (_gate)
        {
            return FindAdaptive(id).Gate;
        }
    }

    /// <summary>Marks a fixed milestone satisfied and audits it.</summary>
    /// <param name="id">The milestone's identifier.</param>
    /// <param name="evidence">What satisfied it (an approval id, a gate decision).</param>
    /// <param name="actor">Who marked it.</param>
    /// <param name="cancellationToken">Cancels the audit append.</param>
    /// <returns>A task that completes when the event is audited.</returns>
    /// <exception cref="ArgumentException"><paramref name="evidence"/> or <paramref name="actor"/> is empty.</exception>
    /// <exception cref="KeyNotFoundException">No fixed milestone has that id.</exception>
    public async Task MarkSatisfiedAsync(string id, string evidence, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(evidence);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        FixedState state;
        lock (_gate)
        {
            state = _fixed.Find(f => f.Milestone.Id == id) ?? throw new KeyNotFoundException($"No fixed milestone '{id}'.");
        }

        var payload = JsonSerializer.SerializeToElement(
            new MilestoneSatisfiedAuditPayload(id, state.Milestone.SatisfiedBy,
                evidence), MilestoneJsonContext.Default.MilestoneSatisfiedAuditPayload);
        await _auditLog.AppendAsync(new AuditEvent(GatesAuditEvents.MilestoneSatisfied, actor, payload: payload),
            cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            state.SatisfiedAt = _timeProvider.GetUtcNow();
            state.Evidence = evidence;
        }
    }

    /// <summary>Records an evaluation of an adaptive milestone in the audit log (model digest, dataset digest, metric,
    /// estimate, interval, decision, time).</summary>
    /// <param name="id">The milestone's identifier.</param>
    /// <param name="model">The evaluated model artifact.</param>
    /// <param name="datasetDigest">The evaluation set's digest.</param>
    /// <param name="result">The gate's result.</param>
    /// <param name="cancellationToken">Cancels the audit append.</param>
    /// <returns>The recorded attempt.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="datasetDigest"/> is empty.</exception>
    /// <exception cref="KeyNotFoundException">No adaptive milestone has that id.</exception>
    public async Task<MilestoneAttempt> RecordAttemptAsync(string id, ModelArtifact model, Sha256Digest datasetDigest, PerformanceGateResult result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(result);
        if (datasetDigest.IsEmpty)
        {
            throw new ArgumentException("The evaluation set's digest is required so the attempt can be reproduced.", nameof(datasetDigest));
        }

        AdaptiveState state;
        lock (_gate)
        {
            state = FindAdaptive(id);
        }

        var estimate = result.Estimate;
        var payload = JsonSerializer.SerializeToElement(
            new MilestoneAttemptAuditPayload(
                id,
                estimate.Metric.ToString(),
                Format(estimate.Estimate),
                Format(estimate.Lower),
                Format(estimate.Upper),
                estimate.IntervalMethod,
                Format(result.Threshold),
                Format(result.ConfidenceLevel),
                estimate.SampleSize.ToString(CultureInfo.InvariantCulture),
                result.Verdict.ToString(),
                datasetDigest.ToString(),
                $"{model.Name}@{model.Version}"),
            MilestoneJsonContext.Default.MilestoneAttemptAuditPayload);
        var record = await _auditLog.AppendAsync(new AuditEvent(GatesAuditEvents.MilestoneAttempt, "performance-gate", artifactDigest: model.Digest,
            payload: payload), cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var attempt = new MilestoneAttempt(state.Attempts.Count + 1, record.Timestamp, model.Digest, datasetDigest, result, record.Sequence);
            state.Attempts.Add(attempt);
            return attempt;
        }
    }

    /// <summary>Every recorded attempt of an adaptive milestone, oldest first.</summary>
    /// <param name="id">The milestone's identifier.</param>
    /// <returns>The attempts.</returns>
    /// <exception cref="KeyNotFoundException">No adaptive milestone has that id.</exception>
    public IReadOnlyList<MilestoneAttempt> GetAttempts(string id)
    {
        lock (_gate)
        {
            return [.. FindAdaptive(id).Attempts];
        }
    }

    /// <summary>The plan: every milestone with its status now.</summary>
    /// <returns>The plan.</returns>
    public MilestonePlan GetPlan()
    {
        var now = _timeProvider.GetUtcNow();
        var items = new List<MilestonePlanItem>();
        lock (_gate)
        {
            foreach (var state in _fixed.OrderBy(f => f.Milestone.DueAt))
            {
                var m = state.Milestone;
                var status = state.SatisfiedAt is not null ? MilestoneStatus.Satisfied
                    : now > m.DueAt ? MilestoneStatus.Overdue
                    : MilestoneStatus.Pending;
                var detail = state.SatisfiedAt is { } at
                    ? string.Create(CultureInfo.InvariantCulture, $"satisfied by {m.SatisfiedBy} on {at.UtcDateTime:yyyy-MM-dd}: {state.Evidence}")
                    : status == MilestoneStatus.Overdue
                        ? string.Create(CultureInfo.InvariantCulture, $"needs {m.SatisfiedBy}; overdue by {(now - m.DueAt).TotalDays:F0} days")
                        : $"needs {m.SatisfiedBy}";
                items.Add(new MilestonePlanItem(MilestoneKind.Fixed, m.Id, m.Title, status, m.DueAt, 0, detail));
            }

            foreach (var state in _adaptive)
            {
                var latest = state.Attempts.Count == 0 ? null : state.Attempts[^1];
                var status = latest?.Result.Verdict switch
                {
                    null => MilestoneStatus.NotAttempted,
                    MilestoneVerdict.Go => MilestoneStatus.Go,
                    MilestoneVerdict.NoGo => MilestoneStatus.NoGo,
                    _ => MilestoneStatus.Inconclusive,
                };
                var detail = latest?.Result.Explanation
                    ?? string.Create(CultureInfo.InvariantCulture,
                        $"{state.Gate.Metric} ≥ {state.Gate.Threshold:F2} at {state.Gate.ConfidenceLevel:P0} confidence; no attempt yet");
                items.Add(new MilestonePlanItem(MilestoneKind.Adaptive, state.Id, state.Title, status, null, state.Attempts.Count, detail));
            }
        }

        return new MilestonePlan(now, items);
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private void EnsureNew(string id)
    {
        if (_fixed.Exists(f => f.Milestone.Id == id) || _adaptive.Exists(a => a.Id == id))
        {
            throw new ArgumentException($"A milestone with id '{id}' already exists.", nameof(id));
        }
    }

    private AdaptiveState FindAdaptive(string id) =>
        _adaptive.Find(a => a.Id == id) ?? throw new KeyNotFoundException($"No adaptive milestone '{id}'.");

    private sealed class FixedState(FixedMilestone milestone)
    {
        public FixedMilestone Milestone { get; } = milestone;

        public DateTimeOffset? SatisfiedAt { get; set; }

        public string? Evidence { get; set; }
    }

    private sealed class AdaptiveState(string id, string title, PerformanceGate gate)
    {
        public string Id { get; } = id;

        public string Title { get; } = title;

        public PerformanceGate Gate { get; } = gate;

        public List<MilestoneAttempt> Attempts { get; } = [];
    }
}
