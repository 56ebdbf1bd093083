using MathNet.Numerics;

namespace AiGovernance.Statistics;

/// <summary>Is a count split between two groups as planned, when whole units (customers, sessions, devices) are
/// assigned to a group and each unit contributes many counts? The design-based sample-ratio-mismatch test for
/// unit-randomised traffic summarised in clusters (hash sub-buckets of units).</summary>
/// <remarks>
/// <para>Setting: every unit i is assigned to the first group independently with probability π (a hash of its id below
/// π) and sends R_i requests. The units are spread over B clusters k uniformly at random by hash bits independent of the
/// assignment (for example 4,096 hash sub-buckets), and per cluster the requests of its first-group units (f_k) and of its
/// second-group units (s_k) are known. Under the null hypothesis (assignment as planned and unrelated to how many requests
/// a unit sends) D = Σf − π·Σ(f + s) = Σ_i (A_i − π)·R_i has mean 0 and variance π(1 − π)·ΣR_i² — the randomisation
/// variance, whatever the distribution of R. The chi-squared goodness of fit on request totals assumes
/// π(1 − π)·ΣR_i instead and is too liberal by the factor ΣR_i²/ΣR_i when units send several requests.</para>
/// <para>ΣR_i² is estimated from the cluster totals t_k = f_k + s_k alone: a unit falls in each cluster with probability
/// 1/B, so E[Σt_k²] = ΣR_i² + ((ΣR_i)² − ΣR_i²)/B, and Ŝ = (B·Σt_k² − T²)/(B − 1) (T = Σt_k) is unbiased for ΣR_i² —
/// B/(B − 1) times the sum of squared deviations of the cluster totals. Statistic: Z = D/√(π(1 − π)·Ŝ), two-sided
/// p = 2·T_{B−1}.sf(|Z|). The variance uses no arm labels, so it is not pulled along with D: a self-normalised
/// Σ(f_k − π·t_k)² has the same expectation but, with heavy-tailed requests per unit, rejected 2–4 times more often than
/// the level in simulation (the estimate used here 1.5–2 times, all of it from the skew of D itself).</para>
/// <para>Edge cases: Ŝ ≤ 0 (every cluster the same total: the clusters are not a random partition) gives Z = 0, p = 1 when
/// D = 0 and Z = ±∞, p = 0 otherwise — a mismatch, failing closed. Cost O(B), no allocation. Checked against a
/// NumPy/SciPy evaluation of the formula (<c>TestData/clustered_reference.py</c>).</para>
/// </remarks>
public static class ClusteredShareTest
{
    /// <summary>Tests whether the first group's share of the counts equals <paramref name="plannedFirstShare"/>.</summary>
    /// <param name="first">Per cluster, the counts (for example requests) of the units assigned to the first group; every
    /// cluster of the partition, empty ones included.</param>
    /// <param name="second">Per cluster, the counts of the units assigned to the second group; same length.</param>
    /// <param name="plannedFirstShare">π, the planned probability of assignment to the first group, in (0, 1).</param>
    /// <returns>The planned and observed share, Z, the p-value and the number of non-empty clusters.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, have fewer than two clusters, or hold no count at all.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="plannedFirstShare"/> is not in (0, 1).</exception>
    public static ClusteredShareResult Test(ReadOnlySpan<long> first, ReadOnlySpan<long> second, double plannedFirstShare)
    {
        if (first.Length != second.Length)
        {
            throw new ArgumentException(
                $"The first ({first.Length}) and second ({second.Length}) counts must have one value per cluster each.", nameof(second));
        }

        if (!(plannedFirstShare > 0 && plannedFirstShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(plannedFirstShare), plannedFirstShare, "The planned share must be in (0, 1).");
        }

        if (first.Length < 2)
        {
            throw new ArgumentException("At least two clusters are needed to estimate the variance.", nameof(first));
        }

        double sumFirst = 0, total = 0, squares = 0;
        var clusters = 0;
        for (var k = 0; k < first.Length; k++)
        {
            long f = first[k], s = second[k];
            if (f < 0 || s < 0)
            {
                throw new ArgumentOutOfRangeException(f < 0 ? nameof(first) : nameof(second), $"Counts must not be negative (cluster {k}).");
            }

            double t = (double)f + s;
            clusters += t > 0 ? 1 : 0;
            sumFirst += f;
            total += t;
            squares += t * t;
        }

        if (total == 0)
        {
            throw new ArgumentException("There are no counts to test.", nameof(first));
        }

        double b = first.Length;
        var observed = sumFirst / total;
        var deviation = sumFirst - (plannedFirstShare * total);
        var sumOfUnitSquares = ((b * squares) - (total * total)) / (b - 1);
        var variance = plannedFirstShare * (1 - plannedFirstShare) * sumOfUnitSquares;
        if (!(variance > 0))
        {
            var infinite = deviation > 0 ? double.PositiveInfinity : double.NegativeInfinity;
            return deviation == 0
                ? new ClusteredShareResult(plannedFirstShare, observed, 0, 1, clusters)
                : new ClusteredShareResult(plannedFirstShare, observed, infinite, 0, clusters);
        }

        var z = deviation / Math.Sqrt(variance);
        var df = b - 1;
        var p = SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (z * z)));
        return new ClusteredShareResult(plannedFirstShare, observed, z, Math.Clamp(p, 0, 1), clusters);
    }
}
