using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AiGovernance.Statistics;

/// <summary>Counts values into right-closed bins (c₍ₖ₋₁₎, cₖ] with open outer bins, without a per-value search.</summary>
/// <remarks>For each cut point the number of values at or below it is a SIMD compare-and-subtract over the values
/// (a true compare is −1 in every bit), done per block of values small enough to stay in L1 while every cut point is
/// applied; bin counts are the differences of those cumulative counts. Equivalent to counting the index "number of cut
/// points strictly below the value" for finite values, which is what <see cref="BinEdges.BinOf"/> returns.</remarks>
internal static class BinCounter
{
    /// <summary>With more cut points than this, a binary search per value is cheaper than one compare per cut point.</summary>
    public const int MaxCutPoints = 32;

    private const int Block = 2048;

    /// <summary>Adds the number of <paramref name="values"/> in each bin to <paramref name="counts"/>.</summary>
    /// <param name="values">Finite values.</param>
    /// <param name="cuts">Strictly increasing cut points, at most <see cref="MaxCutPoints"/>.</param>
    /// <param name="counts">cuts.Length + 1 counters, added to.</param>
    public static void Count(ReadOnlySpan<double> values, ReadOnlySpan<double> cuts, Span<long> counts)
    {
        Span<long> atOrBelow = stackalloc long[MaxCutPoints];
        atOrBelow = atOrBelow[..cuts.Length];
        atOrBelow.Clear();
        var vectorEnd = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= 2 * Vector<double>.Count)
        {
            vectorEnd = values.Length - (values.Length % (2 * Vector<double>.Count));
            for (var start = 0; start < vectorEnd; start += Block)
            {
                var block = values[start..Math.Min(start + Block, vectorEnd)];
                for (var c = 0; c < cuts.Length; c++)
                {
                    atOrBelow[c] += CountAtOrBelow(block, cuts[c]);
                }
            }
        }

        for (var i = vectorEnd; i < values.Length; i++)
        {
            var value = values[i];
            for (var c = 0; c < cuts.Length; c++)
            {
                if (value <= cuts[c])
                {
                    atOrBelow[c]++;
                }
            }
        }

        long below = 0;
        for (var c = 0; c < cuts.Length; c++)
        {
            counts[c] += atOrBelow[c] - below;
            below = atOrBelow[c];
        }

        counts[cuts.Length] += values.Length - below;
    }

    /// <summary>#(value ≤ cut) over a block whose length is a multiple of 2·Vector&lt;double&gt;.Count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long CountAtOrBelow(ReadOnlySpan<double> block, double cut)
    {
        var threshold = new Vector<double>(cut);
        var even = Vector<long>.Zero;
        var odd = Vector<long>.Zero;
        ref var first = ref MemoryMarshal.GetReference(block);
        var width = Vector<double>.Count;
        for (var i = 0; i < block.Length; i += 2 * width)
        {
            var a = Vector.LoadUnsafe(ref first, (nuint)i);
            var b = Vector.LoadUnsafe(ref first, (nuint)(i + width));
            even -= Vector.LessThanOrEqual(a, threshold);
            odd -= Vector.LessThanOrEqual(b, threshold);
        }

        return Vector.Sum(even + odd);
    }
}
