using MathNet.Numerics.Distributions;

namespace AiGovernance.Statistics;

/// <summary>Confidence intervals for a binomial proportion.</summary>
public static class ConfidenceInterval
{
    /// <summary>The Wilson score interval (<c>statsmodels proportion_confint(method="wilson")</c>, 0.13.5).</summary>
    /// <param name="successes">Successes.</param>
    /// <param name="trials">Trials (positive).</param>
    /// <param name="confidenceLevel">The confidence level in (0, 1).</param>
    /// <returns>The interval.</returns>
    /// <remarks>
    /// With p̂ = x/n and z = z₁₋α/₂ (computed as −Φ⁻¹(α/2)): centre = (p̂ + z²/(2n))/(1 + z²/n), half-width =
    /// z·√(p̂(1 − p̂)/n + z²/(4n²))/(1 + z²/n). Unlike the Wald interval it stays inside [0, 1] and is sensible for
    /// 0 or n successes. With 0 successes the lower bound is exactly 0 and with n successes the upper bound exactly 1 (the
    /// formula gives them up to rounding residue, |Δ| &lt; 10⁻¹⁶); other bounds are clamped to [0, 1]. O(1).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, trials are not positive, successes exceed trials,
    /// or the confidence level is not in (0, 1).</exception>
    public static Interval Wilson(long successes, long trials, double confidenceLevel = 0.95)
    {
        ProportionGuard.ThrowIfBadCounts(successes, trials);
        ProportionGuard.ThrowIfNotOpenUnit(confidenceLevel);
        double n = trials;
        var p = successes / n;
        var z = -Normal.InvCDF(0, 1, (1 - confidenceLevel) / 2);
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var halfWidth = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        var lower = successes == 0 ? 0 : Math.Max(0, centre - halfWidth);
        var upper = successes == trials ? 1 : Math.Min(1, centre + halfWidth);
        return new Interval(lower, upper);
    }
}
