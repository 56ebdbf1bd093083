namespace AiGovernance.Core.Reports;

/// <summary>The kinds of report the packages keep in an <see cref="IGovernanceReportStore"/>. A kind is any non-empty
/// text; these are the ones the packages use.</summary>
public static class GovernanceReportKinds
{
    /// <summary>A drift report (Monitoring).</summary>
    public const string Drift = "drift";

    /// <summary>A fairness report (Monitoring).</summary>
    public const string Fairness = "fairness";

    /// <summary>A canary analysis (Deployment).</summary>
    public const string Canary = "canary";

    /// <summary>An override analysis (Oversight).</summary>
    public const string Oversight = "oversight";

    /// <summary>A balanced scorecard (Scorecards).</summary>
    public const string Scorecard = "scorecard";

    /// <summary>A shadow comparison of a candidate model against production (Deployment).</summary>
    public const string Shadow = "shadow";

    /// <summary>A performance-gate evaluation (Gates).</summary>
    public const string Performance = "performance";

    /// <summary>Performance estimated without labels, CBPE or DLE (Monitoring).</summary>
    public const string EstimatedPerformance = "estimated-performance";
}
