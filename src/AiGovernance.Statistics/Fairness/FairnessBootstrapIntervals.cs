namespace AiGovernance.Statistics;

/// <summary>Percentile bootstrap intervals of the parity measures of a <see cref="FairnessReport"/>.</summary>
/// <remarks>
/// Rows are resampled with replacement within each group (a stratified bootstrap: group sizes stay fixed and every group
/// stays present), the measures are recomputed, and each interval is the (α/2, 1 − α/2) quantile pair (linear
/// interpolation, R type 7) of the resampled values. Resamples in which a measure is undefined (e.g. a group drew no
/// actual positives) are left out of that measure's interval; an interval with no defined resample is NaN.
/// </remarks>
/// <param name="Resamples">The number of resamples.</param>
/// <param name="Seed">The seed used.</param>
/// <param name="ConfidenceLevel">The confidence level.</param>
/// <param name="DemographicParityDifference">Interval of <see cref="FairnessReport.DemographicParityDifference"/>.</param>
/// <param name="DemographicParityRatio">Interval of <see cref="FairnessReport.DemographicParityRatio"/>.</param>
/// <param name="EqualizedOddsDifference">Interval of <see cref="FairnessReport.EqualizedOddsDifference"/>.</param>
/// <param name="EqualizedOddsRatio">Interval of <see cref="FairnessReport.EqualizedOddsRatio"/>.</param>
/// <param name="EqualOpportunityDifference">Interval of <see cref="FairnessReport.EqualOpportunityDifference"/>.</param>
/// <param name="EqualOpportunityRatio">Interval of <see cref="FairnessReport.EqualOpportunityRatio"/>.</param>
/// <param name="DisparateImpactRatio">Interval of <see cref="FairnessReport.DisparateImpactRatio"/> (same reference group).</param>
public readonly record struct FairnessBootstrapIntervals(
    int Resamples,
    int Seed,
    double ConfidenceLevel,
    Interval DemographicParityDifference,
    Interval DemographicParityRatio,
    Interval EqualizedOddsDifference,
    Interval EqualizedOddsRatio,
    Interval EqualOpportunityDifference,
    Interval EqualOpportunityRatio,
    Interval DisparateImpactRatio);
