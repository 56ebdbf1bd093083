namespace AiGovernance.Gates.PostMarket;

/// <summary>A monitor in use and the risks it covers.</summary>
/// <param name="MonitorId">The monitor, for example the full name of an AiGovernance type such as
/// <c>AiGovernance.Monitoring.Drift.DataDriftDetector</c>, or your own monitor's name.</param>
/// <param name="Description">What it does, in a sentence.</param>
/// <param name="Covers">The risks it covers.</param>
public sealed record MonitorCoverage(string MonitorId, string Description, IReadOnlyList<MonitoredRisk> Covers);
