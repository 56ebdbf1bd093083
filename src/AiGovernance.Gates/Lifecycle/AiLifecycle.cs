using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Gates.Decisions;

namespace AiGovernance.Gates.Lifecycle;

/// <summary>The lifecycle of one AI system: its current phase, the evidence recorded for each phase, and transitions that
/// move one phase forward (only with the phase's outputs present and, where the phase ends at a gate, that gate's allowing
/// decision) or one phase back for rework. Every change is audited.</summary>
/// <remarks>Phase 1 is left through the use-case gate and phase 4 through the deployment gate; the gate's decision must be
/// for this system and bound to the digest of evidence recorded in the lifecycle. Safe for concurrent use: changes are
/// serialised.</remarks>
public sealed class AiLifecycle : IDisposable
{
    private readonly LifecycleOptions _options;
    private readonly IAuditLog _auditLog;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<LifecyclePhase, List<EvidenceItem>> _evidence = [];
    private int _phaseValue = (int)LifecyclePhase.BusinessCaseAndRiskClassification;

    /// <summary>Starts a lifecycle in phase 1.</summary>
    /// <param name="systemId">The AI system's identifier.</param>
    /// <param name="options">The required outputs per phase.</param>
    /// <param name="auditLog">Receives every change.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">Another argument is null.</exception>
    public AiLifecycle(string systemId, LifecycleOptions options, IAuditLog auditLog, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(auditLog);
        ArgumentNullException.ThrowIfNull(timeProvider);
        SystemId = systemId;
        _options = options;
        _auditLog = auditLog;
        _timeProvider = timeProvider;
    }

    /// <summary>The AI system's identifier.</summary>
    public string SystemId { get; }

    /// <summary>The current phase.</summary>
    public LifecyclePhase Phase => (LifecyclePhase)Volatile.Read(ref _phaseValue);

    /// <summary>When the last change happened.</summary>
    public DateTimeOffset? LastChangedAt { get; private set; }

    /// <summary>The gate a phase is left through, or <see langword="null"/> when leaving it needs only its outputs.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The gate.</returns>
    public static GateKind? GetExitGate(LifecyclePhase phase) => phase switch
    {
        LifecyclePhase.BusinessCaseAndRiskClassification => GateKind.UseCase,
        LifecyclePhase.DeploymentReadiness => GateKind.Deployment,
        _ => null,
    };

    /// <summary>The evidence recorded for a phase.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>A snapshot of the evidence.</returns>
    public IReadOnlyList<EvidenceItem> GetEvidence(LifecyclePhase phase)
    {
        lock (_evidence)
        {
            return _evidence.TryGetValue(phase, out var items) ? [.. items] : [];
        }
    }

    /// <summary>The required outputs of a phase that have no evidence yet.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The missing output names, in the configured order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="phase"/> is not a defined phase.</exception>
    public IReadOnlyList<string> GetMissingOutputs(LifecyclePhase phase)
    {
        var missing = new List<string>();
        lock (_evidence)
        {
            _evidence.TryGetValue(phase, out var items);
            foreach (var output in _options.GetRequiredOutputs(phase))
            {
                if (items is null || !items.Exists(e => string.Equals(e.Name, output, StringComparison.Ordinal)))
                {
                    missing.Add(output);
                }
            }
        }

        return missing;
    }

