using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Statistics;

/// <summary>Settings for
/// <see cref="FairnessMetrics.Compute(ReadOnlySpan{bool}, ReadOnlySpan{bool}, ReadOnlySpan{string}, FairnessOptions?)"/>.</summary>
public sealed class FairnessOptions
{
    /// <summary>Groups with fewer rows than this are reported in <see cref="FairnessReport.Warnings"/>: their rates are too
    /// uncertain to act on alone (see their Wilson intervals).</summary>
    /// <value>The default value is 30.</value>
    [Range(1, int.MaxValue)]
    public int MinimumGroupSize { get; set; } = FairnessDefaults.MinimumGroupSize;

    /// <summary>The group whose selection rate is the denominator of the disparate-impact ratios; <see langword="null"/>
    /// picks the group with the highest selection rate (the EEOC adverse-impact convention).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ReferenceGroup { get; set; }

    /// <summary>The disparate-impact ratio below which <see cref="FairnessReport.SatisfiesFourFifthsRule"/> is false.</summary>
    /// <value>The default value is 0.8 (the four-fifths rule).</value>
    [Range(0.0, 1.0)]
    public double DisparateImpactThreshold { get; set; } = FairnessDefaults.DisparateImpactThreshold;

    /// <summary>The number of bootstrap resamples for the intervals of the parity measures; 0 turns the bootstrap off.</summary>
    /// <value>The default value is 1000.</value>
    [Range(0, FairnessDefaults.MaxBootstrapResamples)]
    public int BootstrapResamples { get; set; } = FairnessDefaults.BootstrapResamples;

    /// <summary>The seed of the bootstrap; the same data, options and seed give the same intervals.</summary>
    /// <value>The default value is 0.</value>
    public int Seed { get; set; } = FairnessDefaults.Seed;

    /// <summary>The confidence level of the Wilson intervals of group rates and of the bootstrap intervals.</summary>
    /// <value>The default value is 0.95.</value>
    [Range(0.5, 0.9999)]
    public double ConfidenceLevel { get; set; } = FairnessDefaults.ConfidenceLevel;
}
