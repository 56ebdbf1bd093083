namespace AiGovernance.Monitoring.Responses;

/// <summary>What the workflow did with an event.</summary>
public enum DriftDisposition
{
    /// <summary>Dispatched to the handlers.</summary>
    Dispatched = 0,

    /// <summary>Dispatched within the cool-down because its severity rose above the last dispatched one.</summary>
    Escalated = 1,

    /// <summary>Recorded but not dispatched: a response at the same or higher severity was dispatched within the cool-down.</summary>
    Suppressed = 2,
}
