using AiGovernance.Oversight.Analysis;

namespace AiGovernance.Reporting.Oversight;

/// <summary>Events out of trials (overrides out of reviews) with the rate and its interval.</summary>
public sealed class OversightProportion
{
    /// <summary>The events (overrides, audit errors).</summary>
    public long Events { get; init; }

    /// <summary>The trials (reviews, audits).</summary>
    public long Trials { get; init; }

    /// <summary>The rate with its Wilson interval.</summary>
    public required EstimateWithInterval Rate { get; init; }

    /// <summary>Takes an estimate.</summary>
    /// <param name="estimate">The estimate.</param>
    /// <returns>The proportion.</returns>
    public static OversightProportion From(ProportionEstimate estimate) => new()
    {
        Events = estimate.Events,
        Trials = estimate.Trials,
        Rate = estimate.Trials == 0
            ? EstimateWithInterval.Of(double.NaN, double.NaN, double.NaN, "no reviews")
            : EstimateWithInterval.Of(estimate.Rate, estimate.Interval, "no cases"),
    };
}
