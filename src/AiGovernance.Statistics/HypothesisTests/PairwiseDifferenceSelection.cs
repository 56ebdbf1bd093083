using System.Buffers;

namespace AiGovernance.Statistics;

/// <summary>Order statistics of the n₁·n₂ pairwise differences xᵢ − yⱼ without materialising them.</summary>
/// <remarks>
/// With x and y sorted ascending, row i of the implicit matrix dᵢⱼ = xᵢ − yⱼ is non-increasing in j and each column is
/// non-decreasing in i, so the number of differences at or below a value is counted with two pointers in O(n₁ + n₂).
/// The k-th smallest is found by randomized selection in the style of Monahan (1984) / Johnson &amp; Mizoguchi (1978):
/// keep a band lo &lt; d &lt; hi known to contain it, pick a uniformly random difference inside the band as a pivot,
/// count, and shrink; once the band holds at most a few times n₁ + n₂ differences they are copied out and sorted.
/// Expected time O((n₁ + n₂) log(n₁n₂)); scratch memory O(n₁ + n₂) from <see cref="ArrayPool{T}"/>. The pivot
/// generator has a fixed seed, and the answer does not depend on it.
/// </remarks>
internal static class PairwiseDifferenceSelection
{
    /// <summary>The <paramref name="k"/>-th smallest (1-based) of xᵢ − yⱼ over sorted samples.</summary>
    public static double KthSmallest(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, long k)
    {
        var n = xs.Length;
        var m = ys.Length;
        var start = ArrayPool<int>.Shared.Rent(n);
        var end = ArrayPool<int>.Shared.Rent(n);
        try
        {
            return Select(xs, ys, k, start.AsSpan(0, n), end.AsSpan(0, n), Math.Max(256L, 4L * (n + m)));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(start);
            ArrayPool<int>.Shared.Return(end);
        }
    }

    private static double Select(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, long k, Span<int> start, Span<int> end, long gatherLimit)
    {
        var m = ys.Length;
        bool hasLo = false, hasHi = false;
        double lo = 0, hi = 0;
        long below = 0;
        var state = 0x9E3779B97F4A7C15UL;
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
            }

            var rank = k - below;
            if (band <= gatherLimit)
            {
                return Gather(xs, ys, start, end, (int)band, (int)rank);
            }

            state = SplitMix(state, out var random);
            var target = (long)(random % (ulong)band);
            var pivot = 0.0;
            for (var i = 0; i < xs.Length; i++)
            {
                var width = end[i] - start[i];
                if (target < width)
                {
                    pivot = xs[i] - ys[start[i] + (int)target];
                    break;
                }

                target -= width;
            }

            Count(xs, ys, pivot, out var atOrBelow, out var strictlyBelow);
            if (k <= strictlyBelow)
            {
                hi = pivot;
                hasHi = true;
            }
            else if (k > atOrBelow)
            {
                lo = pivot;
                hasLo = true;
                below = atOrBelow;
            }
            else
            {
                return pivot;
            }
        }
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

    private static ulong SplitMix(ulong state, out ulong value)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        value = z ^ (z >> 31);
        return state;
    }
}
