using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Monitoring.Drift;

/// <summary>How <see cref="MultivariateDriftDetector"/> fits a reference and judges windows.</summary>
public sealed class MultivariateDriftOptions
{
    /// <summary>The methods to run.</summary>
    /// <value>The default value is <see cref="MultivariateDriftMethods.All"/>.</value>
    public MultivariateDriftMethods Methods { get; set; } = MultivariateDriftMethods.All;

    /// <summary>PCA keeps the fewest leading components whose share of the standardised variance reaches this.</summary>
    /// <value>The default value is 0.65 (NannyML's default).</value>
    [Range(0.01, 1.0)]
    public double ExplainedVariance { get; set; } = MultivariateDriftDefaults.ExplainedVariance;

    /// <summary>The reference is split into this many contiguous chunks whose mean reconstruction errors estimate the
    /// chunk-to-chunk variability behind the threshold; each chunk needs at least 5 rows.</summary>
    /// <value>The default value is 20.</value>
    [Range(3, 10_000)]
    public int ReferenceChunks { get; set; } = MultivariateDriftDefaults.ReferenceChunks;

    /// <summary>The reconstruction threshold's half-width in standard deviations of the chunk means (scaled to the
    /// window's size).</summary>
    /// <value>The default value is 3 (NannyML's default).</value>
    [Range(0.5, 10.0)]
    public double ThresholdStandardDeviations { get; set; } = MultivariateDriftDefaults.ThresholdStandardDeviations;

    /// <summary>The domain classifier tests "AUC &gt; 0.5 + this margin" (one-sided, DeLong), so a trivially small but
    /// significant separability on a large window is not drift.</summary>
    /// <value>The default value is 0.02.</value>
    [Range(0.0, 0.45)]
    public double ClassifierMargin { get; set; } = MultivariateDriftDefaults.ClassifierMargin;

    /// <summary>The confidence level of the domain classifier's DeLong interval shown in reports.</summary>
    /// <value>The default value is 0.95.</value>
    [Range(0.5, 0.9999)]
    public double ConfidenceLevel { get; set; } = MultivariateDriftDefaults.ConfidenceLevel;

    /// <summary>Cross-validation folds of the domain classifier.</summary>
    /// <value>The default value is 5.</value>
    [Range(2, 20)]
    public int Folds { get; set; } = MultivariateDriftDefaults.Folds;

    /// <summary>λ of the domain classifier's L2 penalty.</summary>
    /// <value>The default value is 1.</value>
    [Range(double.Epsilon, double.MaxValue)]
    public double RidgePenalty { get; set; } = MultivariateDriftDefaults.RidgePenalty;

    /// <summary>The domain classifier adds every square and pairwise product of the encoded features when there are at
    /// most this many features (so it can see correlation changes); 0 turns it off.</summary>
    /// <value>The default value is 12 (12 features become 90).</value>
    [Range(0, 100)]
    public int SecondOrderFeatureLimit { get; set; } = MultivariateDriftDefaults.SecondOrderFeatureLimit;

    /// <summary>Permutations of the MMD test.</summary>
    /// <value>The default value is 500.</value>
    [Range(1, 100_000)]
    public int MmdPermutations { get; set; } = MultivariateDriftDefaults.MmdPermutations;

    /// <summary>The family level of the p-valued methods (domain classifier and MMD): their p-values are Holm-corrected
    /// together and compared with it, so with no drift both signal together at most this often.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(double.Epsilon, 0.5)]
    public double SignificanceLevel { get; set; } = MultivariateDriftDefaults.SignificanceLevel;

    /// <summary>The domain classifier and the permutation MMD use a seeded sample of at most this many rows per side.</summary>
    /// <value>The default value is 1000.</value>
    [Range(10, 8000)]
    public int MaxRowsPerSide { get; set; } = MultivariateDriftDefaults.MaxRowsPerSide;

    /// <summary>When the smaller side has more rows than this, MMD uses the linear-time estimator on every row instead of
    /// the permutation test on a sample.</summary>
    /// <value>The default value is 10,000.</value>
    [Range(4, int.MaxValue)]
    public int LinearTimeMmdRows { get; set; } = MultivariateDriftDefaults.LinearTimeMmdRows;

    /// <summary>Categorical columns are one-hot encoded over at most this many of their most frequent reference
    /// categories (plus "(other)" and "(missing)").</summary>
    /// <value>The default value is 20.</value>
    [Range(1, 1000)]
    public int MaxCategories { get; set; } = MultivariateDriftDefaults.MaxCategories;

    /// <summary>The seed of every sample, fold assignment and permutation.</summary>
    /// <value>The default value is 26.</value>
    public long Seed { get; set; } = MultivariateDriftDefaults.Seed;
}
