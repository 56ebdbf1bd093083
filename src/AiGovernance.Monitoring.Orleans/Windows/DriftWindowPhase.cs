namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>Where a window is in its life; each step is persisted before the next starts, so a window resumes where a
/// failed silo left it.</summary>
public enum DriftWindowPhase
{
    /// <summary>Accepting partials.</summary>
    Open,

    /// <summary>Closed to partials; the drift report is computed and persisted.</summary>
    Computed,

    /// <summary>The report is in the report history.</summary>
    Published,

    /// <summary>The drift response workflow has run (or was not needed): done.</summary>
    Closed,
}
