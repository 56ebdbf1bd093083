namespace AiGovernance.Reporting.Layout;

/// <summary>The tone of a tile, badge or cell: how good or bad the news is. Severity tones use the severity colours.</summary>
public enum ReportTone
{
    /// <summary>Information without a verdict.</summary>
    Neutral = 0,

    /// <summary>A good outcome: within limits, go, valid.</summary>
    Good = 1,

    /// <summary>A bad outcome: drift, no-go, broken chain.</summary>
    Bad = 2,

    /// <summary>A low-severity finding.</summary>
    Low = 3,

    /// <summary>A medium-severity finding, or an inconclusive verdict.</summary>
    Medium = 4,

    /// <summary>A high-severity finding.</summary>
    High = 5,

    /// <summary>A critical finding.</summary>
    Critical = 6,
}
