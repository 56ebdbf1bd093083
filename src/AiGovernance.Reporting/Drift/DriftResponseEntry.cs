using AiGovernance.Core;
using AiGovernance.Monitoring.Responses;

namespace AiGovernance.Reporting.Drift;

/// <summary>What the drift response workflow did with one event.</summary>
public sealed class DriftResponseEntry
{
    /// <summary>What raised the event ("window 2026-08", "accuracy trend").</summary>
    public required string Trigger { get; init; }

    /// <summary>The event's kind.</summary>
    public DriftEventKind Kind { get; init; }

    /// <summary>The planned severity.</summary>
    public Severity Severity { get; init; }

    /// <summary>Whether it was handled, suppressed or escalated.</summary>
    public DriftDisposition Disposition { get; init; }

    /// <summary>The audit record of the event.</summary>
    public long AuditSequence { get; init; }

    /// <summary>Whether an alert was raised.</summary>
    public bool Alert { get; init; }

    /// <summary>Whether human review was asked for.</summary>
    public bool HumanReview { get; init; }

    /// <summary>The retraining priority.</summary>
    public RetrainingPriority Retraining { get; init; }

    /// <summary>Whether rollback was asked for.</summary>
    public bool Rollback { get; init; }

    /// <summary>The handlers' outcomes.</summary>
    public IReadOnlyList<DriftHandlerEntry> Handlers { get; init; } = [];

    /// <summary>What the handlers said they would do, one line each.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>Takes a workflow result.</summary>
    /// <param name="trigger">What raised the event.</param>
    /// <param name="result">The workflow's result.</param>
    /// <param name="actions">The handlers' action lines.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DriftResponseEntry From(string trigger, DriftResponseResult result, IReadOnlyList<string> actions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trigger);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(actions);
        return new DriftResponseEntry
        {
            Trigger = trigger,
            Kind = result.Event.Kind,
            Severity = result.Plan.Severity,
            Disposition = result.Disposition,
            AuditSequence = result.AuditSequence,
            Alert = result.Plan.Alert,
            HumanReview = result.Plan.HumanReview,
            Retraining = result.Plan.Retraining,
            Rollback = result.Plan.Rollback,
            Handlers = [.. result.Outcomes.Select(o => new DriftHandlerEntry(o.Handler, o.Succeeded, o.Error))],
            Actions = actions,
        };
    }
}
