using AiGovernance.Deployment.Recording;
using AiGovernance.Statistics;
using MathNet.Numerics.Distributions;

namespace AiGovernance.Deployment.Canary;

/// <summary>Rank statistics computed directly on latency histograms, treating every value in a bucket as the bucket's
/// representative value (so values sharing a bucket are ties). Cost O(buckets), independent of the number of requests.</summary>
public static class HistogramRankTest
{
    /// <summary>The Mann–Whitney U test of <paramref name="x"/> against <paramref name="y"/>, asymptotic with tie correction.</summary>
    /// <param name="x">The first histogram.</param>
    /// <param name="y">The second histogram.</param>
    /// <param name="alternative"><see cref="Alternative.Greater"/>: <paramref name="x"/> tends to be larger (slower).</param>
    /// <param name="continuityCorrection">Whether z subtracts 0.5 (SciPy's default).</param>
    /// <returns>U₁ of <paramref name="x"/>, the p-value, <see cref="MannWhitneyMethod.Asymptotic"/> and z, with the same
    /// conventions as <see cref="MannWhitney.Test(ReadOnlySpan{double}, ReadOnlySpan{double}, Alternative, bool, MannWhitneyMethod)"/>
    /// on the expanded bucket values.</returns>
    /// <remarks>Each bucket is one tie group of size t = x_k + y_k with average rank (before + (t + 1)/2); R₁ = Σ x_k ·
    /// rank_k, U₁ = R₁ − n₁(n₁+1)/2, σ² = n₁n₂/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))), z = (U′ − n₁n₂/2 − 0.5)/σ with U′
    /// chosen by the alternative (max(U₁, U₂) and a doubled tail for two-sided); tails from MathNet's normal CDF.
    /// When σ = 0 (all values in one bucket) p = 1 and z = 0.</remarks>
    /// <exception cref="ArgumentNullException">A histogram is null.</exception>
    /// <exception cref="ArgumentException">A histogram is empty.</exception>
    public static MannWhitneyResult MannWhitney(LatencyHistogramSnapshot x, LatencyHistogramSnapshot y,
        Alternative alternative = Alternative.TwoSided, bool continuityCorrection = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ThrowIfEmpty(x);
        ThrowIfEmpty(y);
        if (alternative is not (Alternative.TwoSided or Alternative.Less or Alternative.Greater))
        {
            throw new ArgumentOutOfRangeException(nameof(alternative), alternative, "Unknown alternative hypothesis.");
        }

        var xs = x.BucketCounts;
        var ys = y.BucketCounts;
        double n1 = x.TotalCount, n2 = y.TotalCount, n = n1 + n2;
        double before = 0, rankSum = 0, tieTerm = 0;
        for (var k = 0; k < xs.Length; k++)
        {
            double t = xs[k] + ys[k];
            if (t == 0)
            {
                continue;
            }

            rankSum += xs[k] * (before + ((t + 1) / 2));
            tieTerm += ((t * t) - 1) * t;
            before += t;
        }

        var u1 = rankSum - (n1 * (n1 + 1) / 2);
        var u2 = (n1 * n2) - u1;
        var mean = n1 * n2 / 2;
        var sigma = Math.Sqrt(n1 * n2 / 12 * (n + 1 - (tieTerm / (n * (n - 1)))));
        if (!(sigma > 0))
        {
            return new MannWhitneyResult(u1, 1.0, MannWhitneyMethod.Asymptotic, 0.0);
        }

        var u = alternative switch
        {
            Alternative.Greater => u1,
            Alternative.Less => u2,
            _ => Math.Max(u1, u2),
        };
        var z = (u - mean - (continuityCorrection ? 0.5 : 0.0)) / sigma;
        var p = Normal.CDF(0, 1, -z);
        if (alternative == Alternative.TwoSided)
        {
            p = Math.Min(1.0, 2 * p);
        }

        return new MannWhitneyResult(u1, Math.Clamp(p, 0.0, 1.0), MannWhitneyMethod.Asymptotic, z);
    }

