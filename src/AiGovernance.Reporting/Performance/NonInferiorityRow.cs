using AiGovernance.Gates.Milestones;

namespace AiGovernance.Reporting.Performance;

/// <summary>A candidate compared with the production model on the same examples (non-inferiority).</summary>
public sealed class NonInferiorityRow
{
    /// <summary>Go, no-go or inconclusive.</summary>
    public PerformanceVerdict Verdict { get; init; }

    /// <summary>The metric.</summary>
    public PerformanceMetric Metric { get; init; }

    /// <summary>The candidate's value.</summary>
    public double? Candidate { get; init; }

    /// <summary>The production model's value.</summary>
    public double? Production { get; init; }

    /// <summary>Candidate minus production with its interval.</summary>
    public required EstimateWithInterval Difference { get; init; }

    /// <summary>The non-inferiority margin.</summary>
    public double Margin { get; init; }

    /// <summary>For accuracy, the exact McNemar p-value.</summary>
    public double? McNemarPValue { get; init; }

    /// <summary>The decision in a sentence.</summary>
    public required string Explanation { get; init; }

    /// <summary>Why each <see langword="null"/> value is undefined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes a comparison.</summary>
    /// <param name="result">The comparison.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static NonInferiorityRow From(NonInferiorityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var r = new Json.NullReasons();
        return new NonInferiorityRow
        {
            Verdict = Enum.Parse<PerformanceVerdict>(result.Verdict.ToString()),
            Metric = result.Metric,
            Candidate = r.Value(result.Candidate, "candidate", "not defined on this sample"),
            Production = r.Value(result.Production, "production", "not defined on this sample"),
            Difference = EstimateWithInterval.Of(result.Difference, result.Lower, result.Upper, "not defined on this sample"),
            Margin = result.Margin,
            McNemarPValue = r.Value(result.McNemarPValue, "mcNemarPValue", "McNemar's test applies to accuracy only"),
            Explanation = result.Explanation,
            NullReasons = r.Result,
        };
    }
}