    /// <summary>Records evidence for the current phase; evidence with the same name replaces the earlier item.</summary>
    /// <param name="evidence">The evidence.</param>
    /// <param name="actor">Who records it.</param>
    /// <param name="cancellationToken">Cancels before recording.</param>
    /// <returns>A task that completes when the evidence is recorded and audited.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evidence"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty.</exception>
    public async ValueTask RecordEvidenceAsync(EvidenceItem evidence, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var phase = Phase;
            lock (_evidence)
            {
                if (!_evidence.TryGetValue(phase, out var items))
                {
                    _evidence[phase] = items = [];
                }

                items.RemoveAll(e => string.Equals(e.Name, evidence.Name, StringComparison.Ordinal));
                items.Add(evidence);
            }

            LastChangedAt = _timeProvider.GetUtcNow();
            await AuditAsync(GatesAuditEvents.LifecycleEvidenceRecorded, actor, new LifecycleAuditJson
            {
                Phase = phase.ToString(),
                Evidence = evidence.Name,
                EvidenceDigest = evidence.Digest.ToString(),
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Moves one phase forward when the current phase's outputs are present and, where the phase ends at a gate,
    /// <paramref name="gateDecision"/> is that gate's allowing decision for this system, bound to recorded evidence.</summary>
    /// <param name="actor">Who requests the transition.</param>
    /// <param name="gateDecision">The exit gate's decision, when the phase has one.</param>
    /// <param name="cancellationToken">Cancels before the transition is recorded.</param>
    /// <returns>The outcome; a refusal is audited too.</returns>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty.</exception>
    public async ValueTask<LifecycleTransition> AdvanceAsync(string actor, GateDecision? gateDecision = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var from = Phase;
            var reasons = new List<string>();
            IReadOnlyList<string> missing = [];
            if (from == LifecyclePhase.ContinuousOperation)
            {
                reasons.Add("Continuous operation is the last phase; the continuation gate decides whether the system keeps running.");
            }
            else
            {
                missing = GetMissingOutputs(from);
                foreach (var output in missing)
                {
                    reasons.Add($"Missing output of {from}: {output}.");
                }

                CheckExitGate(from, gateDecision, reasons);
            }

            var succeeded = reasons.Count == 0;
            var to = succeeded ? from + 1 : from;
            if (succeeded)
            {
                reasons.Add(GetExitGate(from) is { } gate
                    ? $"Outputs of {from} present; {GateKindNames.ToWire(gate)} gate allowed."
                    : $"Outputs of {from} present.");
                Volatile.Write(ref _phaseValue, (int)to);
                LastChangedAt = _timeProvider.GetUtcNow();
            }

            await AuditAsync(succeeded ? GatesAuditEvents.LifecycleAdvanced : GatesAuditEvents.LifecycleAdvanceRefused, actor, new LifecycleAuditJson
            {
                Phase = from.ToString(),
                To = (from == LifecyclePhase.ContinuousOperation ? from : from + 1).ToString(),
                Succeeded = succeeded,
                Missing = [.. missing],
                Reasons = reasons,
            }, cancellationToken).ConfigureAwait(false);
            return new LifecycleTransition(succeeded, from, to, missing, reasons);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Moves one phase back for rework (for example when validation or a continuation review fails).</summary>
    /// <param name="actor">Who requests the rework.</param>
    /// <param name="reason">Why the system goes back.</param>
    /// <param name="cancellationToken">Cancels before the transition is recorded.</param>
    /// <returns>The outcome; refused in phase 1.</returns>
    /// <exception cref="ArgumentException"><paramref name="actor"/> or <paramref name="reason"/> is empty.</exception>
    public async ValueTask<LifecycleTransition> ReturnForReworkAsync(string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var from = Phase;
            var succeeded = from != LifecyclePhase.BusinessCaseAndRiskClassification;
            var to = succeeded ? from - 1 : from;
            List<string> reasons = [succeeded ? reason : "Phase 1 has no earlier phase to return to."];
            if (succeeded)
            {
                Volatile.Write(ref _phaseValue, (int)to);
                LastChangedAt = _timeProvider.GetUtcNow();
            }

            await AuditAsync(succeeded ? GatesAuditEvents.LifecycleRework : GatesAuditEvents.LifecycleReworkRefused, actor, new LifecycleAuditJson
            {
                Phase = from.ToString(),
                To = to.ToString(),
                Succeeded = succeeded,
                Reasons = reasons,
            }, cancellationToken).ConfigureAwait(false);
            return new LifecycleTransition(succeeded, from, to, [], reasons);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private void CheckExitGate(LifecyclePhase from, GateDecision? decision, List<string> reasons)
    {
        if (GetExitGate(from) is not { } gate)
        {
            return;
        }

        var name = GateKindNames.ToWire(gate);
        if (decision is null)
        {
            reasons.Add($"Leaving {from} requires the {name} gate's decision.");
            return;
        }

        if (decision.Gate != gate)
        {
            reasons.Add($"The decision is from the {GateKindNames.ToWire(decision.Gate)} gate, not the {name} gate.");
        }

        if (!string.Equals(decision.SystemId, SystemId, StringComparison.Ordinal))
        {
            reasons.Add($"The decision is for system {decision.SystemId}, not {SystemId}.");
        }

        if (!decision.IsAllowed)
        {
            reasons.Add($"The {name} gate blocked: {string.Join(" ", decision.Reasons)}");
        }

        var bound = false;
        lock (_evidence)
        {
            foreach (var items in _evidence.Values)
            {
                bound |= items.Exists(e => e.Digest.Equals(decision.ArtifactDigest));
            }
        }

        if (!bound)
        {
            reasons.Add($"The decision's artifact sha256:{decision.ArtifactDigest} is not recorded as evidence of this lifecycle.");
        }
    }

    private async ValueTask AuditAsync(string eventType, string actor, LifecycleAuditJson payload, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToElement(payload, GatesJsonContext.Default.LifecycleAuditJson);
        await _auditLog.AppendAsync(new AuditEvent(eventType, actor, SystemId, payload: json), cancellationToken).ConfigureAwait(false);
    }
}
