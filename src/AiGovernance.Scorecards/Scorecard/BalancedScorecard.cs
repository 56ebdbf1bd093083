using AiGovernance.Shared;

namespace AiGovernance.Scorecards;

/// <summary>Scores an AI system across technical, business, risk and adoption dimensions for one period.</summary>
/// <remarks>
/// <para>Each metric value is normalised with <see cref="ScorecardMetric.Normalize(double)"/>; a dimension's score is the
/// mean of its measured metrics; the overall health is the weighted mean of the measured dimensions, with the weights of
/// the measured dimensions re-scaled to sum to 1. A dimension with no metric value is reported as not measured with a
/// warning — never scored as 0 or 1 — because a scorecard that silently drops a quadrant is exactly the unbalanced view it
/// exists to prevent.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class BalancedScorecard
{
    private readonly Dictionary<string, ScorecardMetric> _byName;

    /// <summary>Creates a scorecard with the default weights (0.25 / 0.35 / 0.25 / 0.15) and weakness threshold 0.6.</summary>
    /// <param name="metrics">The metric definitions; names must be unique.</param>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">Two metrics share a name.</exception>
    public BalancedScorecard(IEnumerable<ScorecardMetric> metrics)
        : this(metrics, DimensionWeights.Default, ScorecardsDefaults.WeaknessThreshold)
    {
    }

    /// <summary>Creates a scorecard.</summary>
    /// <param name="metrics">The metric definitions; names must be unique (ordinal).</param>
    /// <param name="weights">The dimension weights, each in [0, 1], summing to 1.</param>
    /// <param name="weaknessThreshold">Dimensions (and metrics) scoring below this, in [0, 1], are weaknesses.</param>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">Two metrics share a name, <paramref name="weights"/> are invalid (a weight outside
    /// [0, 1], or a sum differing from 1 by more than <see cref="DimensionWeights.SumTolerance"/>), or
    /// <paramref name="weaknessThreshold"/> is outside [0, 1]; the message lists every broken rule.</exception>
    public BalancedScorecard(IEnumerable<ScorecardMetric> metrics, DimensionWeights weights, double weaknessThreshold)
    {
        ArgumentNullException.ThrowIfNull(metrics);

        // The rules are those of ScorecardsOptions, run by its validators; each parameter is checked on its own so the
        // exception names the one that is wrong.
        OptionsGuard.ThrowIfInvalid(ScorecardsOptions.Of(weights, ScorecardsDefaults.WeaknessThreshold), nameof(weights),
            ScorecardsOptionsValidator.Instance, ScorecardsOptionsCustomValidator.Instance);
        OptionsGuard.ThrowIfInvalid(ScorecardsOptions.Of(DimensionWeights.Default, weaknessThreshold), nameof(weaknessThreshold),
            ScorecardsOptionsValidator.Instance, ScorecardsOptionsCustomValidator.Instance);

        var list = new List<ScorecardMetric>();
        _byName = new Dictionary<string, ScorecardMetric>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            ArgumentNullException.ThrowIfNull(metric, nameof(metrics));
            if (!_byName.TryAdd(metric.Name, metric))
            {
                throw new ArgumentException($"Metric '{metric.Name}' is defined twice.", nameof(metrics));
            }

            list.Add(metric);
        }

        Metrics = list.AsReadOnly();
        Weights = weights;
        WeaknessThreshold = weaknessThreshold;
    }

    /// <summary>The metric definitions, in the given order.</summary>
    public IReadOnlyList<ScorecardMetric> Metrics { get; }

    /// <summary>The dimension weights.</summary>
    public DimensionWeights Weights { get; }

    /// <summary>The threshold below which a dimension or metric is a weakness.</summary>
    public double WeaknessThreshold { get; }

    /// <summary>Scores one period.</summary>
    /// <param name="systemName">The AI system's name.</param>
    /// <param name="period">The period's label, for example <c>2025-Q2</c>.</param>
    /// <param name="readings">The metric values of the period. Values for names without a definition are ignored with a
    /// warning.</param>
    /// <param name="previous">The previous period's report of the same system, for the change in each score; optional.</param>
    /// <remarks>Weaknesses are listed weakest first.</remarks>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException"><paramref name="systemName"/> or <paramref name="period"/> is empty; a metric has
    /// two readings; or <paramref name="previous"/> belongs to another system.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="readings"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A reading's value is not finite.</exception>
    public ScorecardReport Evaluate(string systemName, string period, IEnumerable<MetricReading> readings, ScorecardReport? previous = null) =>
        EvaluateCollected(systemName, period, readings, previous, []);

    /// <summary>Scores one period, listing <paramref name="collectionWarnings"/> first among the report's warnings.</summary>
    internal ScorecardReport EvaluateCollected(
        string systemName, string period, IEnumerable<MetricReading> readings, ScorecardReport? previous, IEnumerable<string> collectionWarnings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemName);
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        ArgumentNullException.ThrowIfNull(readings);
        if (previous is not null && !string.Equals(previous.SystemName, systemName, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The previous report is for '{previous.SystemName}', not '{systemName}'.", nameof(previous));
        }

        var warnings = new List<string>(collectionWarnings);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var reading in readings)
        {
            if (reading.MetricName is null || !_byName.ContainsKey(reading.MetricName))
            {
                warnings.Add($"Reading '{reading.MetricName}' matches no metric definition and was ignored.");
                continue;
            }

            if (!double.IsFinite(reading.Value))
            {
                throw new ArgumentOutOfRangeException(nameof(readings), reading.Value,
                    $"The value of metric '{reading.MetricName}' must be finite.");
            }

            if (!values.TryAdd(reading.MetricName, reading.Value))
            {
                throw new ArgumentException($"Metric '{reading.MetricName}' has more than one reading.", nameof(readings));
            }
        }

        var dimensions = ScorecardDimensions.Dimensions;
        var scores = new double?[dimensions.Length];
        var metricScores = new List<MetricScore>[dimensions.Length];
        var missing = new List<string>[dimensions.Length];
        var defined = new int[dimensions.Length];
        for (var d = 0; d < dimensions.Length; d++)
        {
            metricScores[d] = [];
            missing[d] = [];
        }

        foreach (var metric in Metrics)
        {
            var d = (int)metric.Dimension;
            defined[d]++;
            if (values.TryGetValue(metric.Name, out var value))
            {
                metricScores[d].Add(new MetricScore(metric, value, metric.Normalize(value)));
            }
            else
            {
                missing[d].Add(metric.Name);
            }
        }

        var measuredWeight = 0.0;
        for (var d = 0; d < dimensions.Length; d++)
        {
            var name = ScorecardDimensions.DisplayName(dimensions[d]);
            if (metricScores[d].Count == 0)
            {
                warnings.Add(defined[d] == 0
                    ? $"{name} is not measured: no metric is defined for it. It is excluded and the other weights are re-scaled."
                    : $"{name} is not measured: none of its {defined[d]} metrics has a value this period. It is excluded and the other weights are " +
                        $"re-scaled.");
                continue;
            }

            var sum = 0.0;
            foreach (var score in metricScores[d])
            {
                sum += score.Score;
            }

            scores[d] = sum / metricScores[d].Count;
            measuredWeight += Weights[dimensions[d]];
            foreach (var metricName in missing[d])
            {
                warnings.Add($"Metric '{metricName}' ({name}) has no value this period; the dimension is scored on its other metrics.");
            }
        }

        double? overall = null;
        if (measuredWeight > 0)
        {
            var total = 0.0;
            for (var d = 0; d < dimensions.Length; d++)
            {
                if (scores[d] is { } s)
                {
                    total += Weights[dimensions[d]] * s;
                }
            }

            overall = Math.Clamp(total / measuredWeight, 0.0, 1.0);
        }
        else
        {
            warnings.Add("No weighted dimension is measured, so the overall health cannot be computed.");
        }

        if (previous is not null && overall is not null && previous.OverallHealth is not null)
        {
            var changed = new List<string>();
            for (var d = 0; d < dimensions.Length; d++)
            {
                if (scores[d].HasValue != previous.Dimensions[d].IsMeasured)
                {
                    changed.Add(ScorecardDimensions.DisplayName(dimensions[d]));
                }
            }

            if (changed.Count > 0)
            {
                warnings.Add($"The overall change against {previous.Period} compares different sets of dimensions ({string.Join(", ", changed)} " +
                    $"measured in only one period); compare the dimension scores instead.");
            }
        }

        var dimensionScores = new DimensionScore[dimensions.Length];
        var weaknesses = new List<ScorecardWeakness>();
        for (var d = 0; d < dimensions.Length; d++)
        {
            var dimension = dimensions[d];
            var weight = Weights[dimension];
            dimensionScores[d] = new DimensionScore(
                dimension,
                weight,
                scores[d].HasValue && measuredWeight > 0 ? weight / measuredWeight : 0.0,
                scores[d],
                previous?.Dimensions[d].Score,
                metricScores[d].AsReadOnly(),
                missing[d].AsReadOnly());

            if (scores[d] is { } score && score < WeaknessThreshold)
            {
                var behind = metricScores[d].FindAll(m => m.Score < WeaknessThreshold);
                behind.Sort((a, b) => a.Score.CompareTo(b.Score));
                weaknesses.Add(new ScorecardWeakness(dimension, score, behind.AsReadOnly()));
            }
        }

        weaknesses.Sort((a, b) => a.Score.CompareTo(b.Score));
        return new ScorecardReport(
            systemName,
            period,
            previous?.Period,
            WeaknessThreshold,
            overall,
            previous?.OverallHealth,
            dimensionScores,
            weaknesses.AsReadOnly(),
            warnings.AsReadOnly());
    }
}
