using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AiGovernance.Statistics;

/// <summary>Sorts finite doubles with an LSD radix sort on their IEEE-754 bit patterns.</summary>
/// <remarks>
/// <para>Each value maps to an unsigned key that orders like the value (negative: all bits flipped; non-negative:
/// sign bit flipped), the keys are sorted in five stable passes of 13 bits (a pass whose digit is the same for every
/// key is skipped), and mapped back. O(n) time, O(n) pooled scratch, no allocation per call beyond the pool.
/// −0.0 sorts before +0.0, which the statistics treat as ties anyway.</para>
/// <para>Below <see cref="RadixThreshold"/> values <see cref="Array.Sort{T}(T[])"/>'s introsort is faster and is used
/// instead. Callers must reject NaN first: NaN has no place in the order.</para>
/// </remarks>
internal static class DoubleSorter
{
    /// <summary>Inputs shorter than this are sorted by the BCL's introsort (radix setup costs dominate below it).</summary>
    public const int RadixThreshold = 2048;

    private const int DigitBits = 13;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = 5;


    /// <summary>Copies <paramref name="values"/> into an array rented from <see cref="ArrayPool{T}.Shared"/> and sorts the
    /// copy; the first <c>values.Length</c> elements are the sorted sample. The caller returns the array to the pool.</summary>
    public static double[] RentSortedCopy(ReadOnlySpan<double> values)
    {
        var buffer = ArrayPool<double>.Shared.Rent(values.Length);
        var copy = buffer.AsSpan(0, values.Length);
        values.CopyTo(copy);
        SortInPlace(copy);
        return buffer;
    }

    /// <summary>Below this many values per sample a second thread costs more than it saves (and batch callers already
    /// run one column per core).</summary>
    public const int ParallelSortThreshold = 262_144;

    /// <summary>Copies both samples into pooled arrays and sorts the copies, concurrently when both are large; the caller
    /// returns both arrays to <see cref="ArrayPool{T}.Shared"/>.</summary>
    public static (double[] X, double[] Y) RentSortedCopies(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var xBuffer = ArrayPool<double>.Shared.Rent(x.Length);
        var yBuffer = ArrayPool<double>.Shared.Rent(y.Length);
        x.CopyTo(xBuffer);
        y.CopyTo(yBuffer);
        SortBoth(xBuffer, x.Length, yBuffer, y.Length);
        return (xBuffer, yBuffer);
    }

    /// <summary>Sorts the first <paramref name="xLength"/> and <paramref name="yLength"/> values of two arrays,
    /// concurrently when both are at least <see cref="ParallelSortThreshold"/> long.</summary>
    public static void SortBoth(double[] x, int xLength, double[] y, int yLength)
    {
        if (Math.Min(xLength, yLength) < ParallelSortThreshold || Environment.ProcessorCount < 2)
        {
            SortInPlace(x.AsSpan(0, xLength));
            SortInPlace(y.AsSpan(0, yLength));
            return;
        }

        SortConcurrently(x, xLength, y, yLength);
    }

    /// <summary>Sorts y on a pool thread while x is sorted on this one. Kept out of <see cref="SortBoth"/> because the
    /// lambda's closure is allocated on entry to the method that declares its captured variables, taken branch or not.</summary>
    private static void SortConcurrently(double[] x, int xLength, double[] y, int yLength)
    {
        var ySort = Task.Run(() => SortInPlace(y.AsSpan(0, yLength)));
        SortInPlace(x.AsSpan(0, xLength));
        ySort.GetAwaiter().GetResult();
    }

