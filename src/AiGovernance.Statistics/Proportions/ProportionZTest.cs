using MathNet.Numerics.Distributions;

namespace AiGovernance.Statistics;

/// <summary>z-tests for one or two binomial proportions (<c>statsmodels.stats.proportion.proportions_ztest</c>, 0.13.5).</summary>
/// <remarks>
/// p-values: two-sided 2·Φ̄(|z|), <see cref="Alternative.Greater"/> (statsmodels "larger") Φ̄(z),
/// <see cref="Alternative.Less"/> ("smaller") Φ(z), with Φ̄(z) computed as Φ(−z) so tiny p-values survive. O(1).
/// </remarks>
public static class ProportionZTest
{
    /// <summary>Tests whether two proportions differ, with the pooled variance.</summary>
    /// <param name="successes1">Successes in the first group.</param>
    /// <param name="trials1">Trials in the first group (positive).</param>
    /// <param name="successes2">Successes in the second group.</param>
    /// <param name="trials2">Trials in the second group (positive).</param>
    /// <param name="alternative"><see cref="Alternative.Greater"/>: the first rate is larger.</param>
    /// <returns>z = (p̂₁ − p̂₂)/√(p̄(1 − p̄)(1/n₁ + 1/n₂)) with p̄ = (x₁ + x₂)/(n₁ + n₂), its p-value and p̂₁ − p̂₂.</returns>
    /// <remarks>When the pooled rate is 0 or 1 (no successes or no failures at all) the variance is 0 and statsmodels
    /// returns NaN; both rates are then equal, so this returns z = 0 and p = 1.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, trials are not positive, or successes exceed trials.</exception>
    public static ZTestResult TwoSample(long successes1, long trials1, long successes2, long trials2, Alternative alternative = Alternative.TwoSided)
    {
        ProportionGuard.ThrowIfBadCounts(successes1, trials1);
        ProportionGuard.ThrowIfBadCounts(successes2, trials2);
        SampleGuard.ThrowIfUndefined(alternative);
        var p1 = (double)successes1 / trials1;
        var p2 = (double)successes2 / trials2;
        var pooled = ((double)successes1 + successes2) / ((double)trials1 + trials2);
        var difference = p1 - p2;
        var variance = pooled * (1 - pooled) * ((1.0 / trials1) + (1.0 / trials2));
        if (variance == 0)
        {
            return new ZTestResult(0, 1, difference);
        }

        var z = difference / Math.Sqrt(variance);
        return new ZTestResult(z, PValue(z, alternative), difference);
    }

    /// <summary>Tests a proportion against a hypothesised value.</summary>
    /// <param name="successes">Successes.</param>
    /// <param name="trials">Trials (positive).</param>
    /// <param name="nullProportion">The hypothesised proportion p₀ in [0, 1].</param>
    /// <param name="alternative"><see cref="Alternative.Greater"/>: the true rate exceeds p₀.</param>
    /// <returns>z = (p̂ − p₀)/√(p̂(1 − p̂)/n), its p-value and p̂ − p₀.</returns>
    /// <remarks>As statsmodels' default (<c>prop_var=False</c>) the variance uses the <em>sample</em> proportion p̂, not p₀.
    /// When p̂ is 0 or 1 that variance is 0: if p̂ = p₀ this returns z = 0 and p = 1; otherwise z = ±∞ exactly as
    /// statsmodels (two-sided p = 0). For counts this extreme prefer <see cref="ConfidenceInterval.Wilson"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, trials are not positive, successes exceed trials,
    /// or <paramref name="nullProportion"/> is outside [0, 1].</exception>
    public static ZTestResult OneSample(long successes, long trials, double nullProportion, Alternative alternative = Alternative.TwoSided)
    {
        ProportionGuard.ThrowIfBadCounts(successes, trials);
        ProportionGuard.ThrowIfNotRate(nullProportion);
        SampleGuard.ThrowIfUndefined(alternative);
        var p = (double)successes / trials;
        var difference = p - nullProportion;
        var variance = p * (1 - p) / trials;
        if (variance == 0 && difference == 0)
        {
            return new ZTestResult(0, 1, difference);
        }

        var z = difference / Math.Sqrt(variance);
        return new ZTestResult(z, PValue(z, alternative), difference);
    }

    private static double PValue(double z, Alternative alternative) => alternative switch
    {
        Alternative.Greater => Normal.CDF(0, 1, -z),
        Alternative.Less => Normal.CDF(0, 1, z),
        _ => Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z))),
    };
}
