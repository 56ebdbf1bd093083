using System.Buffers;
using System.Runtime.Intrinsics;

namespace AiGovernance.Statistics;

/// <summary>The two-sample Cramér–von Mises test: do two samples come from the same continuous distribution?</summary>
/// <remarks>
/// <para>Counterpart: <c>scipy.stats.cramervonmises_2samp(x, y, method)</c> (SciPy 1.10.1). Where Kolmogorov–Smirnov looks
/// at the largest gap between the two empirical distribution functions, this statistic integrates the squared gap over
/// the pooled sample, so it reacts to differences spread over the whole range (a change of shape or scale) that never
/// make one large gap.</para>
/// <para><b>Statistic</b> (Anderson 1962, eqs. 9–10): with r_i the midrank of the i-th smallest x in the pooled sample and
/// s_j that of the j-th smallest y, U = n·Σ(r_i − i)² + m·Σ(s_j − j)² and T = U/(nm(n + m)) − (4nm − 1)/(6(n + m)).
/// r_i − i is the number of y values below x₍ᵢ₎ plus half of the ties, so U is accumulated exactly in 128-bit integers
/// (four times the squared half-integers) from one merge of the sorted samples, and T is rounded once.</para>
/// <para><b>Exact</b> (SciPy's <c>_pval_cvm_2samp_exact</c>, Xiao, Gordon &amp; Yakovlev 2006): the frequencies of
/// Σ(a·v − b·u)² over the lattice paths from (0, 0) to (m, n), a = lcm/n, b = lcm/m, counted cell by cell; p = the share of
/// paths whose sum reaches ζ = ⌊lcm²(n + m)(6U − nm(4nm − 1))/(6n²m²)⌋ (Python's floor division of the same doubles).
/// Sums only grow along a path, so every partial sum at or above ζ is kept in one bucket: the result is the same count,
/// computed over far fewer states. With ties the same no-ties distribution is evaluated at the midrank U, as SciPy does
/// (the p-value is then approximate and usually conservative). Counts are doubles (relative error below 1e-13). An exact
/// request whose enumeration would produce more than 10⁷ table entries (about a third of a second) falls back to the asymptotic method, and
/// <see cref="CramerVonMisesResult.Method"/> says so.</para>
/// <para><b>Asymptotic</b> (Anderson 1962, eqs. 11, 14, 15): E[T] = (1 + 1/N)/6, Var[T] =
/// (N + 1)(4kN − 3(n² + m²) − 2k)/(180N²k) with k = nm, N = n + m; the normalised statistic
/// T* = 1/6 + (T − E[T])/√(45·Var[T]) is referred to the limiting distribution of the one-sample statistic,
/// F(x) = Σ_k Γ(k + ½)/(Γ(k + 1)·π^{3/2}·√x) · √(4k + 1) · e^{−q}·K_{1/4}(q), q = (4k + 1)²/(16x) (Csörgő &amp; Faraway
/// 1996, eq. 1.3), summed until a term is below 1e-7 exactly as SciPy truncates it (MathNet's Amos
/// <c>BesselK</c>); p = 1 when T* &lt; 0.003, else max(0, 1 − F(T*)). The series is not accurate far in the tail (T* &gt; 4,
/// where 1 − F is below 1e-9), which is also SciPy's behaviour: treat such p-values as "below 1e-9".</para>
/// <para><b>Complexity:</b> samples below 4,096 pooled values are sorted and merged. Larger ones are not sorted: both
/// are counted into about N/8 equal-width value buckets and scattered into bucket order. Since r_i − i only needs the y
/// values below x₍ᵢ₎ (all of the earlier buckets' plus those below it in its own bucket), a bucket of up to 64 values
/// without ties is ranked by counting vector comparisons (no sort, no branches on the data); a bucket holding one repeated
/// value (discrete or rounded data) is a single tie group with a closed-form sum; any other bucket is sorted and merged.
/// All give the same integer sums as one merge of the fully sorted samples. O(N) expected for well-spread data,
/// O(N log N) at worst (every value in one bucket). Scratch memory (N doubles and the bucket counts) comes from
/// <see cref="ArrayPool{T}"/>. 1M × 1M is measured against SciPy in <c>benchmarks/results/compare-scipy.md</c>.</para>
/// <para><b>Edge cases:</b> each sample needs at least 2 values (as SciPy). NaN and infinities are rejected (SciPy would
/// sort NaN to the end and compute a number).</para>
/// </remarks>
public static class CramerVonMises
{
    /// <summary>SciPy's <c>auto</c> rule: exact up to this many values in the larger sample.</summary>
    internal const int ExactAutoLimit = 20;

