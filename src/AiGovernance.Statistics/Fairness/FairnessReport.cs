namespace AiGovernance.Statistics;

/// <summary>Group rates and between-group parity measures of a binary classifier
/// (<see cref="FairnessMetrics.Compute(ReadOnlySpan{bool}, ReadOnlySpan{bool}, ReadOnlySpan{string}, FairnessOptions?)"/>).</summary>
/// <remarks>
/// <para>Differences are max − min over groups and lie in [0, 1]; ratios are min / max and lie in [0, 1]
/// (1 when all groups have the same rate, including all 0, where Fairlearn would divide 0 by 0). Groups whose rate is
/// undefined (no actual positives for a true positive rate, no actual negatives for a false positive rate) are left out
/// of that measure and named in <see cref="Warnings"/>; a measure with fewer than two defined groups is NaN.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class FairnessReport
{
    internal FairnessReport()
    {
    }

    /// <summary>Counts and rates per group, in ordinal order of the group labels.</summary>
    public required IReadOnlyDictionary<string, GroupRates> Groups { get; init; }

    /// <summary>Counts and rates over all rows.</summary>
    public required GroupRates Overall { get; init; }

    /// <summary>Whether there are at least two groups, so that parity measures are defined. With a single group every
    /// difference and ratio is NaN and <see cref="Warnings"/> says so.</summary>
    public bool IsParityDefined => Groups.Count >= 2;

    /// <summary>max_g SR_g − min_g SR_g over selection rates (Fairlearn <c>demographic_parity_difference</c>); 0 is parity.</summary>
    public required double DemographicParityDifference { get; init; }

    /// <summary>min_g SR_g / max_g SR_g (Fairlearn <c>demographic_parity_ratio</c>); 1 is parity.</summary>
    public required double DemographicParityRatio { get; init; }

    /// <summary>max(TPR difference, FPR difference) (Fairlearn <c>equalized_odds_difference</c>); 0 is parity.</summary>
    public required double EqualizedOddsDifference { get; init; }

    /// <summary>min(TPR ratio, FPR ratio) (Fairlearn <c>equalized_odds_ratio</c>); 1 is parity.</summary>
    public required double EqualizedOddsRatio { get; init; }

    /// <summary>max_g TPR_g − min_g TPR_g (Fairlearn <c>equal_opportunity_difference</c>); 0 is parity.</summary>
    public required double EqualOpportunityDifference { get; init; }

    /// <summary>min_g TPR_g / max_g TPR_g (Fairlearn <c>equal_opportunity_ratio</c>); 1 is parity.</summary>
    public required double EqualOpportunityRatio { get; init; }

    /// <summary>The group whose selection rate is the denominator of the disparate-impact ratios.</summary>
    public required string ReferenceGroup { get; init; }

    /// <summary>SR_g / SR_reference for every group (1 for the reference itself; 1 when both rates are 0; +∞ when only
    /// the reference rate is 0).</summary>
    public required IReadOnlyDictionary<string, double> DisparateImpactRatios { get; init; }

    /// <summary>The smallest of <see cref="DisparateImpactRatios"/> over the non-reference groups (NaN with one group).</summary>
    public required double DisparateImpactRatio { get; init; }

    /// <summary>Whether <see cref="DisparateImpactRatio"/> is at least <see cref="FairnessOptions.DisparateImpactThreshold"/>
    /// (0.8 by default: the four-fifths rule of the US Uniform Guidelines on Employee Selection Procedures). False when
    /// parity is undefined, so a gate fails closed.</summary>
    public required bool SatisfiesFourFifthsRule { get; init; }

    /// <summary>The p-value of Pearson's chi-squared test that selection is independent of group (groups × {selected, not
    /// selected}, Yates-corrected with two groups, as <c>scipy.stats.chi2_contingency</c>); 1 when nobody or everybody
    /// was selected.</summary>
    public required double SelectionIndependencePValue { get; init; }

    /// <summary>Bootstrap intervals of the parity measures; <see langword="null"/> when the bootstrap is off or parity is undefined.</summary>
    public required FairnessBootstrapIntervals? BootstrapIntervals { get; init; }

    /// <summary>Human-readable caveats: small groups, undefined rates, a single group, constant selection.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