    /// <summary>Sorts <paramref name="values"/> in place; every value must be finite or infinite, never NaN.</summary>
    public static void SortInPlace(Span<double> values)
    {
        if (values.Length < RadixThreshold)
        {
            values.Sort();
            return;
        }

        var n = values.Length;
        var keysArray = ArrayPool<ulong>.Shared.Rent(n);
        var scratchArray = ArrayPool<ulong>.Shared.Rent(n);
        var countsArray = ArrayPool<int>.Shared.Rent(Passes * Buckets);
        try
        {
            var keys = keysArray.AsSpan(0, n);
            var scratch = scratchArray.AsSpan(0, n);
            var counts = countsArray.AsSpan(0, Passes * Buckets);
            counts.Clear();

            var bits = MemoryMarshal.Cast<double, ulong>(values);
            for (var i = 0; i < n; i++)
            {
                var key = ToKey(bits[i]);
                keys[i] = key;
                counts[(int)(key & (Buckets - 1))]++;
                counts[Buckets + (int)((key >> DigitBits) & (Buckets - 1))]++;
                counts[(2 * Buckets) + (int)((key >> (2 * DigitBits)) & (Buckets - 1))]++;
                counts[(3 * Buckets) + (int)((key >> (3 * DigitBits)) & (Buckets - 1))]++;
                counts[(4 * Buckets) + (int)(key >> (4 * DigitBits))]++;
            }

            var source = RadixPasses(keys, scratch, counts) ? scratch : keys;
            for (var i = 0; i < n; i++)
            {
                bits[i] = FromKey(source[i]);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keysArray);
            ArrayPool<ulong>.Shared.Return(scratchArray);
            ArrayPool<int>.Shared.Return(countsArray);
        }
    }

    /// <summary>Sorts order-preserving keys (see <see cref="ToKey"/>) in place with the same radix passes.</summary>
    /// <param name="keys">The keys; any length.</param>
    public static void SortKeys(Span<ulong> keys)
    {
        if (keys.Length < RadixThreshold)
        {
            keys.Sort();
            return;
        }

        var n = keys.Length;
        var scratchArray = ArrayPool<ulong>.Shared.Rent(n);
        var countsArray = ArrayPool<int>.Shared.Rent(Passes * Buckets);
        try
        {
            var scratch = scratchArray.AsSpan(0, n);
            var counts = countsArray.AsSpan(0, Passes * Buckets);
            counts.Clear();
            for (var i = 0; i < n; i++)
            {
                var key = keys[i];
                counts[(int)(key & (Buckets - 1))]++;
                counts[Buckets + (int)((key >> DigitBits) & (Buckets - 1))]++;
                counts[(2 * Buckets) + (int)((key >> (2 * DigitBits)) & (Buckets - 1))]++;
                counts[(3 * Buckets) + (int)((key >> (3 * DigitBits)) & (Buckets - 1))]++;
                counts[(4 * Buckets) + (int)(key >> (4 * DigitBits))]++;
            }

            if (RadixPasses(keys, scratch, counts))
            {
                scratch.CopyTo(keys);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(scratchArray);
            ArrayPool<int>.Shared.Return(countsArray);
        }
    }

    /// <summary>The stable LSD passes over <paramref name="keys"/> given all five digit histograms; true when the sorted
    /// keys end up in <paramref name="scratch"/>, false when in <paramref name="keys"/>.</summary>
    private static bool RadixPasses(Span<ulong> keys, Span<ulong> scratch, Span<int> counts)
    {
        var n = keys.Length;
        var source = keys;
        var target = scratch;
        var inScratch = false;
        for (var pass = 0; pass < Passes; pass++)
        {
            var histogram = counts.Slice(pass * Buckets, Buckets);
            var shift = pass * DigitBits;
            if (histogram[(int)((source[0] >> shift) & (Buckets - 1))] == n)
            {
                continue;
            }

            var offset = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var c = histogram[b];
                histogram[b] = offset;
                offset += c;
            }

            for (var i = 0; i < n; i++)
            {
                var key = source[i];
                ref var slot = ref histogram[(int)((key >> shift) & (Buckets - 1))];
                target[slot++] = key;
            }

            var swap = source;
            source = target;
            target = swap;
            inScratch = !inScratch;
        }

        return inScratch;
    }

    /// <summary>The unsigned key that orders like the double (negative: all bits flipped; else the sign bit set).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong ToKey(ulong bits) =>
        (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;

    /// <summary>The double of a key made by <see cref="ToKey"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong FromKey(ulong key) =>
        (key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key;
}
