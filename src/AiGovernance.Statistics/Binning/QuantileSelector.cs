using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace AiGovernance.Statistics;

/// <summary>R type 7 quantiles of an unsorted sample by bucketed selection instead of a full sort.</summary>
/// <remarks>
/// <para>One pass counts the values into about n/16 equal-width value buckets (<see cref="ValueBuckets"/>); the prefix
/// sums tell which buckets hold the needed order statistics x₍ⱼ₎ and x₍ⱼ₊₁₎; a second pass copies only those buckets'
/// values out, and each copied bucket is selected from in the same way over its own range, or, once small (2,048
/// values) or four levels deep, sorted as order-preserving keys (<see cref="DoubleSorter.ToKey"/>). The order statistics
/// are therefore exactly the elements a full sort would put at those ranks (keys order −0.0 before +0.0, as the radix
/// sort does), and <see cref="SortedSample.InterpolateR7"/> turns them into the same bits as
/// <see cref="SortedSample.QuantileR7"/> on the sorted sample.</para>
/// <para>Cost: for light-tailed data two reads of the sample plus sorting a few hundred values; heavy tails (most values
/// in a few buckets) cost a further pair of reads of those buckets per level; values spread over hundreds of magnitudes
/// end in a sort of the selected region, never worse than sorting.</para>
/// </remarks>
internal static class QuantileSelector
{
    /// <summary>Below this length (or above <see cref="MaxBins"/> bins) the sample is copied and sorted instead, exactly
    /// as <see cref="SortedSample.Create"/> does (which uses the BCL sort below the radix threshold).</summary>
    public const int SelectionThreshold = DoubleSorter.RadixThreshold;

    /// <summary>More bins than this need more order statistics than selection saves; the sorted path is used.</summary>
    public const int MaxBins = 256;

    // Regions up to this size are sorted (as keys) instead of bucketed again.
    private const int SortedRegion = 2048;

    // Re-bucketing depth after which a region is sorted whatever its size (values spread over many magnitudes).
    private const int MaxDepth = 4;

    private const int ValuesPerBucket = 16;
    private const int MinBuckets = 64;
    private const int MaxBuckets = 1 << 16;

    /// <summary>Writes the R7 quantiles at k/<paramref name="bins"/>, k = 1 … bins − 1, of <paramref name="values"/>.</summary>
    /// <param name="values">The sample (finite values, not modified).</param>
    /// <param name="bins">The number of bins, at least 2.</param>
    /// <param name="quantiles">Receives bins − 1 values, non-decreasing.</param>
    public static void QuantilesR7(ReadOnlySpan<double> values, int bins, Span<double> quantiles) =>
        QuantilesR7(values, bins, quantiles, double.NaN, double.NaN);

    /// <summary><see cref="QuantilesR7(ReadOnlySpan{double}, int, Span{double})"/> when the smallest and largest value
    /// are already known (from validation); NaN for unknown.</summary>
    public static void QuantilesR7(ReadOnlySpan<double> values, int bins, Span<double> quantiles, double low, double high)
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
        SelectRanks(values, ranks, selected, low, high, 0);

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

