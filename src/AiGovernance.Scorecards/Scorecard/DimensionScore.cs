namespace AiGovernance.Scorecards;

/// <summary>One dimension of a <see cref="ScorecardReport"/>.</summary>
public sealed class DimensionScore
{
    internal DimensionScore(
        ScorecardDimension dimension,
        double weight,
        double effectiveWeight,
        double? score,
        double? previousScore,
        IReadOnlyList<MetricScore> metrics,
        IReadOnlyList<string> missingMetrics)
    {
        Dimension = dimension;
        Weight = weight;
        EffectiveWeight = effectiveWeight;
        Score = score;
        PreviousScore = previousScore;
        Metrics = metrics;
        MissingMetrics = missingMetrics;
    }

    /// <summary>The dimension.</summary>
    public ScorecardDimension Dimension { get; }

    /// <summary>The configured weight.</summary>
    public double Weight { get; }

    /// <summary>The weight used for the overall health: the configured weight divided by the sum of the measured
    /// dimensions' weights; 0 when the dimension is not measured.</summary>
    public double EffectiveWeight { get; }

    /// <summary>The mean score of the dimension's measured metrics, in [0, 1]; <see langword="null"/> when not measured.</summary>
    public double? Score { get; }

    /// <summary>Whether at least one of the dimension's metrics has a value this period.</summary>
    public bool IsMeasured => Score.HasValue;

    /// <summary>The score in the previous period; <see langword="null"/> without a previous period or when it was not
    /// measured then.</summary>
    public double? PreviousScore { get; }

    /// <summary><see cref="Score"/> − <see cref="PreviousScore"/>; <see langword="null"/> unless both are measured.</summary>
    public double? Change => Score - PreviousScore;

    /// <summary>The measured metrics, in definition order.</summary>
    public IReadOnlyList<MetricScore> Metrics { get; }

    /// <summary>The names of the dimension's defined metrics that have no value this period.</summary>
    public IReadOnlyList<string> MissingMetrics { get; }
}