    /// <summary>The exact enumeration gives up (and the asymptotic p-value is used) beyond this many lattice states.</summary>
    internal const long ExactStateBudget = 10_000_000;

    /// <summary>Below this many pooled values the samples are sorted and merged directly.</summary>
    private const int BucketedMinimum = 4096;

    /// <summary>Buckets with at most this many values (both samples) are ranked by counting comparisons.</summary>
    private const int SmallBucket = 64;

    /// <summary>Values of +∞ after each scattered sample, so whole vectors can be read past the last bucket.</summary>
    private const int Padding = 8;

    /// <summary>SciPy returns p = 1 below this normalised statistic (the limiting CDF there is below 1.3e-18).</summary>
    private const double AsymptoticFloor = 0.003;

    /// <summary>Tests whether two independent samples come from the same continuous distribution.</summary>
    /// <param name="x">The first sample; at least 2 finite values.</param>
    /// <param name="y">The second sample; at least 2 finite values.</param>
    /// <param name="method">How the p-value is computed.</param>
    /// <returns>The statistic T, the p-value and the method used.</returns>
    /// <exception cref="ArgumentException">A sample has fewer than 2 values or holds NaN or an infinity (the message names
    /// the argument and the first bad index).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not defined.</exception>
    public static CramerVonMisesResult TwoSample(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        CramerVonMisesMethod method = CramerVonMisesMethod.Auto)
    {
        ThrowIfTooShort(x.Length, nameof(x));
        ThrowIfTooShort(y.Length, nameof(y));
        SampleGuard.ThrowIfEmptyOrNotFinite(x, out var xLow, out var xHigh);
        SampleGuard.ThrowIfEmptyOrNotFinite(y, out var yLow, out var yHigh);
        if (method is not (CramerVonMisesMethod.Auto or CramerVonMisesMethod.Exact or CramerVonMisesMethod.Asymptotic))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown Cramér–von Mises method.");
        }

        var sums = RankSums(x, y, Math.Min(xLow, yLow), Math.Max(xHigh, yHigh));
        long n = x.Length, m = y.Length;

        // U = n·Σ(r − i)² + m·Σ(s − j)², accumulated as four times the squares of half-integers.
        var u = (double)((n * sums.X) + (m * sums.Y)) / 4;
        Int128 k = (Int128)n * m, total = n + m;

        // As SciPy: u/(k·N) with k·N rounded to a double, and (4k − 1)/(6N) divided from exact integers.
        var t = (u / (double)(k * total)) - ((double)((4 * k) - 1) / (double)(6 * total));

        if (method == CramerVonMisesMethod.Auto)
        {
            method = Math.Max(n, m) > ExactAutoLimit ? CramerVonMisesMethod.Asymptotic : CramerVonMisesMethod.Exact;
        }

        if (method == CramerVonMisesMethod.Exact)
        {
            var exact = CramerVonMisesDistribution.ExactPValue(u, (int)n, (int)m, ExactStateBudget);
            if (!double.IsNaN(exact))
            {
                return new CramerVonMisesResult(t, exact, CramerVonMisesMethod.Exact);
            }
        }

