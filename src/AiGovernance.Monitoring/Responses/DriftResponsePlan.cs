using AiGovernance.Core;

namespace AiGovernance.Monitoring.Responses;

/// <summary>What the library recommends for an event; handlers decide how to act on it.</summary>
/// <param name="Severity">The event's severity.</param>
/// <param name="Alert">Whether to alert people (medium and above).</param>
/// <param name="HumanReview">Whether to switch decisions to human review (critical).</param>
/// <param name="Retraining">How urgently to queue retraining.</param>
/// <param name="IncreaseMonitoring">Whether to monitor more often (high).</param>
/// <param name="Rollback">Whether to roll back (critical and degradation above the rollback threshold).</param>
public readonly record struct DriftResponsePlan(
    Severity Severity,
    bool Alert,
    bool HumanReview,
    RetrainingPriority Retraining,
    bool IncreaseMonitoring,
    bool Rollback);
