namespace AiGovernance.Gates.PostMarket;

/// <summary>One risk of a post-market monitoring plan, the provisions it serves and the monitors covering it.</summary>
/// <param name="Risk">The risk.</param>
/// <param name="Provisions">The EU AI Act provisions the risk is watched for, as identifiers in the law version.</param>
/// <param name="Monitors">The monitors in use that cover it; empty is a gap.</param>
public sealed record RiskCoverage(MonitoredRisk Risk, IReadOnlyList<string> Provisions, IReadOnlyList<MonitorCoverage> Monitors)
{
    /// <summary>Whether no monitor covers the risk.</summary>
    public bool IsGap => Monitors.Count == 0;
}
