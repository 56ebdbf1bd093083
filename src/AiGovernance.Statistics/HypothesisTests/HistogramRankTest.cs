using System.Runtime.CompilerServices;
using MathNet.Numerics.Distributions;

namespace AiGovernance.Statistics;

/// <summary>Rank statistics of two histograms over the same buckets, treating every value in a bucket as the bucket's
/// value (so values sharing a bucket are ties). The cost depends on the number of buckets, not of values.</summary>
/// <remarks>
/// <para>A histogram is given as counts per bucket, <c>x[k]</c> and <c>y[k]</c> for bucket k, with buckets in ascending
/// order of value (for example the shared layout of a latency histogram). The results are those of
/// <see cref="Statistics.MannWhitney"/> and the Hodges–Lehmann estimate on the expanded data (each bucket value repeated by its
/// count); the tests compare with <c>scipy.stats.mannwhitneyu</c> and <c>numpy.median</c> on that expanded data.</para>
/// </remarks>
public static class HistogramRankTest
{
    /// <summary>The Mann–Whitney U test of <paramref name="x"/> against <paramref name="y"/>, asymptotic with tie correction.</summary>
    /// <param name="x">The first histogram's count per bucket (buckets in ascending order of value).</param>
    /// <param name="y">The second histogram's count per bucket, over the same buckets.</param>
    /// <param name="alternative"><see cref="Alternative.Greater"/>: <paramref name="x"/> tends to be larger.</param>
    /// <param name="continuityCorrection">Whether z subtracts 0.5 (SciPy's default).</param>
    /// <returns>U₁ of <paramref name="x"/>, the p-value, <see cref="MannWhitneyMethod.Asymptotic"/> and z, with the
    /// conventions of <see cref="Statistics.MannWhitney.Test(ReadOnlySpan{double}, ReadOnlySpan{double}, Alternative, bool,
    /// MannWhitneyMethod)"/> on the expanded values (<c>scipy.stats.mannwhitneyu(..., method="asymptotic")</c>).</returns>
    /// <remarks>Each bucket is one tie group of size t = x_k + y_k with average rank (before + (t + 1)/2); R₁ = Σ x_k ·
    /// rank_k and U₁ = R₁ − n₁(n₁+1)/2, evaluated as Σ x_k·(y below bucket k + y_k/2), which is the same number without the
    /// cancellation; σ² = n₁n₂/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))), z = (U′ − n₁n₂/2 − 0.5)/σ with U′
    /// chosen by the alternative (max(U₁, U₂) and a doubled tail for two-sided); tails from MathNet's normal CDF.
    /// When σ = 0 (all values in one bucket) p = 1 and z = 0. O(buckets), no allocation.</remarks>
    /// <exception cref="ArgumentException">The histograms have different numbers of buckets, a count is negative, or a
    /// histogram is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> is not defined.</exception>
    public static MannWhitneyResult MannWhitney(
        ReadOnlySpan<long> x, ReadOnlySpan<long> y, Alternative alternative = Alternative.TwoSided, bool continuityCorrection = true)
    {
        SampleGuard.ThrowIfUndefined(alternative);
        var n1 = (double)CountTotal(x, x.Length);
        var n2 = (double)CountTotal(y, x.Length);
        var n = n1 + n2;
        double yBelow = 0, u1 = 0, tieTerm = 0;
        for (var k = 0; k < x.Length; k++)
        {
            var t = (double)x[k] + y[k];
            if (t == 0)
            {
                continue;
            }

            // U₁ = R₁ − n₁(n₁+1)/2 = Σ x_k·(y values in lower buckets + ½·y_k): counted directly, so it stays exact (and
            // never negative) where R₁ and n₁(n₁+1)/2 are too large to subtract in doubles.
            u1 += x[k] * (yBelow + (y[k] / 2.0));
            tieTerm += ((t * t) - 1) * t;
            yBelow += y[k];
        }

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

    /// <summary>The Hodges–Lehmann shift of <paramref name="y"/> relative to <paramref name="x"/>: the median of all
    /// pairwise differences y_j − x_i between bucket values (the mean of the two middle ones when their number is even,
    /// as <c>numpy.median</c>).</summary>
    /// <param name="bucketValues">The value of each bucket, finite and strictly increasing.</param>
    /// <param name="x">The reference histogram's count per bucket.</param>
    /// <param name="y">The compared histogram's count per bucket.</param>
    /// <returns>The shift in the units of <paramref name="bucketValues"/>; positive when <paramref name="y"/> is larger.</returns>
    /// <remarks>There are n₁·n₂ pairs, but the count of pairs with y − x ≤ d takes one merge pass over the non-empty
    /// buckets, so the median is found by bisection on d (about 60 passes) and snapped to the exact pair difference:
    /// O(buckets + B log(range/ε)) for B non-empty buckets, independent of the number of values.</remarks>
    /// <exception cref="ArgumentException">The spans have different lengths, a count is negative, a histogram is empty,
    /// or a bucket value is not finite or not above the previous one.</exception>
    public static double HodgesLehmannShift(ReadOnlySpan<double> bucketValues, ReadOnlySpan<long> x, ReadOnlySpan<long> y)
    {
        var xTotal = CountTotal(x, bucketValues.Length);
        var yTotal = CountTotal(y, bucketValues.Length);
        SampleGuard.ThrowIfNotFinite(bucketValues);
        for (var k = 1; k < bucketValues.Length; k++)
        {
            if (!(bucketValues[k] > bucketValues[k - 1]))
            {
                throw new ArgumentException(
                    $"Bucket values must increase: index {k} ({bucketValues[k]}) is not above index {k - 1} ({bucketValues[k - 1]}).",
                    nameof(bucketValues));
            }
        }

        var (xv, xc) = Compact(bucketValues, x);
        var (yv, yc) = Compact(bucketValues, y);
        var pairs = (double)xTotal * yTotal;
        var lowerRank = Math.Ceiling(pairs / 2);
        var upperRank = Math.Floor(pairs / 2) + 1;
        var lower = SmallestDifferenceWithRank(xv, xc, yv, yc, lowerRank);
        var upper = upperRank == lowerRank ? lower : SmallestDifferenceWithRank(xv, xc, yv, yc, upperRank);
        return (lower + upper) / 2;
    }

    /// <summary>Checks a histogram against the bucket count and returns its total.</summary>
    private static long CountTotal(
        ReadOnlySpan<long> counts, int buckets, [CallerArgumentExpression(nameof(counts))] string? paramName = null)
    {
        if (counts.Length != buckets)
        {
            throw new ArgumentException($"The histogram has {counts.Length} buckets; {buckets} were expected.", paramName);
        }

        long total = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            if (counts[k] < 0)
            {
                throw new ArgumentException($"Bucket {k} has a negative count ({counts[k]}).", paramName);
            }

            if (counts[k] > long.MaxValue - total)
            {
                throw new ArgumentException("The histogram's counts add up to more than Int64.MaxValue.", paramName);
            }

            total += counts[k];
        }

        if (total == 0)
        {
            throw new ArgumentException("The histogram is empty.", paramName);
        }

        return total;
    }