        var expected = (1 + (1 / (double)total)) / 6;
        var variance = (double)((total + 1) * ((4 * k * total) - (3 * (((Int128)n * n) + ((Int128)m * m))) - (2 * k)))
            / (double)(45 * total * total * 4 * k);
        var normalised = (1.0 / 6) + ((t - expected) / Math.Sqrt(45 * variance));
        var p = normalised < AsymptoticFloor ? 1.0 : Math.Max(0, 1 - CramerVonMisesDistribution.LimitingCdf(normalised));
        return new CramerVonMisesResult(t, p, CramerVonMisesMethod.Asymptotic);
    }

    private static void ThrowIfTooShort(int length, string paramName)
    {
        if (length < 2)
        {
            throw new ArgumentException(
                $"The sample has {length} value(s); the Cramér–von Mises test needs at least 2 in each sample.",
                paramName);
        }
    }

    /// <summary>Σ(2(r_i − i))² over x and Σ(2(s_j − j))² over y, with midranks r, s in the pooled sample;
    /// <paramref name="simd"/> false forces the sort-and-merge path for every bucket (tests compare the two).</summary>
    internal static (Int128 X, Int128 Y) RankSums(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double low, double high, bool simd = true)
    {
        var state = default(MergeState);
        var pooled = x.Length + y.Length;
        if (pooled < BucketedMinimum || !(high - low < double.PositiveInfinity) || high == low || !double.IsFinite(pooled / (high - low)))
        {
            var (xs, ys) = DoubleSorter.RentSortedCopies(x, y);
            try
            {
                Merge(xs.AsSpan(0, x.Length), ys.AsSpan(0, y.Length), ref state);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(xs);
                ArrayPool<double>.Shared.Return(ys);
            }

            return (state.SumX, state.SumY);
        }

        return BucketedRankSums(x, y, low, high, simd && Vector256.IsHardwareAccelerated);
    }

    /// <summary>Buckets both samples by value, scatters them into bucket order and sums bucket by bucket: small buckets
    /// without ties by counting comparisons, buckets of one repeated value by the tie-group formula, the rest by a sort and
    /// a merge.</summary>
    private static (Int128 X, Int128 Y) BucketedRankSums(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double low, double high, bool simd)
    {
        var buckets = Math.Clamp((x.Length + y.Length) / 8, 64, 1 << 22);
        var last = buckets - 1;
        var scale = buckets / (high - low);
        var xStarts = ArrayPool<int>.Shared.Rent(buckets + 1);
        var yStarts = ArrayPool<int>.Shared.Rent(buckets + 1);
        var xOrdered = ArrayPool<double>.Shared.Rent(x.Length + Padding);
        var yOrdered = ArrayPool<double>.Shared.Rent(y.Length + Padding);
        try
        {
            Scatter(x, low, scale, last, xStarts.AsSpan(0, buckets + 1), xOrdered);
            Scatter(y, low, scale, last, yStarts.AsSpan(0, buckets + 1), yOrdered);

            // The comparison kernel reads whole vectors past a bucket's end: into later buckets (whose values are all
            // larger, so they never count) or into this padding.
            xOrdered.AsSpan(x.Length, Padding).Fill(double.PositiveInfinity);
            yOrdered.AsSpan(y.Length, Padding).Fill(double.PositiveInfinity);
            Int128 sumX = 0, sumY = 0;
            for (var b = 0; b < buckets; b++)
            {
                int xFirst = xStarts[b], xCount = xStarts[b + 1] - xFirst, yFirst = yStarts[b], yCount = yStarts[b + 1] - yFirst;
                if (xCount + yCount == 0)
                {
                    continue;
                }

                // Every value of this bucket lies above xFirst x values and yFirst y values of earlier buckets.
                if (simd && xCount + yCount <= SmallBucket
                    && BucketComparisons.TryCountBelow(xOrdered, xFirst, xCount, yOrdered, yFirst, yCount, out var counts))
                {
                    // Σ(2(r − i))² over the bucket's x = 4·Σ(yFirst + l)² = 4(c·yFirst² + 2·yFirst·Σl + Σl²).
                    Int128 xBelow = xFirst, yBelow = yFirst;
                    sumX += 4 * ((xCount * yBelow * yBelow) + (2 * yBelow * counts.XSum) + counts.XSquares);
                    sumY += 4 * ((yCount * xBelow * xBelow) + (2 * xBelow * counts.YSum) + counts.YSquares);
                    continue;
                }

                var xs = xOrdered.AsSpan(xFirst, xCount);
                var ys = yOrdered.AsSpan(yFirst, yCount);
                if (IsOneValue(xs, ys))
                {
                    // One tie group of every value in the bucket (the case of discrete or rounded data).
                    sumX += TieGroupSum((2L * yFirst) + xCount + yCount + 1, xCount);
                    sumY += TieGroupSum((2L * xFirst) + xCount + yCount + 1, yCount);
                    continue;
                }

                SortSmall(xs);
                SortSmall(ys);
                var state = new MergeState { BelowX = xFirst, BelowY = yFirst };
                Merge(xs, ys, ref state);
                sumX += state.SumX;
                sumY += state.SumY;
            }

            return (sumX, sumY);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(xStarts);
            ArrayPool<int>.Shared.Return(yStarts);
            ArrayPool<double>.Shared.Return(xOrdered);
            ArrayPool<double>.Shared.Return(yOrdered);
        }
    }

    /// <summary>Whether every value of both (not both empty) runs equals the first one.</summary>
    private static bool IsOneValue(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        var first = xs.IsEmpty ? ys[0] : xs[0];
        foreach (var value in xs)
        {
            if (value != first)
            {
                return false;
            }
        }

        foreach (var value in ys)
        {
            if (value != first)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes <paramref name="values"/> into <paramref name="ordered"/> grouped by bucket (ascending buckets);
    /// <paramref name="starts"/>[b] is where bucket b begins and starts[B] the number of values.</summary>
    private static void Scatter(ReadOnlySpan<double> values, double low, double scale, int last, Span<int> starts, double[] ordered)
    {
        var counts = starts[..^1];
        counts.Clear();
        ValueBuckets.Histogram(values, sorted: false, low, scale, last, counts);
        var offset = 0;
        for (var b = 0; b < counts.Length; b++)
        {
            var count = counts[b];
            counts[b] = offset;
            offset += count;
        }

        starts[^1] = offset;

        // counts now holds each bucket's next free slot; after the pass, slot b holds the start of bucket b + 1.
        foreach (var value in values)
        {
            ordered[counts[ValueBuckets.BucketOf(value, low, scale, last)]++] = value;
        }

        for (var b = counts.Length - 1; b > 0; b--)
        {
            counts[b] = counts[b - 1];
        }

        counts[0] = 0;
    }

    /// <summary>Insertion sort for the few values of a bucket; the BCL's introsort for crowded ones.</summary>
    private static void SortSmall(Span<double> values)
    {
        if (values.Length > 24)
        {
            values.Sort();
            return;
        }

        for (var i = 1; i < values.Length; i++)
        {
            var v = values[i];
            var j = i - 1;
            while (j >= 0 && values[j] > v)
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = v;
        }
    }

    /// <summary>Walks two sorted runs (the continuation of everything already merged) tie group by tie group.</summary>
    private static void Merge(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, ref MergeState state)
    {
        int i = 0, j = 0;
        long belowX = state.BelowX, belowY = state.BelowY;
        Int128 sumX = state.SumX, sumY = state.SumY;
        while (i < xs.Length || j < ys.Length)
        {
            var value = i < xs.Length ? (j < ys.Length ? Math.Min(xs[i], ys[j]) : xs[i]) : ys[j];
            var a = 0;
            while (i < xs.Length && xs[i] == value)
            {
                a++;
                i++;
            }

            var b = 0;
            while (j < ys.Length && ys[j] == value)
            {
                b++;
                j++;
            }

            if (b == 0 && a == 1)
            {
                // r − i is the number of y values below: no half-ranks.
                var twice = 2 * belowY;
                sumX += twice * twice;
            }
            else if (a == 0 && b == 1)
            {
                var twice = 2 * belowX;
                sumY += twice * twice;
            }
            else
            {
                // A tie group of a x values and b y values: the midrank is below + (a + b + 1)/2 and the positions run
                // through t = 1..a, so 2(r − i) = e − 2t with e = 2·(other sample's count below) + a + b + 1.
                sumX += TieGroupSum((2 * belowY) + a + b + 1, a);
                sumY += TieGroupSum((2 * belowX) + a + b + 1, b);
            }

            belowX += a;
            belowY += b;
        }

        state.BelowX = belowX;
        state.BelowY = belowY;
        state.SumX = sumX;
        state.SumY = sumY;
    }

    /// <summary>Σ_{t=1..c} (e − 2t)² = c·e² − 2e·c(c + 1) + 2c(c + 1)(2c + 1)/3.</summary>
    private static Int128 TieGroupSum(long e, long c)
    {
        if (c == 0)
        {
            return 0;
        }

        Int128 ee = e, cc = c;
        return (cc * ee * ee) - (2 * ee * cc * (cc + 1)) + (2 * cc * (cc + 1) * ((2 * cc) + 1) / 3);
    }

    private struct MergeState
    {
        public long BelowX;
        public long BelowY;
        public Int128 SumX;
        public Int128 SumY;
    }
}