    /// <summary>The R7 quantiles of <paramref name="values"/> at <paramref name="probabilities"/> (any order), the same bits
    /// as <see cref="SortedSample.QuantileR7"/> on the sorted sample.</summary>
    /// <param name="values">The sample (finite values, not modified).</param>
    /// <param name="probabilities">Probabilities in [0, 1].</param>
    /// <param name="quantiles">Receives one quantile per probability.</param>
    /// <param name="low">The smallest value, or NaN when not known.</param>
    /// <param name="high">The largest value, or NaN when not known.</param>
    public static void QuantilesR7At(ReadOnlySpan<double> values, ReadOnlySpan<double> probabilities, Span<double> quantiles, double low,
        double high)
    {
        var n = values.Length;
        if (n < SelectionThreshold || probabilities.Length >= MaxBins)
        {
            var sorted = DoubleSorter.RentSortedCopy(values);
            try
            {
                for (var i = 0; i < probabilities.Length; i++)
                {
                    quantiles[i] = SortedSample.QuantileR7(sorted.AsSpan(0, n), probabilities[i]);
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(sorted);
            }

            return;
        }

        // Each probability needs x₍ⱼ₎ and x₍ⱼ₊₁₎ (only x₍ₙ₋₁₎ at the top): the ranks, ascending with duplicates.
        Span<int> ranks = stackalloc int[2 * probabilities.Length];
        var rankCount = 0;
        foreach (var p in probabilities)
        {
            var lower = Math.Floor((n - 1) * p);
            ranks[rankCount++] = lower >= n - 1 ? n - 1 : (int)lower;
            if (lower < n - 1)
            {
                ranks[rankCount++] = (int)lower + 1;
            }
        }

        ranks = ranks[..rankCount];
        ranks.Sort();
        Span<ulong> selected = stackalloc ulong[rankCount];
        SelectRanks(values, ranks, selected, low, high, 0);
        for (var i = 0; i < probabilities.Length; i++)
        {
            var h = (n - 1) * probabilities[i];
            var lower = Math.Floor(h);
            if (lower >= n - 1)
            {
                quantiles[i] = OrderStatistic(ranks, selected, n - 1);
            }
            else
            {
                var j = (int)lower;
                quantiles[i] = SortedSample.InterpolateR7(OrderStatistic(ranks, selected, j), OrderStatistic(ranks, selected, j + 1), h - lower);
            }
        }
    }

    private static double OrderStatistic(ReadOnlySpan<int> ranks, ReadOnlySpan<ulong> keys, int rank) =>
        BitConverter.UInt64BitsToDouble(DoubleSorter.FromKey(keys[ranks.BinarySearch(rank)]));

    /// <summary>The keys of the order statistics at <paramref name="ranks"/> (ascending, 0-based, duplicates allowed).</summary>
    /// <param name="values">The sample (finite values).</param>
    /// <param name="ranks">Ascending ranks in [0, n).</param>
    /// <param name="keys">Receives the key of the element of each rank.</param>
    internal static void SelectRanks(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, Span<ulong> keys) =>
        SelectRanks(values, ranks, keys, double.NaN, double.NaN, 0);

    /// <summary>Selection within a region of values whose smallest and largest value are <paramref name="low"/> and
    /// <paramref name="high"/> (NaN: not known yet).</summary>
    private static void SelectRanks(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, Span<ulong> keys, double low, double high, int depth)
    {
        var n = values.Length;
        if (ranks.IsEmpty)
        {
            return;
        }

        if (n <= SortedRegion || depth >= MaxDepth)
        {
            SortAndPick(values, ranks, keys);
            return;
        }

        if (double.IsNaN(low) || double.IsNaN(high))
        {
            _ = SampleGuard.IsFinite(values, out low, out high);
        }

        var buckets = (int)Math.Clamp(BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, n / ValuesPerBucket)), MinBuckets, MaxBuckets);
        var scale = buckets / (high - low);
        if (!(high > low) || !double.IsFinite(scale) || scale <= 0)
        {
            // One distinct value (or ±0 only), or a range too wide or too narrow to scale.
            SortAndPick(values, ranks, keys);
            return;
        }

        var last = buckets - 1;
        var tableArray = ArrayPool<int>.Shared.Rent(buckets);
        double[]? regionArray = null;
        try
        {
            var table = tableArray.AsSpan(0, buckets);
            table.Clear();
            ValueBuckets.Histogram(values, false, low, scale, last, table);

            // For each rank: its target (bucket), and the number of values in earlier buckets.
            Span<int> rankTarget = stackalloc int[ranks.Length];
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

                rankTarget[r] = targets - 1;
                rankBefore[r] = before;
            }

            // The table now maps a target bucket to its next write position, every other bucket to −1.
            table.Fill(-1);
            for (var t = 0; t < targets; t++)
            {
                table[targetBucket[t]] = targetOffset[t];
            }

            regionArray = ArrayPool<double>.Shared.Rent(regionLength);
            ValueBuckets.Gather(values, low, scale, last, targetBucket[0], targetBucket[targets - 1], table, regionArray);

            // Each target bucket is a region of its own; its ranks are consecutive.
            Span<int> relative = stackalloc int[ranks.Length];
            var first = 0;
            for (var t = 0; t < targets; t++)
            {
                var end = first;
                while (end < ranks.Length && rankTarget[end] == t)
                {
                    relative[end] = ranks[end] - rankBefore[end];
                    end++;
                }

                var region = regionArray.AsSpan(targetOffset[t], targetCount[t]);
                SelectRanks(region, relative[first..end], keys[first..end], double.NaN, double.NaN, depth + 1);
                first = end;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(tableArray);
            if (regionArray is not null)
            {
                ArrayPool<double>.Shared.Return(regionArray);
            }
        }
    }

    /// <summary>Sorts the region's order-preserving keys and picks the ranks (keys order −0.0 before +0.0, as the radix
    /// sort does).</summary>
    private static void SortAndPick(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, Span<ulong> keys)
    {
        var bits = MemoryMarshal.Cast<double, ulong>(values);
        var sortedArray = ArrayPool<ulong>.Shared.Rent(values.Length);
        try
        {
            var sorted = sortedArray.AsSpan(0, values.Length);
            for (var i = 0; i < bits.Length; i++)
            {
                sorted[i] = DoubleSorter.ToKey(bits[i]);
            }

            DoubleSorter.SortKeys(sorted);
            for (var r = 0; r < ranks.Length; r++)
            {
                keys[r] = sorted[ranks[r]];
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(sortedArray);
        }
    }
}
