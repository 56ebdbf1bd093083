using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;

namespace AiGovernance.Statistics;

/// <summary>Options of <see cref="PopulationStabilityIndex"/>.</summary>
public sealed class PsiOptions
{
    /// <summary>The number of bins requested from the reference (duplicate cut points may leave fewer).</summary>
    /// <value>The default value is 10. At least 2 and at most 100,000.</value>
    [Range(PsiDefaults.MinimumBins, PsiDefaults.MaximumBins)]
    public int Bins { get; set; } = PsiDefaults.Bins;

    /// <summary>How the cut points are fitted on the reference.</summary>
    /// <value>The default value is <see cref="BinningStrategy.Quantile"/>.</value>
    public BinningStrategy Binning { get; set; } = PsiDefaults.Binning;

    /// <summary>The proportion substituted for an empty bin (either side), without renormalisation.</summary>
    /// <value>The default value is 1e-4. Must be in (0, 0.01].</value>
    [Range(0d, PsiDefaults.MaximumEpsilon, MinimumIsExclusive = true)]
    public double Epsilon { get; set; } = PsiDefaults.Epsilon;

    internal static void Validate(PsiOptions options, [CallerArgumentExpression(nameof(options))] string? paramName = null)
    {
        if (options.Bins is < PsiDefaults.MinimumBins or > PsiDefaults.MaximumBins)
        {
            throw new ArgumentOutOfRangeException(paramName, options.Bins,
                $"{nameof(Bins)} must be between {PsiDefaults.MinimumBins} and {PsiDefaults.MaximumBins}.");
        }

        if (options.Binning is not (BinningStrategy.Quantile or BinningStrategy.EqualWidth))
        {
            throw new ArgumentOutOfRangeException(paramName, options.Binning, $"Unknown {nameof(Binning)} strategy.");
        }

        ValidateEpsilon(options.Epsilon, paramName);
    }

    internal static void ValidateEpsilon(double epsilon, [CallerArgumentExpression(nameof(epsilon))] string? paramName = null)
    {
        if (!(epsilon > 0 && epsilon <= PsiDefaults.MaximumEpsilon))
        {
            throw new ArgumentOutOfRangeException(paramName, epsilon, $"{nameof(Epsilon)} must be in (0, {PsiDefaults.MaximumEpsilon}].");
        }
    }
}