    /// <summary>The Hodges–Lehmann shift of <paramref name="y"/> relative to <paramref name="x"/> in milliseconds: the
    /// median of all pairwise differences y_j − x_i between bucket values (the mean of the two middle ones when their
    /// number is even, as <c>numpy.median</c>).</summary>
    /// <param name="x">The reference histogram (baseline).</param>
    /// <param name="y">The compared histogram (candidate).</param>
    /// <returns>The shift in milliseconds; positive when <paramref name="y"/> is slower.</returns>
    /// <remarks>There are n₁·n₂ pairs, but the count of pairs with y − x ≤ d takes one merge pass over the non-empty
    /// buckets, so the median is found by bisection on d (about 60 passes) and snapped to the exact pair difference:
    /// O(B log(range/ε)) for B non-empty buckets, independent of the number of requests.</remarks>
    /// <exception cref="ArgumentNullException">A histogram is null.</exception>
    /// <exception cref="ArgumentException">A histogram is empty.</exception>
    public static double HodgesLehmannShift(LatencyHistogramSnapshot x, LatencyHistogramSnapshot y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ThrowIfEmpty(x);
        ThrowIfEmpty(y);
        var (xv, xc) = Compact(x);
        var (yv, yc) = Compact(y);
        var pairs = (double)x.TotalCount * y.TotalCount;
        var lowerRank = Math.Ceiling(pairs / 2);
        var upperRank = Math.Floor(pairs / 2) + 1;
        var lower = SmallestDifferenceWithRank(xv, xc, yv, yc, lowerRank);
        var upper = upperRank == lowerRank ? lower : SmallestDifferenceWithRank(xv, xc, yv, yc, upperRank);
        return (lower + upper) / 2 / TimeSpan.TicksPerMillisecond;
    }

    private static void ThrowIfEmpty(LatencyHistogramSnapshot histogram,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(histogram))] string? paramName = null)
    {
        if (histogram.TotalCount == 0)
        {
            throw new ArgumentException("The histogram is empty.", paramName);
        }
    }

    private static (double[] Values, double[] Counts) Compact(LatencyHistogramSnapshot histogram)
    {
        var counts = histogram.BucketCounts;
        var nonEmpty = 0;
        foreach (var c in counts)
        {
            if (c != 0)
            {
                nonEmpty++;
            }
        }

        var values = new double[nonEmpty];
        var weights = new double[nonEmpty];
        var j = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            if (counts[k] != 0)
            {
                values[j] = LatencyBuckets.Representative(k);
                weights[j++] = counts[k];
            }
        }

        return (values, weights);
    }

    /// <summary>The smallest pair difference d = y_j − x_i such that at least <paramref name="rank"/> pairs have y − x ≤ d.</summary>
    private static double SmallestDifferenceWithRank(double[] xv, double[] xc, double[] yv, double[] yc, double rank)
    {
        var lo = yv[0] - xv[^1] - 1;
        var hi = yv[^1] - xv[0];
        for (var iteration = 0; iteration < 200 && hi - lo > 1e-9; iteration++)
        {
            var mid = lo + ((hi - lo) / 2);
            if (CountAtOrBelow(xv, xc, yv, yc, mid) >= rank)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        // Snap to the largest pair difference not above hi: the exact order statistic.
        var best = double.NegativeInfinity;
        var i = 0;
        for (var j = 0; j < yv.Length; j++)
        {
            while (i < xv.Length && yv[j] - xv[i] > hi)
            {
                i++;
            }

            if (i < xv.Length)
            {
                best = Math.Max(best, yv[j] - xv[i]);
            }
        }

        return best;
    }

    /// <summary>The number of pairs with y − x ≤ d, by one merge pass (the threshold y_j − d rises with j).</summary>
    private static double CountAtOrBelow(double[] xv, double[] xc, double[] yv, double[] yc, double d)
    {
        double total = 0, xBelow = 0, xAll = 0;
        foreach (var c in xc)
        {
            xAll += c;
        }

        var i = 0;
        for (var j = 0; j < yv.Length; j++)
        {
            while (i < xv.Length && yv[j] - xv[i] > d)
            {
                xBelow += xc[i++];
            }

            total += yc[j] * (xAll - xBelow);
        }

        return total;
    }
}