    private static (double[] Values, double[] Counts) Compact(ReadOnlySpan<double> bucketValues, ReadOnlySpan<long> counts)
    {
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
                values[j] = bucketValues[k];
                weights[j++] = counts[k];
            }
        }

        return (values, weights);
    }

    /// <summary>The smallest pair difference d = y_j − x_i such that at least <paramref name="rank"/> pairs have y − x ≤ d.</summary>
    /// <remarks>Bisection keeps count(lo) &lt; rank ≤ count(hi), so the answer lies in (lo, hi]; it ends once that interval
    /// holds a single distinct pair difference, which is then the answer. For bucket values that are integers (latency
    /// ticks) the first check after narrowing to 1e-9 already succeeds.</remarks>
    private static double SmallestDifferenceWithRank(double[] xv, double[] xc, double[] yv, double[] yc, double rank)
    {
        var lo = yv[0] - xv[^1] - 1;
        var hi = yv[^1] - xv[0];
        for (var iteration = 0; iteration < 200 && hi - lo > 1e-9; iteration++)
        {
            Narrow(ref lo, ref hi);
        }

        // Values closer together than 1e-9 need more steps; a double interval cannot be halved more than about 2,100 times.
        for (var iteration = 0; iteration < 2200; iteration++)
        {
            var best = LargestDifferenceAtOrBelow(xv, yv, hi);
            var mid = lo + ((hi - lo) / 2);
            if (SmallestDifferenceAbove(xv, yv, lo) >= best || !(mid > lo && mid < hi))
            {
                return best;
            }

            Narrow(ref lo, ref hi);
        }

        return LargestDifferenceAtOrBelow(xv, yv, hi);

        void Narrow(ref double low, ref double high)
        {
            var middle = low + ((high - low) / 2);
            if (CountAtOrBelow(xv, xc, yv, yc, middle) >= rank)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }
    }

    /// <summary>The largest pair difference y_j − x_i not above <paramref name="d"/> (−∞ when there is none).</summary>
    private static double LargestDifferenceAtOrBelow(double[] xv, double[] yv, double d)
    {
        var best = double.NegativeInfinity;
        var i = 0;
        for (var j = 0; j < yv.Length; j++)
        {
            while (i < xv.Length && yv[j] - xv[i] > d)
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

    /// <summary>The smallest pair difference y_j − x_i above <paramref name="d"/> (+∞ when there is none): for each j the
    /// x_i with y_j − x_i &gt; d form a prefix that grows with j, and its last element gives the smallest difference.</summary>
    private static double SmallestDifferenceAbove(double[] xv, double[] yv, double d)
    {
        var best = double.PositiveInfinity;
        var i = 0;
        for (var j = 0; j < yv.Length; j++)
        {
            while (i < xv.Length && yv[j] - xv[i] > d)
            {
                i++;
            }

            if (i > 0)
            {
                best = Math.Min(best, yv[j] - xv[i - 1]);
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
