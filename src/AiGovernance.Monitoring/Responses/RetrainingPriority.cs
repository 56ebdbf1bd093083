namespace AiGovernance.Monitoring.Responses;

/// <summary>How urgently a response plan asks for retraining.</summary>
public enum RetrainingPriority
{
    /// <summary>No retraining.</summary>
    None = 0,

    /// <summary>Queue with normal priority (medium severity).</summary>
    Normal = 1,

    /// <summary>Queue with high priority (high severity).</summary>
    High = 2,

    /// <summary>Emergency retraining (critical severity).</summary>
    Urgent = 3,
}
