using System.Diagnostics.Metrics;

namespace AiGovernance.Scorecards;

/// <summary>The Scorecards package's meter, <see cref="MeterName"/>, and its instruments (docs/telemetry.md lists them).</summary>
/// <remarks>Components created by DI get the meter from the host's <see cref="IMeterFactory"/>; a component created without
/// a factory records on one process-wide meter of the same name.</remarks>
public sealed class ScorecardsTelemetry
{
    /// <summary>The meter's name, for example for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "AiGovernance.Scorecards";

    private static readonly Lazy<ScorecardsTelemetry> ProcessWide = new(() => new ScorecardsTelemetry(new Meter(MeterName)));

    private readonly Gauge<double> _overallHealth;
    private readonly Gauge<double> _dimensionScore;
    private readonly Counter<long> _warnings;

    private ScorecardsTelemetry(Meter meter)
    {
        _overallHealth = meter.CreateGauge<double>("aigovernance.scorecards.health", unit: "1",
            description: "Overall health of an AI system's balanced scorecard, in [0, 1] (tag aigovernance.system).");
        _dimensionScore = meter.CreateGauge<double>("aigovernance.scorecards.dimension.score", unit: "1",
            description: "Score of one scorecard dimension (tags aigovernance.system, aigovernance.scorecards.dimension).");
        _warnings = meter.CreateCounter<long>("aigovernance.scorecards.warnings", unit: "{warning}",
            description: "Warnings raised while scoring: dimensions not measured, missing metrics, failing sources.");
    }

    /// <summary>Instruments on a meter from <paramref name="meterFactory"/>, or on the process-wide meter when none is given.</summary>
    internal static ScorecardsTelemetry Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? ProcessWide.Value : new ScorecardsTelemetry(meterFactory.Create(new MeterOptions(MeterName)));

    internal void RecordHealth(string system, double health) => _overallHealth.Record(health, SystemTag(system));

    internal void RecordDimensionScore(string system, string dimension, double score) =>
        _dimensionScore.Record(score, SystemTag(system), new KeyValuePair<string, object?>("aigovernance.scorecards.dimension", dimension));

    internal void RecordWarnings(string system, int count) => _warnings.Add(count, SystemTag(system));

    private static KeyValuePair<string, object?> SystemTag(string system) => new("aigovernance.system", system);
}
