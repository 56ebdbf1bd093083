using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace AiGovernance.Statistics;

/// <summary>Power and sample size for comparing two proportions with Cohen's h and the normal approximation
/// (statsmodels 0.13.5 <c>proportion_effectsize</c> and <c>NormalIndPower</c>).</summary>
/// <remarks>
/// <para>With h = |2·asin√p₁ − 2·asin√p₂|, group sizes n₁ and n₂ = ratio·n₁, n_eff = 1/(1/n₁ + 1/n₂) and
/// c = z₁₋α/₂ (two-sided) or z₁₋α (one-sided): two-sided power = Φ̄(c − h√n_eff) + Φ(−c − h√n_eff); one-sided power =
/// Φ̄(c − h√n_eff). A one-sided alternative (<see cref="Alternative.Less"/> or <see cref="Alternative.Greater"/>) is
/// evaluated as statsmodels' "larger" with the absolute effect, i.e. the power to detect the difference in the direction
/// it actually has.</para>
/// <para>The unknown (n₁ or h) is found with MathNet's Brent root finder on a doubling bracket, to about 10⁻¹² absolute;
/// statsmodels' own <c>solve_power</c> stops at its <c>brentq_expanding</c> tolerance (xtol 10⁻⁵), so results agree with
/// it to that tolerance and with the exact root of its power function to ~10⁻¹².</para>
/// </remarks>
public static class PowerAnalysis
{
    private const double RootAccuracy = 1e-12;
    private const int MaxIterations = 500;

    /// <summary>Cohen's effect size for two proportions, h = 2·asin√p₁ − 2·asin√p₂ (statsmodels <c>proportion_effectsize</c>).</summary>
    /// <param name="p1">The first proportion in [0, 1].</param>
    /// <param name="p2">The second proportion in [0, 1].</param>
    /// <returns>h in [−π, π]; by convention |h| ≈ 0.2 is small, 0.5 medium, 0.8 large.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A proportion is outside [0, 1].</exception>
    public static double CohensH(double p1, double p2)
    {
        ProportionGuard.ThrowIfNotRate(p1);
        ProportionGuard.ThrowIfNotRate(p2);
        return (2 * Math.Asin(Math.Sqrt(p1))) - (2 * Math.Asin(Math.Sqrt(p2)));
    }

    /// <summary>The size of the first group needed to detect a change from <paramref name="baselineRate"/> to
    /// <paramref name="expectedRate"/> (statsmodels <c>NormalIndPower().solve_power(effect_size=|h|, nobs1=None, ...)</c>).</summary>
    /// <param name="baselineRate">The current rate in [0, 1].</param>
    /// <param name="expectedRate">The rate to detect in [0, 1], different from the baseline.</param>
    /// <param name="alpha">The significance level in (0, 1).</param>
    /// <param name="power">The desired power in (alpha, 1).</param>
    /// <param name="ratio">n₂/n₁, positive.</param>
    /// <param name="alternative">Two-sided or one-sided (both one-sided values map to statsmodels "larger").</param>
    /// <returns>n₁, fractional; round up for a plan. The second group needs ratio·n₁.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rate is outside [0, 1], alpha or power outside (0, 1), power not above
    /// alpha, or ratio not positive and finite; or (named <paramref name="power"/>) the power cannot be reached because the
    /// design is so extreme (alpha or ratio near 1e−300, power within 1e−16 of 1) that n₁ would exceed 1e300 or the
    /// normal quantiles are not representable.</exception>
    /// <exception cref="ArgumentException">The two rates are equal (there is no effect to detect).</exception>
    public static double SampleSizeTwoProportions(double baselineRate, double expectedRate, double alpha = 0.05, double power = 0.8,
        double ratio = 1.0, Alternative alternative = Alternative.TwoSided)
    {
        var h = Math.Abs(CohensH(expectedRate, baselineRate));
        ThrowIfBadDesign(alpha, power, ratio, alternative);
        if (h == 0)
        {
            throw new ArgumentException($"The expected rate equals the baseline rate ({baselineRate}); there is no difference to detect.",
                nameof(expectedRate));
        }

        var twoSided = alternative == Alternative.TwoSided;
        return SolveIncreasing(n => PowerOf(h, n, alpha, ratio, twoSided) - power, power);
    }

    /// <summary>The power to detect a change from <paramref name="baselineRate"/> to <paramref name="expectedRate"/> with
    /// <paramref name="sampleSize"/> observations in the first group (statsmodels <c>NormalIndPower().power</c>).</summary>
    /// <param name="baselineRate">The current rate in [0, 1].</param>
    /// <param name="expectedRate">The rate to detect in [0, 1].</param>
    /// <param name="sampleSize">n₁, positive (may be fractional).</param>
    /// <param name="alpha">The significance level in (0, 1).</param>
    /// <param name="ratio">n₂/n₁, positive.</param>
    /// <param name="alternative">Two-sided or one-sided (both one-sided values map to statsmodels "larger").</param>
    /// <returns>The power in [alpha, 1) (two-sided power at h = 0 is alpha).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rate is outside [0, 1], alpha outside (0, 1), the sample size or
    /// ratio not positive and finite.</exception>
    public static double Power(double baselineRate, double expectedRate, double sampleSize, double alpha = 0.05, double ratio = 1.0,
        Alternative alternative = Alternative.TwoSided)
    {
        var h = Math.Abs(CohensH(expectedRate, baselineRate));
        ThrowIfBadDesign(alpha, ratio, alternative);
        ThrowIfNotPositive(sampleSize);
        return PowerOf(h, sampleSize, alpha, ratio, alternative == Alternative.TwoSided);
    }

