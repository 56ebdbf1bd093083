using System.Buffers;
using System.Runtime.InteropServices;

namespace AiGovernance.Statistics;

/// <summary>R type 7 quantiles of an unsorted sample by radix selection instead of a full sort.</summary>
/// <remarks>
/// <para>One pass histograms the top 16 bits of each value's order-preserving key (<see cref="DoubleSorter.ToKey"/>:
/// sign, exponent and 4 mantissa bits); the prefix sums tell which buckets hold the needed order statistics x₍ⱼ₎ and
/// x₍ⱼ₊₁₎; a second pass copies only those buckets' keys out, and each copied bucket is sorted. The order statistics
/// are therefore exactly the elements a full sort would put at those ranks (keys order −0.0 before +0.0, as the radix
/// sort does), and <see cref="SortedSample.InterpolateR7"/> turns them into the same bits as
/// <see cref="SortedSample.QuantileR7"/> on the sorted sample.</para>
/// <para>Cost: two reads of the sample plus sorting the selected buckets (for spread-out data a few per cent of it);
/// when everything falls into one bucket this degrades to the radix sort of that bucket, never worse than sorting.</para>
/// </remarks>
internal static class QuantileSelector
{
    /// <summary>Below this length (or above <see cref="MaxBins"/> bins) the sample is copied and sorted instead, exactly
    /// as <see cref="SortedSample.Create"/> does (which uses the BCL sort below the radix threshold).</summary>
    public const int SelectionThreshold = DoubleSorter.RadixThreshold;

    /// <summary>More bins than this need more order statistics than selection saves; the sorted path is used.</summary>
    public const int MaxBins = 256;

    private const int DigitShift = 48;
    private const int Buckets = 1 << 16;

    /// <summary>Writes the R7 quantiles at k/<paramref name="bins"/>, k = 1 … bins − 1, of <paramref name="values"/>.</summary>
    /// <param name="values">The sample (finite values, not modified).</param>
    /// <param name="bins">The number of bins, at least 2.</param>
    /// <param name="quantiles">Receives bins − 1 values, non-decreasing.</param>
    public static void QuantilesR7(ReadOnlySpan<double> values, int bins, Span<double> quantiles)
    {
        var n = values.Length;
        if (n < SelectionThreshold || bins > MaxBins)
        {
            var sorted = DoubleSorter.RentSortedCopy(values);
            try
            {
                for (var k = 1; k < bins; k++)
                {
                    quantiles[k - 1] = SortedSample.QuantileR7(sorted.AsSpan(0, n), (double)k / bins);
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(sorted);
            }

            return;
        }

        // The ranks needed, ascending with duplicates (consecutive quantiles can share a rank).
        Span<int> ranks = stackalloc int[2 * (MaxBins - 1)];
        var rankCount = 0;
        for (var k = 1; k < bins; k++)
        {
            var lower = Math.Floor((n - 1) * ((double)k / bins));
            if (lower >= n - 1)
            {
                ranks[rankCount++] = n - 1;
            }
            else
            {
                ranks[rankCount++] = (int)lower;
                ranks[rankCount++] = (int)lower + 1;
            }
        }

        ranks = ranks[..rankCount];
        Span<ulong> selected = stackalloc ulong[rankCount];
        SelectRanks(values, ranks, selected);

        var r = 0;
        for (var k = 1; k < bins; k++)
        {
            var h = (n - 1) * ((double)k / bins);
            var lower = Math.Floor(h);
            if (lower >= n - 1)
            {
                quantiles[k - 1] = BitConverter.UInt64BitsToDouble(DoubleSorter.FromKey(selected[r++]));
            }
            else
            {
                var a = BitConverter.UInt64BitsToDouble(DoubleSorter.FromKey(selected[r]));
                var b = BitConverter.UInt64BitsToDouble(DoubleSorter.FromKey(selected[r + 1]));
                r += 2;
                quantiles[k - 1] = SortedSample.InterpolateR7(a, b, h - lower);
            }
        }
    }

    /// <summary>The keys of the order statistics at <paramref name="ranks"/> (ascending, 0-based, duplicates allowed).</summary>
    /// <param name="values">The sample.</param>
    /// <param name="ranks">Ascending ranks in [0, n).</param>
    /// <param name="keys">Receives the key of the element of each rank.</param>
    internal static void SelectRanks(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, Span<ulong> keys)
    {
        var bits = MemoryMarshal.Cast<double, ulong>(values);
        var tableArray = ArrayPool<int>.Shared.Rent(Buckets);
        ulong[]? regionArray = null;
        try
        {
            var table = tableArray.AsSpan(0, Buckets);
            table.Clear();
            for (var i = 0; i < bits.Length; i++)
            {
                table[(int)(DoubleSorter.ToKey(bits[i]) >> DigitShift)]++;
            }

            // For each rank: its bucket, the number of keys in earlier buckets, and where the bucket's copy starts.
            Span<int> rankBucket = stackalloc int[ranks.Length];
            Span<int> rankBefore = stackalloc int[ranks.Length];
            Span<int> targetBucket = stackalloc int[ranks.Length];
            Span<int> targetCount = stackalloc int[ranks.Length];
            Span<int> targetOffset = stackalloc int[ranks.Length];
            var targets = 0;
            var bucket = 0;
            var before = 0;
            var regionLength = 0;
            for (var r = 0; r < ranks.Length; r++)
            {
                while (before + table[bucket] <= ranks[r])
                {
                    before += table[bucket];
                    bucket++;
                }

                if (targets == 0 || targetBucket[targets - 1] != bucket)
                {
                    targetBucket[targets] = bucket;
                    targetCount[targets] = table[bucket];
                    targetOffset[targets] = regionLength;
                    regionLength += table[bucket];
                    targets++;
                }

                rankBucket[r] = targets - 1;
                rankBefore[r] = before;
            }

            // The table now maps a target bucket to its next write position, every other bucket to −1.
            table.Fill(-1);
            for (var t = 0; t < targets; t++)
            {
                table[targetBucket[t]] = targetOffset[t];
            }

            regionArray = ArrayPool<ulong>.Shared.Rent(regionLength);
            var region = regionArray.AsSpan(0, regionLength);
            for (var i = 0; i < bits.Length; i++)
            {
                var key = DoubleSorter.ToKey(bits[i]);
                ref var slot = ref table[(int)(key >> DigitShift)];
                if (slot >= 0)
                {
                    region[slot++] = key;
                }
            }

            for (var t = 0; t < targets; t++)
            {
                DoubleSorter.SortKeys(region.Slice(targetOffset[t], targetCount[t]));
            }

            for (var r = 0; r < ranks.Length; r++)
            {
                var t = rankBucket[r];
                keys[r] = region[targetOffset[t] + (ranks[r] - rankBefore[r])];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(tableArray);
            if (regionArray is not null)
            {
                ArrayPool<ulong>.Shared.Return(regionArray);
            }
        }
    }
}
