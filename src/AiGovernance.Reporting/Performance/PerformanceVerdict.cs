namespace AiGovernance.Reporting.Performance;

/// <summary>The outcome of a performance gate as a report states it.</summary>
public enum PerformanceVerdict
{
    /// <summary>The interval straddles the threshold: more labelled data is needed.</summary>
    Inconclusive = 0,

    /// <summary>The lower bound clears the threshold (or the non-inferiority margin).</summary>
    Go = 1,

    /// <summary>The upper bound falls below the threshold (or the margin).</summary>
    NoGo = 2,
}
