using AiGovernance.Scorecards;

namespace AiGovernance.Reporting.Scorecards;

/// <summary>One dimension of a balanced scorecard.</summary>
public sealed class ScorecardDimensionRow
{
    /// <summary>The dimension.</summary>
    public ScorecardDimension Dimension { get; init; }

    /// <summary>The configured weight.</summary>
    public double Weight { get; init; }

    /// <summary>The weight after unmeasured dimensions were left out.</summary>
    public double EffectiveWeight { get; init; }

    /// <summary>The dimension's score (0–100).</summary>
    public double? Score { get; init; }

    /// <summary>The previous period's score.</summary>
    public double? PreviousScore { get; init; }

    /// <summary>The metrics read.</summary>
    public IReadOnlyList<ScorecardMetricRow> Metrics { get; init; } = [];

    /// <summary>Metrics configured but not read.</summary>
    public IReadOnlyList<string> MissingMetrics { get; init; } = [];

    /// <summary>Why each <see langword="null"/> value is undefined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes a dimension score.</summary>
    /// <param name="score">The score.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="score"/> is null.</exception>
    public static ScorecardDimensionRow From(DimensionScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var r = new Json.NullReasons();
        return new ScorecardDimensionRow
        {
            Dimension = score.Dimension,
            Weight = score.Weight,
            EffectiveWeight = score.EffectiveWeight,
            Score = r.Value(score.Score, "score", "no metric of this dimension was read"),
            PreviousScore = r.Value(score.PreviousScore, "previousScore", "no previous period, or not measured then"),
            Metrics = [.. score.Metrics.Select(m => new ScorecardMetricRow(m.Metric.Name, m.Metric.Direction, m.Metric.Floor, m.Metric.Target,
                m.Value, m.Score))],
            MissingMetrics = score.MissingMetrics,
            NullReasons = r.Result,
        };
    }
}
