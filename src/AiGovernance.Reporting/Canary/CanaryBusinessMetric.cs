namespace AiGovernance.Reporting.Canary;

/// <summary>A business metric compared between the arms.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Baseline">The baseline's value.</param>
/// <param name="Candidate">The candidate's value.</param>
/// <param name="HigherIsBetter">Whether higher is better.</param>
/// <param name="RelativeDegradation">How much worse the candidate is, relative to the baseline; <see langword="null"/> when
/// the baseline is zero.</param>
/// <param name="NullReasons">Why each <see langword="null"/> value is undefined.</param>
public sealed record CanaryBusinessMetric(string Name, double Baseline, double Candidate, bool HigherIsBetter, double? RelativeDegradation,
    IReadOnlyDictionary<string, string>? NullReasons)
{
    /// <summary>Takes a business metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The row.</returns>
    public static CanaryBusinessMetric From(Deployment.Canary.BusinessMetric metric)
    {
        var r = new Json.NullReasons();
        var degradation = r.Value(metric.RelativeDegradation, "relativeDegradation", "the baseline is zero");
        return new(metric.Name, metric.Baseline, metric.Candidate, metric.HigherIsBetter, degradation, r.Result);
    }
}
