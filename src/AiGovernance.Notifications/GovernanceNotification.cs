using System.Globalization;
using AiGovernance.Core;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Gates.Decisions;
using AiGovernance.Monitoring.Responses;

namespace AiGovernance.Notifications;

/// <summary>One message for people: what happened, to which system, how bad, and the facts behind it.</summary>
/// <remarks>Every text field may hold text from data or from outside (column names, reasons, rollout names); the webhook
/// formats bound and escape it (<see cref="WebhookFormat"/>), never this record.</remarks>
public sealed record GovernanceNotification
{
    /// <summary>What the notification is about.</summary>
    public required NotificationKind Kind { get; init; }

    /// <summary>A one-line title.</summary>
    public required string Title { get; init; }

    /// <summary>The AI system concerned.</summary>
    public required string SystemId { get; init; }

    /// <summary>How serious it is.</summary>
    public required Severity Severity { get; init; }

    /// <summary>What happened, in a sentence or a few.</summary>
    public required string Summary { get; init; }

    /// <summary>Name–value facts shown as a list (decision, statistics, stage).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; init; } = [];

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The notification of a drift event handled by the drift response workflow.</summary>
    /// <param name="context">The event, its plan and disposition.</param>
    /// <returns>The notification.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public static GovernanceNotification FromDrift(DriftResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var e = context.Event;
        var severity = e.Severity ?? Severity.Low;
        return new()
        {
            Kind = NotificationKind.Drift,
            Title = $"{e.Kind} on {e.SystemId}" + (e.Subject is null ? string.Empty : $" ({e.Subject})"),
            SystemId = e.SystemId,
            Severity = severity,
            Summary = e.Summary,
            Facts =
            [
                new("kind", e.Kind.ToString()),
                new("disposition", context.Disposition.ToString()),
                new("psi", e.Psi.ToString("G6", CultureInfo.InvariantCulture)),
                new("degradation", e.Degradation.ToString("G6", CultureInfo.InvariantCulture)),
                new("audit sequence", context.AuditSequence.ToString(CultureInfo.InvariantCulture)),
            ],
            OccurredAt = context.DetectedAt,
        };
    }

    /// <summary>The notification of a gate decision: high severity when it blocks, low when it allows.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The notification.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    public static GovernanceNotification FromGateDecision(GateDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var outcome = decision.IsAllowed ? "allowed" : "blocked";
        return new()
        {
            Kind = NotificationKind.Gate,
            Title = $"{decision.Gate} gate {outcome} for {decision.SystemId} in {decision.Environment}",
            SystemId = decision.SystemId,
            Severity = decision.IsAllowed ? Severity.Low : Severity.High,
            Summary = decision.IsAllowed ? "Every required approval is present and valid." : string.Join(" ", decision.Reasons),
            Facts =
            [
                new("outcome", outcome),
                new("tier", decision.Tier.ToString()),
                new("policy", decision.PolicyVersion),
                new("artifact", decision.ArtifactDigest.ToString()),
                new("accepted approvals", decision.AcceptedApprovals.Count.ToString(CultureInfo.InvariantCulture)),
            ],
            OccurredAt = decision.DecidedAt,
        };
    }

    /// <summary>The notification of a rollout's state: critical when it rolled back or the rollback failed, medium when paused.</summary>
    /// <param name="systemId">The AI system the rollout deploys.</param>
    /// <param name="rollout">The rollout's name.</param>
    /// <param name="status">Its status after the transition.</param>
    /// <param name="occurredAt">When the transition happened.</param>
    /// <returns>The notification.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="status"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="systemId"/> or <paramref name="rollout"/> is empty.</exception>
    public static GovernanceNotification FromRollout(string systemId, string rollout, RolloutStatus status, DateTimeOffset occurredAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        ArgumentException.ThrowIfNullOrWhiteSpace(rollout);
        ArgumentNullException.ThrowIfNull(status);
        var severity = status.State switch
        {
            RolloutState.RolledBack or RolloutState.RollbackFailed => Severity.Critical,
            RolloutState.Paused => Severity.Medium,
            _ => Severity.Low,
        };
        return new()
        {
            Kind = NotificationKind.Rollout,
            Title = $"Rollout {rollout}: {status.State}",
            SystemId = systemId,
            Severity = severity,
            Summary = status.Reason,
            Facts =
            [
                new("state", status.State.ToString()),
                new("stage", status.StageIndex.ToString(CultureInfo.InvariantCulture)),
                new("traffic fraction", status.TrafficFraction.ToString("G6", CultureInfo.InvariantCulture)),
            ],
            OccurredAt = occurredAt,
        };
    }
}
