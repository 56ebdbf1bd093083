using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AiGovernance.Statistics;

/// <summary>Ranks inside one small value bucket by counting comparisons instead of sorting (Cramér–von Mises).</summary>
/// <remarks>For a bucket holding c_x values of x and c_y values of y (unsorted), each x value is compared with all the
/// bucket's y values four at a time and the "below" masks are counted, and likewise each y with the x values: O(c_x·c_y/4)
/// vector operations and no data-dependent branches, which beats sorting the handful of values a bucket holds. Ties are
/// detected rather than ranked (the caller then sorts and merges the bucket): a tie between the samples makes the
/// "below" counts of all pairs fall short of c_x·c_y, and a tie inside a sample is found by comparing each value with the
/// values after it. Reads run up to 3 values past a bucket's end; the caller guarantees those are values of later buckets
/// (strictly larger, so they count neither as below nor as equal) or +∞ padding.</remarks>
internal static class BucketComparisons
{
    /// <summary>For each x of the bucket, l = the number of the bucket's y values below it; for each y, the number of x
    /// values below it. Returns Σl and Σl² per sample, or false when the bucket holds a tie (anywhere).</summary>
    public static bool TryCountBelow(double[] xs, int xFirst, int xCount, double[] ys, int yFirst, int yCount, out BelowCounts counts)
    {
        ref var x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(xs), xFirst);
        ref var y = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ys), yFirst);
        long xSum = 0, xSquares = 0, ySum = 0, ySquares = 0;
        var ties = Vector256<double>.Zero;
        for (var i = 0; i < xCount; i++)
        {
            var value = Vector256.Create(Unsafe.Add(ref x, i));
            long below = CountBelow(ref y, yCount, value);
            xSum += below;
            xSquares += below * below;
            ties |= EqualAfter(ref x, i + 1, xCount, value);
        }

        for (var j = 0; j < yCount; j++)
        {
            var value = Vector256.Create(Unsafe.Add(ref y, j));
            long below = CountBelow(ref x, xCount, value);
            ySum += below;
            ySquares += below * below;
            ties |= EqualAfter(ref y, j + 1, yCount, value);
        }

        counts = new BelowCounts(xSum, xSquares, ySum, ySquares);
        return xSum + ySum == (long)xCount * yCount && ties.AsUInt64() == Vector256<ulong>.Zero;
    }

    /// <summary>The number of the first <paramref name="count"/> values that are below every lane of <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CountBelow(ref double values, int count, Vector256<double> value)
    {
        var below = Vector256<long>.Zero;
        for (var k = 0; k < count; k += Vector256<double>.Count)
        {
            // A true lane is all ones, i.e. −1 as an integer.
            below -= Vector256.LessThan(Vector256.LoadUnsafe(ref values, (nuint)k), value).AsInt64();
        }

        return (int)Vector256.Sum(below);
    }

    /// <summary>Non-zero lanes when a value at positions [<paramref name="from"/>, <paramref name="count"/>) equals
    /// <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> EqualAfter(ref double values, int from, int count, Vector256<double> value)
    {
        var equal = Vector256<double>.Zero;
        for (var k = from; k < count; k += Vector256<double>.Count)
        {
            equal |= Vector256.Equals(Vector256.LoadUnsafe(ref values, (nuint)k), value);
        }

        return equal;
    }

    /// <summary>Σl and Σl² of the "below" counts of each sample's values in one bucket.</summary>
    internal readonly record struct BelowCounts(long XSum, long XSquares, long YSum, long YSquares);
}
