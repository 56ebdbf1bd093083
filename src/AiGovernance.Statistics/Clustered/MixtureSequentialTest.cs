namespace AiGovernance.Statistics;

/// <summary>The normal-mixture sequential probability ratio test (mSPRT) on any asymptotically normal estimate with a
/// known or consistently estimated variance: always-valid p-values that may be checked after every batch of data.</summary>
/// <remarks>
/// <para>With an estimate θ̂ ~ N(θ, V) and a normal mixture θ ~ N(0, τ²) over the alternative, the mixture likelihood
/// ratio against θ = 0 is (Robbins 1970; Johari, Pekelis and Walsh, "Always valid inference", 2017)</para>
/// <para>Λ = √(V / (V + τ²)) · exp( τ²·θ̂² / (2V(V + τ²)) ).</para>
/// <para>Under θ = 0 it is a non-negative martingale with mean 1 as data accrue, so by Ville's inequality
/// P(sup Λ ≥ 1/α) ≤ α and the always-valid p-value p_n = min(p_(n−1), 1/Λ_n) can be compared with α at any number of
/// looks. The estimate may be a difference of proportions (V from the pooled rate) or of ratio metrics over clusters
/// (V from <see cref="RatioMetric"/>); with an estimated V the guarantee is asymptotic, as for every plug-in mSPRT.</para>
/// <para>Choosing τ²: <see cref="MixtureVarianceForEffect"/>. Edge cases: V = 0 with θ̂ = 0 gives Λ = 1 (no evidence);
/// V = 0 with θ̂ ≠ 0 gives Λ = ∞ (p = 0). Checked against a NumPy evaluation (<c>TestData/clustered_reference.py</c>).</para>
/// </remarks>
public static class MixtureSequentialTest
{
    /// <summary>The mixture likelihood ratio Λ.</summary>
    /// <param name="estimate">θ̂, for example candidate minus baseline error rate.</param>
    /// <param name="variance">V, the variance of θ̂ (non-negative).</param>
    /// <param name="mixtureVariance">τ² (positive).</param>
    /// <returns>Λ ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is NaN, infinite or out of range.</exception>
    public static double LikelihoodRatio(double estimate, double variance, double mixtureVariance)
    {
        if (!double.IsFinite(estimate))
        {
            throw new ArgumentOutOfRangeException(nameof(estimate), estimate, "The estimate must be finite.");
        }

        if (!(variance >= 0) || double.IsPositiveInfinity(variance))
        {
            throw new ArgumentOutOfRangeException(nameof(variance), variance, "The variance must be finite and non-negative.");
        }

        if (!(mixtureVariance > 0) || double.IsPositiveInfinity(mixtureVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(mixtureVariance), mixtureVariance, "The mixture variance must be positive and finite.");
        }

        if (variance == 0)
        {
            return estimate == 0 ? 1.0 : double.PositiveInfinity;
        }

        var logLambda = (0.5 * Math.Log(variance / (variance + mixtureVariance)))
            + (mixtureVariance * estimate * estimate / (2 * variance * (variance + mixtureVariance)));
        return Math.Exp(logLambda);
    }

    /// <summary>The always-valid p-value after this look: min(previous, 1/Λ, 1).</summary>
    /// <param name="estimate">θ̂ on all data so far.</param>
    /// <param name="variance">Its variance V.</param>
    /// <param name="mixtureVariance">τ².</param>
    /// <param name="previousPValue">The always-valid p-value of the previous look (1 at the first).</param>
    /// <returns>The p-value in [0, 1], never above <paramref name="previousPValue"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double AlwaysValidPValue(double estimate, double variance, double mixtureVariance, double previousPValue = 1.0)
    {
        if (!(previousPValue >= 0 && previousPValue <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(previousPValue), previousPValue, "A p-value must be in [0, 1].");
        }

        var lambda = LikelihoodRatio(estimate, variance, mixtureVariance);
        return Math.Min(previousPValue, Math.Min(1.0, 1.0 / lambda));
    }

    /// <summary>The mixture variance for a test meant to catch effects of size <paramref name="effect"/>: τ² = δ².</summary>
    /// <param name="effect">δ, the smallest effect the test must detect (the minimum detectable effect that sized the
    /// experiment), non-zero and finite.</param>
    /// <returns>δ².</returns>
    /// <remarks>
    /// <para>Why δ²: when the true effect is δ and θ̂ ~ N(δ, V), the expected log-likelihood ratio — the rate at which
    /// evidence accumulates, hence the time to reach 1/α — is E[log Λ] = ½·log(V/(V + τ²)) + τ²(δ² + V)/(2V(V + τ²)).
    /// Its derivative in τ² is (δ² − τ²)/(2(V + τ²)²), zero at τ² = δ² for every V: the same τ is best at every sample
    /// size, so it needs no sample-size guess. A τ tied to a decision tolerance instead goes wrong when the tolerance is
    /// small: τ = 0.01 percentage points hides a 1-point regression (z = 7.5 gives Λ ≈ 1.2).</para>
    /// <para>Effects much larger than δ are still caught, later than with a τ matched to them; effects much smaller are
    /// caught only with far more data, by design.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effect"/> is zero, NaN or infinite.</exception>
    public static double MixtureVarianceForEffect(double effect)
    {
        if (effect == 0 || !double.IsFinite(effect))
        {
            throw new ArgumentOutOfRangeException(nameof(effect), effect, "The effect must be non-zero and finite.");
        }

        return effect * effect;
    }
}