    /// <summary>The smallest effect size |h| detectable with <paramref name="sampleSize"/> observations in the first group
    /// (statsmodels <c>NormalIndPower().solve_power(effect_size=None, ...)</c>).</summary>
    /// <param name="sampleSize">n₁, positive.</param>
    /// <param name="alpha">The significance level in (0, 1).</param>
    /// <param name="power">The desired power in (alpha, 1).</param>
    /// <param name="ratio">n₂/n₁, positive.</param>
    /// <param name="alternative">Two-sided or one-sided.</param>
    /// <returns>Cohen's |h|. Proportions can only realise h ≤ π; a larger value means the sample cannot reach the power
    /// for any pair of rates. Convert to a rate with p = sin²(asin√p₀ ± h/2).</returns>
    /// <exception cref="ArgumentOutOfRangeException">alpha or power outside (0, 1), power not above alpha, the sample size or
    /// ratio not positive and finite; or (named <paramref name="power"/>) the power cannot be reached because the design is
    /// so extreme that |h| would exceed 1e300 or the normal quantiles are not representable.</exception>
    public static double MinimumDetectableEffect(double sampleSize, double alpha = 0.05, double power = 0.8, double ratio = 1.0,
        Alternative alternative = Alternative.TwoSided)
    {
        ThrowIfBadDesign(alpha, power, ratio, alternative);
        ThrowIfNotPositive(sampleSize);
        var twoSided = alternative == Alternative.TwoSided;
        return SolveIncreasing(h => PowerOf(h, sampleSize, alpha, ratio, twoSided) - power, power);
    }

    internal static double PowerOf(double h, double n1, double alpha, double ratio, bool twoSided)
    {
        var effective = 1 / ((1 / n1) + (1 / (n1 * ratio)));
        var shift = h * Math.Sqrt(effective);
        var critical = -Normal.InvCDF(0, 1, twoSided ? alpha / 2 : alpha);
        var power = Normal.CDF(0, 1, shift - critical);
        if (twoSided)
        {
            power += Normal.CDF(0, 1, -critical - shift);
        }

        return power;
    }

    /// <summary>The root of an increasing function that is negative at 0⁺, bracketed by doubling.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No root below 1e300, or the power function is NaN at the bracket:
    /// the requested <paramref name="power"/> cannot be reached with this design (named <c>power</c>).</exception>
    private static double SolveIncreasing(Func<double, double> f, double power)
    {
        double lower = 0, upper = 1;
        while (f(upper) < 0)
        {
            lower = upper;
            upper *= 2;
            if (upper > 1e300)
            {
                throw PowerUnreachable(power);
            }
        }

        if (lower == 0)
        {
            lower = 1e-12;
            if (f(lower) >= 0)
            {
                return lower;
            }
        }

        // Extreme designs (alpha or ratio near 1e-300) make the power function NaN at the bracket; Brent would then
        // throw an ArithmeticException from Math.Sign. Report it as the unreachable design it is.
        if (double.IsNaN(f(lower)) || double.IsNaN(f(upper)))
        {
            throw PowerUnreachable(power);
        }

        return Brent.FindRoot(f, lower, upper, RootAccuracy, MaxIterations);
    }

    private static ArgumentOutOfRangeException PowerUnreachable(double power) =>
        new(nameof(power), power,
            "The requested power cannot be reached with this alpha, ratio and effect (or sample size): the solution would exceed 1e300 "
            + "or the normal quantiles are not representable. Ask for a lower power or a larger alpha.");

    private static void ThrowIfBadDesign(double alpha, double power, double ratio, Alternative alternative)
    {
        ThrowIfBadDesign(alpha, ratio, alternative);
        ProportionGuard.ThrowIfNotOpenUnit(power);
        if (!(power > alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(power), power,
                $"The power must exceed alpha ({alpha}): a test with no data already rejects with probability alpha.");
        }
    }

    private static void ThrowIfBadDesign(double alpha, double ratio, Alternative alternative)
    {
        ProportionGuard.ThrowIfNotOpenUnit(alpha);
        if (!(ratio > 0 && double.IsFinite(ratio)))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The ratio n₂/n₁ must be positive and finite.");
        }

        SampleGuard.ThrowIfUndefined(alternative);
    }

    private static void ThrowIfNotPositive(double sampleSize)
    {
        if (!(sampleSize > 0 && double.IsFinite(sampleSize)))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, "The sample size must be positive and finite.");
        }
    }
}
