namespace AiGovernance.Statistics;

/// <summary>The mixture sequential probability ratio test (mSPRT) for a difference of two proportions: always-valid
/// p-values that may be checked after every batch of traffic without inflating the false-positive rate.</summary>
/// <remarks>
/// <para>With θ̂ = p̂_candidate − p̂_baseline and its variance under H₀ estimated from the pooled rate p̄,
/// V = p̄(1 − p̄)(1/n_baseline + 1/n_candidate), the normal approximation θ̂ ~ N(θ, V) and a normal mixture
/// θ ~ N(0, τ²) over the alternative give the mixture likelihood ratio (Johari, Pekelis and Walsh, "Always valid
/// inference", 2017; Robbins 1970):</para>
/// <para>Λ = √(V / (V + τ²)) · exp( τ² θ̂² / (2V(V + τ²)) ).</para>
/// <para>Under H₀ (θ = 0) Λ is a non-negative martingale with mean 1, so by Ville's inequality
/// P(sup Λ ≥ 1/α) ≤ α, and the always-valid p-value p_n = min(p_(n−1), 1/Λ_n) (p₀ = 1) can be compared with α at
/// any number of looks. τ² is the mixture variance: set it near the square of the smallest difference worth
/// detecting. When the pooled rate is 0 or 1 there is no evidence and Λ = 1.</para>
/// </remarks>
public static class SequentialProportionTest
{
    /// <summary>The mixture likelihood ratio Λ for the current cumulative counts.</summary>
    /// <param name="errorsBaseline">Errors (events) in the baseline arm.</param>
    /// <param name="trialsBaseline">Trials in the baseline arm.</param>
    /// <param name="errorsCandidate">Errors in the candidate arm.</param>
    /// <param name="trialsCandidate">Trials in the candidate arm.</param>
    /// <param name="mixtureVariance">τ², the variance of the normal mixture over the difference.</param>
    /// <returns>Λ ≥ 0 (1 when there is no evidence either way).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, errors exceed trials, a trial count is zero, or τ² is
    /// not positive.</exception>
    public static double LikelihoodRatio(
        long errorsBaseline, long trialsBaseline, long errorsCandidate, long trialsCandidate, double mixtureVariance)
    {
        ThrowIfBadCounts(errorsBaseline, trialsBaseline, nameof(errorsBaseline), nameof(trialsBaseline));
        ThrowIfBadCounts(errorsCandidate, trialsCandidate, nameof(errorsCandidate), nameof(trialsCandidate));
        if (!(mixtureVariance > 0 && double.IsFinite(mixtureVariance)))
        {
            throw new ArgumentOutOfRangeException(nameof(mixtureVariance), mixtureVariance, "The mixture variance must be positive and finite.");
        }

        double nb = trialsBaseline, nc = trialsCandidate;
        var pooled = (errorsBaseline + (double)errorsCandidate) / (nb + nc);
        var variance = pooled * (1 - pooled) * ((1 / nb) + (1 / nc));
        if (!(variance > 0))
        {
            return 1.0;
        }

        var difference = (errorsCandidate / nc) - (errorsBaseline / nb);
        var logLambda = (0.5 * Math.Log(variance / (variance + mixtureVariance)))
            + (mixtureVariance * difference * difference / (2 * variance * (variance + mixtureVariance)));
        return Math.Exp(logLambda);
    }

    /// <summary>The always-valid p-value after this look: min(previous, 1/Λ).</summary>
    /// <param name="errorsBaseline">Cumulative errors in the baseline arm.</param>
    /// <param name="trialsBaseline">Cumulative trials in the baseline arm.</param>
    /// <param name="errorsCandidate">Cumulative errors in the candidate arm.</param>
    /// <param name="trialsCandidate">Cumulative trials in the candidate arm.</param>
    /// <param name="mixtureVariance">τ².</param>
    /// <param name="previousPValue">The always-valid p-value of the previous look (1 at the first).</param>
    /// <returns>The p-value in [0, 1], never above <paramref name="previousPValue"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double AlwaysValidPValue(
        long errorsBaseline,
        long trialsBaseline,
        long errorsCandidate,
        long trialsCandidate,
        double mixtureVariance,
        double previousPValue = 1.0)
    {
        if (!(previousPValue >= 0 && previousPValue <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(previousPValue), previousPValue, "A p-value must be in [0, 1].");
        }

        var lambda = LikelihoodRatio(errorsBaseline, trialsBaseline, errorsCandidate, trialsCandidate, mixtureVariance);
        return Math.Min(previousPValue, Math.Min(1.0, 1.0 / lambda));
    }

    private static void ThrowIfBadCounts(long errors, long trials, string errorsName, string trialsName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(errors, errorsName);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1, trialsName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(errors, trials, errorsName);
    }
}
