namespace AiGovernance.Deployment.Canary;

/// <summary>A business metric (conversion, revenue per user, satisfaction) observed for both variants.</summary>
public readonly record struct BusinessMetric
{
    /// <summary>Creates an observation.</summary>
    /// <param name="name">The metric's name.</param>
    /// <param name="baseline">The baseline's value (finite, not zero).</param>
    /// <param name="candidate">The candidate's value (finite).</param>
    /// <param name="higherIsBetter">Whether a larger value is an improvement.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="baseline"/> is zero or not finite, or <paramref name="candidate"/> is not
    /// finite.</exception>
    public BusinessMetric(string name, double baseline, double candidate, bool higherIsBetter = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!double.IsFinite(baseline) || baseline == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(baseline), baseline,
                "The baseline value must be finite and non-zero (the degradation is relative to it).");
        }

        if (!double.IsFinite(candidate))
        {
            throw new ArgumentOutOfRangeException(nameof(candidate), candidate, "The candidate value must be finite.");
        }

        Name = name;
        Baseline = baseline;
        Candidate = candidate;
        HigherIsBetter = higherIsBetter;
    }

    /// <summary>The metric's name.</summary>
    public string Name { get; }

    /// <summary>The baseline's value.</summary>
    public double Baseline { get; }

    /// <summary>The candidate's value.</summary>
    public double Candidate { get; }

    /// <summary>Whether a larger value is an improvement.</summary>
    public bool HigherIsBetter { get; }

    /// <summary>How much worse the candidate is, relative to the baseline: (baseline − candidate)/|baseline| when higher is
    /// better, (candidate − baseline)/|baseline| otherwise; negative for an improvement.</summary>
    public double RelativeDegradation => (HigherIsBetter ? Baseline - Candidate : Candidate - Baseline) / Math.Abs(Baseline);
}
