using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;

namespace AiGovernance.Statistics;

/// <summary>Options of <see cref="DomainClassifier"/>.</summary>
public sealed class DomainClassifierOptions
{
    /// <summary>The number of cross-validation folds; each side needs at least this many rows.</summary>
    /// <value>The default value is 5. At least 2 and at most 20.</value>
    [Range(2, DomainClassifierDefaults.MaximumFolds)]
    public int Folds { get; set; } = DomainClassifierDefaults.Folds;

    /// <summary>λ of the L2 penalty (λ/2)‖β‖² on the standardised features' coefficients (not the intercept).</summary>
    /// <value>The default value is 1 (scikit-learn's <c>C = 1</c>).</value>
    [Range(double.Epsilon, double.MaxValue)]
    public double RidgePenalty { get; set; } = DomainClassifierDefaults.RidgePenalty;

    /// <summary>The confidence level of the DeLong interval around the AUC.</summary>
    /// <value>The default value is 0.95.</value>
    [Range(0.5, 0.9999)]
    public double ConfidenceLevel { get; set; } = DomainClassifierDefaults.ConfidenceLevel;

    /// <summary>The seed of the fold assignment.</summary>
    /// <value>The default value is 26.</value>
    public long Seed { get; set; } = DomainClassifierDefaults.Seed;

    /// <summary>At most this many rows per side enter the test: a larger sample is replaced by a seeded random sample of
    /// this size (<see cref="Seed"/>), which keeps the cost bounded while the AUC's precision (about 1/√rows) stays ample.</summary>
    /// <value>The default value is <see cref="int.MaxValue"/> (every row). At least <see cref="Folds"/>.</value>
    [Range(2, int.MaxValue)]
    public int MaxRowsPerSide { get; set; } = int.MaxValue;

    /// <summary>Whether the classifier also sees every square and pairwise product of the standardised features, so it
    /// can detect a change of correlation that leaves every marginal — and every linear score — unchanged. The feature
    /// count grows from d to d + d(d + 1)/2 and each Newton step costs O(n·p²): use it for a few dozen columns at most.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool SecondOrderFeatures { get; set; }

    /// <summary>When positive, the rows are replaced by their coordinates on this many leading principal components of the
    /// pooled (sampled) rows before the classifier sees them (capped at the dimension); 0 uses the columns as given.</summary>
    /// <value>The default value is 0. At most 500.</value>
    [Range(0, 500)]
    public int PrincipalComponents { get; set; }

    internal static DomainClassifierOptions Validate(
        DomainClassifierOptions? options,
        [CallerArgumentExpression(nameof(options))] string? paramName = null)
    {
        options ??= new DomainClassifierOptions();
        if (options.Folds is < 2 or > DomainClassifierDefaults.MaximumFolds)
        {
            throw new ArgumentOutOfRangeException(
                paramName, options.Folds, $"{nameof(Folds)} must be between 2 and {DomainClassifierDefaults.MaximumFolds}.");
        }

        if (!(options.RidgePenalty > 0 && double.IsFinite(options.RidgePenalty)))
        {
            throw new ArgumentOutOfRangeException(paramName, options.RidgePenalty, $"{nameof(RidgePenalty)} must be positive and finite.");
        }

        if (!(options.ConfidenceLevel is >= 0.5 and <= 0.9999))
        {
            throw new ArgumentOutOfRangeException(paramName, options.ConfidenceLevel, $"{nameof(ConfidenceLevel)} must be in [0.5, 0.9999].");
        }

        if (options.PrincipalComponents is < 0 or > 500)
        {
            throw new ArgumentOutOfRangeException(
                paramName, options.PrincipalComponents, $"{nameof(PrincipalComponents)} must be between 0 and 500.");
        }

        if (options.MaxRowsPerSide < options.Folds)
        {
            throw new ArgumentOutOfRangeException(paramName, options.MaxRowsPerSide, $"{nameof(MaxRowsPerSide)} must be at least {nameof(Folds)}.");
        }

        return options;
    }
}
