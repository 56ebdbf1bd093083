using MathNet.Numerics;

namespace AiGovernance.Statistics;

/// <summary>Is a count split between two groups as planned, when whole units (customers, sessions, devices) are
/// assigned to a group and each unit contributes many counts? The design-based sample-ratio-mismatch test for
/// unit-randomised traffic summarised in clusters (hash sub-buckets of units).</summary>
/// <remarks>
/// <para>Setting: every unit i is assigned to the first group independently with probability π (a hash of its id below
/// π) and sends R_i requests. The units are partitioned into clusters k by hash bits independent of the assignment, and
/// for each cluster the requests of its first-group units (f_k) and of its second-group units (s_k) are known. Under the
/// null hypothesis (assignment as planned and unrelated to how many requests a unit sends),
/// d_k = f_k − π(f_k + s_k) = Σ_{i∈k} (A_i − π)·R_i has mean 0, the d_k are independent across clusters, and
/// E[d_k²] = π(1 − π)·Σ_{i∈k} R_i² — the randomisation variance, whatever the distribution of R.</para>
/// <para>Statistic: D = Σd_k = Σf − π·Σ(f + s), V = Σd_k² (unbiased for Var D under the null), Z = D/√V, two-sided
/// p = 2·T_{G−1}.sf(|Z|) with G the clusters holding any count (a cluster-robust, self-normalised test; Student's t is
/// the usual small-G reference and is indistinguishable from the normal at thousands of clusters). The chi-squared
/// goodness of fit on the request totals assumes independent requests and is too liberal here: its variance
/// π(1 − π)·ΣR_i ignores that a unit's requests all move together, by the factor ΣR_i²/ΣR_i.</para>
/// <para>Edge cases: V = 0 (every cluster exactly on the planned share) gives Z = 0, p = 1; fewer than two non-empty
/// clusters give p = 1 (no evidence). Cost O(clusters), no allocation. Checked against a NumPy/SciPy evaluation of the
/// formula (<c>TestData/clustered_reference.py</c>).</para>
/// </remarks>
public static class ClusteredShareTest
{
    /// <summary>Tests whether the first group's share of the counts equals <paramref name="plannedFirstShare"/>.</summary>
    /// <param name="first">Per cluster, the counts (for example requests) of the units assigned to the first group.</param>
    /// <param name="second">Per cluster, the counts of the units assigned to the second group; same length.</param>
    /// <param name="plannedFirstShare">π, the planned probability of assignment to the first group, in (0, 1).</param>
    /// <returns>The planned and observed share, Z, the p-value and the number of non-empty clusters.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or hold no count at all.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="plannedFirstShare"/> is not in (0, 1).</exception>
    public static ClusteredShareResult Test(ReadOnlySpan<long> first, ReadOnlySpan<long> second, double plannedFirstShare)
    {
        if (first.Length != second.Length)
        {
            throw new ArgumentException($"The first ({first.Length}) and second ({second.Length}) counts must have one value per cluster each.", nameof(second));
        }

        if (!(plannedFirstShare > 0 && plannedFirstShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(plannedFirstShare), plannedFirstShare, "The planned share must be in (0, 1).");
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
            if (t == 0)
            {
                continue;
            }

            clusters++;
            sumFirst += f;
            total += t;
            var d = f - (plannedFirstShare * t);
            squares += d * d;
        }

        if (total == 0)
        {
            throw new ArgumentException("There are no counts to test.", nameof(first));
        }

        var observed = sumFirst / total;
        var deviation = sumFirst - (plannedFirstShare * total);
        if (squares == 0)
        {
            return new ClusteredShareResult(plannedFirstShare, observed, 0, 1, clusters);
        }

        var z = deviation / Math.Sqrt(squares);
        if (clusters < 2)
        {
            return new ClusteredShareResult(plannedFirstShare, observed, z, 1, clusters);
        }

        double df = clusters - 1;
        var p = SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (z * z)));
        return new ClusteredShareResult(plannedFirstShare, observed, z, Math.Clamp(p, 0, 1), clusters);
    }
}
