namespace AiGovernance.Statistics;

/// <summary>An exact randomisation test for a total that arrives in clusters: each cluster carries a weight (its errors)
/// and lands in the first group independently with a known probability. The small-count replacement of Fisher's exact
/// test when whole units are randomised.</summary>
/// <remarks>
/// <para>Setting: units are assigned to the first group independently with probability π (by hash). Under the sharp null
/// hypothesis — the first group's treatment changes nothing for any unit — each unit's error count is what it would have
/// been anyway, so the first group's total S = Σ w_j·B_j with B_j ~ Bernoulli(π) independent, the w_j being the error
/// counts of the units (clusters) that erred. Fisher's exact test would instead treat every error as an independent
/// trial; one customer failing 40 times is one cluster of weight 40 here, not 40 pieces of evidence.</para>
/// <para>The null distribution of S is computed exactly by dynamic programming over the weights (polynomial
/// multiplication of (1 − π) + π·x^{w_j}), and the two-sided p-value is SciPy's <c>fisher_exact</c> rule: the total
/// probability of every value of S no more likely than the observed one, within a relative 1e-7.</para>
/// <para>Clusters that are only known by an aggregate (a hash sub-buckets' errors in one group) make the test exact when
/// each such cell holds at most one erring unit, and conservative otherwise (merging units into one heavier cluster
/// only spreads the null distribution). Cost O(J·W) time and O(W) memory for J clusters of total weight W; keep W small
/// (this is a small-count test — use a normal approximation beyond a few thousand). Checked against brute-force
/// enumeration and a NumPy convolution (<c>TestData/clustered_reference.py</c>).</para>
/// </remarks>
public static class WeightedAllocationTest
{
    /// <summary>The largest total weight accepted.</summary>
    public const long MaxTotalWeight = 10_000_000;

    /// <summary>The two-sided exact p-value.</summary>
    /// <param name="firstWeights">The weights of the clusters observed in the first group (zeros are ignored).</param>
    /// <param name="secondWeights">The weights of the clusters observed in the second group (zeros are ignored).</param>
    /// <param name="firstProbability">π, each cluster's probability of being in the first group, in (0, 1).</param>
    /// <returns>The p-value in [0, 1]; 1 when there is no weight at all.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, the total weight exceeds
    /// <see cref="MaxTotalWeight"/>, or <paramref name="firstProbability"/> is not in (0, 1).</exception>
    public static double TwoSided(ReadOnlySpan<long> firstWeights, ReadOnlySpan<long> secondWeights, double firstProbability)
    {
        if (!(firstProbability > 0 && firstProbability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(firstProbability), firstProbability, "The probability must be in (0, 1).");
        }

        var observed = Total(firstWeights, nameof(firstWeights));
        var total = observed + Total(secondWeights, nameof(secondWeights));
        if (total > MaxTotalWeight)
        {
            throw new ArgumentOutOfRangeException(nameof(secondWeights), total, $"The total weight exceeds {MaxTotalWeight}.");
        }

        if (total == 0)
        {
            return 1.0;
        }

        var pmf = new double[total + 1];
        pmf[0] = 1.0;
        var reach = 0L;
        Convolve(pmf, firstWeights, firstProbability, ref reach);
        Convolve(pmf, secondWeights, firstProbability, ref reach);
        var threshold = pmf[observed] * (1 + 1e-7);
        double p = 0;
        foreach (var probability in pmf)
        {
            if (probability <= threshold)
            {
                p += probability;
            }
        }

        return Math.Clamp(p, 0.0, 1.0);
    }

    private static long Total(ReadOnlySpan<long> weights, string paramName)
    {
        long total = 0;
        for (var j = 0; j < weights.Length; j++)
        {
            if (weights[j] < 0)
            {
                throw new ArgumentOutOfRangeException(paramName, weights[j], $"Weights must not be negative (index {j}).");
            }

            total += Math.Min(weights[j], MaxTotalWeight + 1);
            if (total > MaxTotalWeight)
            {
                throw new ArgumentOutOfRangeException(paramName, total, $"The total weight exceeds {MaxTotalWeight}.");
            }
        }

        return total;
    }

    /// <summary>Multiplies the distribution in place by (1 − π) + π·x^w for every weight w (descending, so each cluster
    /// is added once).</summary>
    private static void Convolve(double[] pmf, ReadOnlySpan<long> weights, double probability, ref long reach)
    {
        var stay = 1 - probability;
        foreach (var weight in weights)
        {
            if (weight == 0)
            {
                continue;
            }

            var w = (int)weight;
            for (var s = (int)reach; s >= 0; s--)
            {
                var mass = pmf[s];
                pmf[s + w] += probability * mass;
                pmf[s] = stay * mass;
            }

            reach += w;
        }
    }
}
