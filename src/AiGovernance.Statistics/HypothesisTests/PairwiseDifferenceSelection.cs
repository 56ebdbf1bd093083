using System.Buffers;

namespace AiGovernance.Statistics;

/// <summary>Order statistics of the n₁·n₂ pairwise differences xᵢ − yⱼ without materialising them.</summary>
/// <remarks>
/// With x and y sorted ascending, row i of the implicit matrix dᵢⱼ = xᵢ − yⱼ is non-increasing in j and each column is
/// non-decreasing in i, so the number of differences at or below a value is counted with two pointers in O(n₁ + n₂).
/// The k-th smallest is found by randomized selection in the style of Monahan (1984) / Johnson &amp; Mizoguchi (1978),
/// with Floyd–Rivest pivots: keep a band lo &lt; d &lt; hi known to contain it, draw a uniform sample of the band, take
/// the two sample order statistics that bracket the target rank as pivots, count, and shrink the band (typically to about
/// a tenth per round); once the band holds at most n₁ + n₂ differences they are copied out and sorted. Expected time
/// O((n₁ + n₂) log(n₁n₂)); scratch memory O(n₁ + n₂) from <see cref="ArrayPool{T}"/>. The pivot generator has a fixed
/// seed, and the answer does not depend on it.
/// </remarks>
internal static class PairwiseDifferenceSelection
{
    private const int SampleSize = 255;
    private const int SampleMargin = 16;

    /// <summary>The <paramref name="k"/>-th smallest (1-based) of xᵢ − yⱼ over sorted samples.</summary>
    public static double KthSmallest(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, long k)
    {
        var n = xs.Length;
        var m = ys.Length;
        var start = ArrayPool<int>.Shared.Rent(n);
        var end = ArrayPool<int>.Shared.Rent(n);
        var cumulative = ArrayPool<long>.Shared.Rent(n);
        try
        {
            return Select(xs, ys, k, start.AsSpan(0, n), end.AsSpan(0, n), cumulative.AsSpan(0, n), Math.Max(256L, (long)n + m));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(start);
            ArrayPool<int>.Shared.Return(end);
            ArrayPool<long>.Shared.Return(cumulative);
        }
    }

    private static double Select(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, long k, Span<int> start, Span<int> end, Span<long> cumulative,
        long gatherLimit)
    {
        var m = ys.Length;
        bool hasLo = false, hasHi = false;
        double lo = 0, hi = 0;
        long below = 0;
        var random = new SplitMix64Random(0x5EED);
        Span<double> sample = stackalloc double[SampleSize];
        while (true)
        {
            // Band of row i: columns [start[i], end[i]) with lo < d < hi; d is non-increasing along a row.
            long band = 0;
            int jHi = 0, jLo = 0;
            for (var i = 0; i < xs.Length; i++)
            {
                if (hasHi)
                {
                    while (jHi < m && !(xs[i] - ys[jHi] < hi))
                    {
                        jHi++;
                    }
                }

                if (hasLo)
                {
                    while (jLo < m && xs[i] - ys[jLo] > lo)
                    {
                        jLo++;
                    }
                }
                else
                {
                    jLo = m;
                }

                start[i] = jHi;
                end[i] = Math.Max(jLo, jHi);
                band += end[i] - start[i];
                cumulative[i] = band;
            }

            var rank = k - below;
            if (band <= gatherLimit)
            {
                return Gather(xs, ys, start, end, (int)band, (int)rank);
            }

            for (var s = 0; s < sample.Length; s++)
            {
                var target = (long)random.NextBounded((ulong)band);
                var row = UpperBound(cumulative, target);
                var offset = target - (row > 0 ? cumulative[row - 1] : 0);
                sample[s] = xs[row] - ys[start[row] + (int)offset];
            }

            sample.Sort();
            var centre = (int)((double)(rank - 1) / band * SampleSize);
            var pivotLow = sample[Math.Clamp(centre - SampleMargin, 0, SampleSize - 1)];
            var pivotHigh = sample[Math.Clamp(centre + SampleMargin, 0, SampleSize - 1)];

            Count(xs, ys, pivotLow, out var atOrBelowLow, out var belowLow);
            if (k <= belowLow)
            {
                hi = pivotLow;
                hasHi = true;
                continue;
            }

            if (k <= atOrBelowLow)
            {
                return pivotLow;
            }

            lo = pivotLow;
            hasLo = true;
            below = atOrBelowLow;
            Count(xs, ys, pivotHigh, out var atOrBelowHigh, out var belowHigh);
            if (k <= belowHigh)
            {
                hi = pivotHigh;
                hasHi = true;
            }
            else if (k <= atOrBelowHigh)
            {
                return pivotHigh;
            }
            else
            {
                lo = pivotHigh;
                below = atOrBelowHigh;
            }
        }
    }

    /// <summary>The first row whose cumulative band size exceeds <paramref name="target"/>.</summary>
    private static int UpperBound(ReadOnlySpan<long> cumulative, long target)
    {
        int low = 0, high = cumulative.Length - 1;
        while (low < high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            if (cumulative[mid] > target)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    private static void Count(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double value, out long atOrBelow, out long strictlyBelow)
    {
        var m = ys.Length;
        atOrBelow = 0;
        strictlyBelow = 0;
        int jLe = 0, jLt = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            while (jLe < m && xs[i] - ys[jLe] > value)
            {
                jLe++;
            }

            while (jLt < m && xs[i] - ys[jLt] >= value)
            {
                jLt++;
            }

            atOrBelow += m - jLe;
            strictlyBelow += m - jLt;
        }
    }

    private static double Gather(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, ReadOnlySpan<int> start, ReadOnlySpan<int> end, int band, int rank)
    {
        var buffer = ArrayPool<double>.Shared.Rent(band);
        try
        {
            var count = 0;
            for (var i = 0; i < xs.Length; i++)
            {
                for (var j = start[i]; j < end[i]; j++)
                {
                    buffer[count++] = xs[i] - ys[j];
                }
            }

            var values = buffer.AsSpan(0, count);
            values.Sort();
            return values[rank - 1];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }
}
