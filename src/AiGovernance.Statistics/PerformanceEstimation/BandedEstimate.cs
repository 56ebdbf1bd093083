namespace AiGovernance.Statistics;

/// <summary>An estimated quantity with the band in which its realised value is expected to fall.</summary>
/// <param name="Estimate">The point estimate; NaN when undefined (for example precision with no predicted positive).</param>
/// <param name="StandardError">The standard deviation of the realised value around the estimate; NaN when undefined.</param>
/// <param name="Lower">The band's lower bound.</param>
/// <param name="Upper">The band's upper bound.</param>
public readonly record struct BandedEstimate(double Estimate, double StandardError, double Lower, double Upper)
{
    /// <summary>Whether the estimate is defined.</summary>
    public bool IsDefined => !double.IsNaN(Estimate);

    /// <summary>Whether <paramref name="value"/> lies in [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
    /// <param name="value">A realised value.</param>
    /// <returns><see langword="true"/> when inside the band; <see langword="false"/> when outside or undefined.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Whether <paramref name="value"/> lies within estimate ± z·se, z being the standard normal quantile for a
    /// two-sided <paramref name="coverage"/> (for example a band widened for several comparisons).</summary>
    /// <param name="value">A realised value.</param>
    /// <param name="coverage">The two-sided coverage, in (0, 1).</param>
    /// <returns><see langword="false"/> when outside, or when the estimate, its standard error or the value is NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="coverage"/> is outside (0, 1).</exception>
    public bool IsWithin(double value, double coverage)
    {
        if (!(coverage > 0 && coverage < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(coverage), coverage, "The coverage must lie strictly between 0 and 1.");
        }

        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - ((1 - coverage) / 2));
        return Math.Abs(value - Estimate) <= z * StandardError;
    }

    /// <summary>The normal band estimate ± z·se for a two-sided <paramref name="confidenceLevel"/>, clipped to
    /// [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    /// <param name="estimate">The point estimate.</param>
    /// <param name="standardError">Its standard error, ≥ 0.</param>
    /// <param name="confidenceLevel">The two-sided coverage, in (0, 1).</param>
    /// <param name="minimum">The smallest value the quantity can take.</param>
    /// <param name="maximum">The largest value the quantity can take.</param>
    /// <returns>The banded estimate; the bounds are NaN when the estimate or its standard error is.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is outside (0, 1), or
    /// <paramref name="standardError"/> is negative.</exception>
    public static BandedEstimate FromStandardError(
        double estimate,
        double standardError,
        double confidenceLevel,
        double minimum = double.NegativeInfinity,
        double maximum = double.PositiveInfinity)
    {
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(confidenceLevel), confidenceLevel, "The confidence level must lie strictly between 0 and 1.");
        }

        if (standardError < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(standardError), standardError, "A standard error cannot be negative.");
        }

        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - ((1 - confidenceLevel) / 2));
        return Normal(estimate, standardError, z, minimum, maximum);
    }

    /// <summary>Builds estimate ± z·se, clipped to [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    internal static BandedEstimate Normal(double estimate, double standardError, double z, double minimum, double maximum)
    {
        if (double.IsNaN(estimate) || double.IsNaN(standardError))
        {
            return new BandedEstimate(estimate, standardError, double.NaN, double.NaN);
        }

        var half = z * standardError;
        return new BandedEstimate(estimate, standardError, Math.Max(minimum, estimate - half), Math.Min(maximum, estimate + half));
    }
}
