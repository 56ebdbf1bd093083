using System.Diagnostics.Metrics;

namespace AiGovernance.Scorecards;

/// <summary>The package's meter and instruments.</summary>
internal static class ScorecardTelemetry
{
    public const string MeterName = "AiGovernance.Scorecards";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>The latest overall health of a system, in [0, 1], tagged with the system name.</summary>
    public static readonly Gauge<double> OverallHealth =
        Meter.CreateGauge<double>("aigovernance.scorecards.health", unit: "1", description: "Overall health of an AI system's balanced scorecard.");

    /// <summary>The latest score of each measured dimension, tagged with the system name and dimension.</summary>
    public static readonly Gauge<double> DimensionScore =
        Meter.CreateGauge<double>("aigovernance.scorecards.dimension.score", unit: "1", description: "Score of one scorecard dimension.");

    /// <summary>Scorecard warnings (dimensions not measured, missing metrics, failing sources).</summary>
    public static readonly Counter<long> Warnings =
        Meter.CreateCounter<long>("aigovernance.scorecards.warnings", unit: "{warning}", description: "Warnings raised while scoring.");
}
