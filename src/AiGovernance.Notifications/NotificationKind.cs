namespace AiGovernance.Notifications;

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>A drift event (data, prediction, concept, fairness, vendor SLA …) from the drift response workflow.</summary>
    Drift = 0,

    /// <summary>A governance gate decision (use case, deployment, continuation).</summary>
    Gate = 1,

    /// <summary>A rollout transition (stage advanced, paused, rolled back, completed).</summary>
    Rollout = 2,
}
