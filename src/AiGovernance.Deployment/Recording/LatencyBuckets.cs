using System.Numerics;
using System.Runtime.CompilerServices;

namespace AiGovernance.Deployment.Recording;

/// <summary>The log-linear bucket layout shared by every latency histogram (so histograms from any pod can be merged).</summary>
/// <remarks>
/// Values are <see cref="TimeSpan"/> ticks (100 ns). Values below 256 ticks have a bucket each (exact). Above, each
/// power-of-two range [2^e, 2^(e+1)) is split into 128 equal sub-buckets, so a bucket spans at most 1/128 of its lower
/// bound and its midpoint is within 1/256 (0.39%) of any value in it. Values of 2^40 ticks (about 30.5 hours) and more
/// fall in the last bucket.
/// </remarks>
internal static class LatencyBuckets
{
    public const int SubBucketBits = 7;
    public const int SubBucketCount = 1 << SubBucketBits;
    public const int MaxExponent = 40;
    public const int Count = (MaxExponent - SubBucketBits + 1) << SubBucketBits;
    public const long MaxTrackableTicks = (1L << MaxExponent) - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOf(long ticks)
    {
        var value = (ulong)Math.Min(ticks, MaxTrackableTicks);
        if (value < SubBucketCount)
        {
            return (int)value;
        }

        var shift = 63 - BitOperations.LeadingZeroCount(value) - SubBucketBits;
        return ((shift + 1) << SubBucketBits) + (int)((value >> shift) - SubBucketCount);
    }

    public static long LowerBound(int index)
    {
        if (index < SubBucketCount)
        {
            return index;
        }

        var shift = (index >> SubBucketBits) - 1;
        return (long)(SubBucketCount + (index & (SubBucketCount - 1))) << shift;
    }

    public static long Width(int index) => index < 2 * SubBucketCount ? 1 : 1L << ((index >> SubBucketBits) - 1);

    /// <summary>Every bucket's <see cref="Representative"/>, in bucket order (strictly increasing): the bucket values the
    /// histogram rank statistics of AiGovernance.Statistics take.</summary>
    public static readonly double[] Representatives = CreateRepresentatives();

    /// <summary>The value reported for a bucket: exact for width-1 buckets, else the midpoint.</summary>
    public static double Representative(int index)
    {
        var width = Width(index);
        return width == 1 ? LowerBound(index) : LowerBound(index) + (width / 2);
    }

    private static double[] CreateRepresentatives()
    {
        var values = new double[Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Representative(i);
        }

        return values;
    }
}
