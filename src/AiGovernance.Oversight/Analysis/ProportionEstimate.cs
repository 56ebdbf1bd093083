using AiGovernance.Statistics;

namespace AiGovernance.Oversight.Analysis;

/// <summary>A rate counted from reviews: events out of trials, with its Wilson score interval.</summary>
/// <param name="Events">The counted events (overrides, errors, moves toward the AI).</param>
/// <param name="Trials">The reviews they were counted in; always positive.</param>
/// <param name="Interval">The Wilson score interval at the analysis' confidence level.</param>
public readonly record struct ProportionEstimate(long Events, long Trials, Interval Interval)
{
    /// <summary>Events ÷ trials.</summary>
    public double Rate => (double)Events / Trials;

    internal static ProportionEstimate Of(long events, long trials, double confidenceLevel) =>
        new(events, trials, ConfidenceInterval.Wilson(events, trials, confidenceLevel));
}
