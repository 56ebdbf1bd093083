using AiGovernance.Gates.Milestones;

namespace AiGovernance.Reporting.Performance;

/// <summary>One performance gate: the metric's estimate with its interval against the threshold, the verdict and, when
/// evaluated by group, each group's own gate.</summary>
public sealed class PerformanceGateRow
{
    /// <summary>The gate's name (for example "overall" or the group).</summary>
    public required string Name { get; init; }

    /// <summary>Go, no-go or inconclusive.</summary>
    public PerformanceVerdict Verdict { get; init; }

    /// <summary>The metric.</summary>
    public PerformanceMetric Metric { get; init; }

    /// <summary>The estimate with its interval.</summary>
    public required EstimateWithInterval Estimate { get; init; }

    /// <summary>The threshold.</summary>
    public double Threshold { get; init; }

    /// <summary>The interval's confidence level.</summary>
    public double ConfidenceLevel { get; init; }

    /// <summary>Labelled examples evaluated.</summary>
    public long SampleSize { get; init; }

    /// <summary>How the interval was computed.</summary>
    public required string IntervalMethod { get; init; }

    /// <summary>For an inconclusive verdict, roughly how many more labelled examples would settle it.</summary>
    public long? AdditionalExamplesNeeded { get; init; }

    /// <summary>The decision in a sentence.</summary>
    public required string Explanation { get; init; }

    /// <summary>Per-group gates.</summary>
    public IReadOnlyList<PerformanceGateRow> Subgroups { get; init; } = [];

    /// <summary>Why each <see langword="null"/> value is undefined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes a gate result.</summary>
    /// <param name="name">The gate's name.</param>
    /// <param name="result">The result.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static PerformanceGateRow From(string name, PerformanceGateResult result)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(result);
        var r = new Json.NullReasons();
        if (result.AdditionalExamplesNeeded is null)
        {
            r.Add("additionalExamplesNeeded", "the verdict is settled, or no estimate was defined");
        }

        var e = result.Estimate;
        return new PerformanceGateRow
        {
            Name = name,
            Verdict = Enum.Parse<PerformanceVerdict>(result.Verdict.ToString()),
            Metric = e.Metric,
            Estimate = EstimateWithInterval.Of(e.Estimate, e.Lower, e.Upper,
                "the metric is not defined on this sample (for example no predicted positives)"),
            Threshold = result.Threshold,
            ConfidenceLevel = result.ConfidenceLevel,
            SampleSize = e.SampleSize,
            IntervalMethod = e.IntervalMethod,
            AdditionalExamplesNeeded = result.AdditionalExamplesNeeded,
            Explanation = result.Explanation,
            Subgroups = [.. result.Subgroups.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => From(s.Key, s.Value))],
            NullReasons = r.Result,
        };
    }
}
