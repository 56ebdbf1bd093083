using System.Numerics;
using AiGovernance.Deployment.Bucketing;

namespace AiGovernance.Deployment.Recording;

/// <summary>Records the requests, errors and latencies one variant serves — and, for unit-routed traffic, requests and
/// errors per unit hash sub-bucket: lock-free, allocation-free, fixed memory.</summary>
/// <remarks>
/// <para>Counts live in per-processor stripes (chosen by <see cref="Thread.GetCurrentProcessorId"/>), each a padded
/// array of two rows of <see cref="LatencyHistogramSnapshot.BucketCount"/> latency buckets — one for successful
/// requests, one for failed ones — updated with <see cref="Interlocked.Increment(ref long)"/>; threads on different
/// processors do not share cache lines, so throughput grows with cores, and totals are exact. Memory is fixed at
/// construction (about <c>stripes × 135 KB</c>: 70 KB of latency rows and 64 KB of sub-bucket cells) whatever the traffic.</para>
/// <para>A request is one increment of its latency bucket in the success or the error row, so
/// <see cref="Snapshot"/>, which may run concurrently with <see cref="Record(TimeSpan, bool)"/>, counts every request either
/// whole — latency, and error when it failed — or not at all: the error count always belongs to exactly the requests
/// counted, and errors never exceed requests. A request recorded with a sub-bucket
/// (<see cref="Record(int, TimeSpan, bool)"/>) adds one more increment, of its sub-bucket's success or error cell, so the
/// sub-bucket counts are whole in the same way; between the two increments a concurrent snapshot may count the request
/// in one family and not yet in the other.</para>
/// </remarks>
public sealed class VariantRecorder
{
    private const int FirstSuccessSlot = 8;
    private const int FirstErrorSlot = FirstSuccessSlot + LatencyHistogramSnapshot.BucketCount;
    private const int FirstSubBucketSlot = FirstErrorSlot + LatencyHistogramSnapshot.BucketCount;
    private const int StripeLength = FirstSubBucketSlot + (2 * StableBucketing.SubBucketCount) + 8;
    private const int MaxDefaultStripes = 16;

    private readonly long[][] _stripes;
    private readonly int _mask;

    /// <summary>Creates a recorder with one stripe per processor (rounded up to a power of two, at most 16).</summary>
    public VariantRecorder()
        : this(Math.Min(MaxDefaultStripes, Environment.ProcessorCount))
    {
    }

    /// <summary>Creates a recorder with a chosen number of stripes.</summary>
    /// <param name="stripes">The number of stripes, rounded up to a power of two; between 1 and 1024.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stripes"/> is outside [1, 1024].</exception>
    public VariantRecorder(int stripes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stripes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stripes, 1024);
        var count = (int)BitOperations.RoundUpToPowerOf2((uint)stripes);
        _mask = count - 1;
        _stripes = new long[count][];
        for (var i = 0; i < count; i++)
        {
            _stripes[i] = new long[StripeLength];
        }
    }

    /// <summary>The number of stripes.</summary>
    public int StripeCount => _stripes.Length;

    /// <summary>Records one request.</summary>
    /// <param name="latency">How long it took (non-negative).</param>
    /// <param name="isError">Whether it failed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "ApiDesign",
        "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
        Justification = "The sub-bucket overload differs in the first parameter's type or count and requires isError, so no call is ambiguous.")]
    public void Record(TimeSpan latency, bool isError = false)
    {
        var ticks = latency.Ticks;
        if (ticks < 0)
        {
            ThrowNegative(latency);
        }

        var stripe = _stripes[Thread.GetCurrentProcessorId() & _mask];
        Interlocked.Increment(ref stripe[(isError ? FirstErrorSlot : FirstSuccessSlot) + LatencyBuckets.IndexOf(ticks)]);
    }

    /// <summary>Records one request of a unit-routed arm, with the unit's hash sub-bucket.</summary>
    /// <param name="subBucket">The unit's sub-bucket (<see cref="StableBucketing.SubBucket"/>), in [0, 4096).</param>
    /// <param name="latency">How long it took (non-negative).</param>
    /// <param name="isError">Whether it failed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="subBucket"/> is outside [0, 4096) or
    /// <paramref name="latency"/> is negative.</exception>
    public void Record(int subBucket, TimeSpan latency, bool isError)
    {
        var ticks = latency.Ticks;
        if (ticks < 0)
        {
            ThrowNegative(latency);
        }

        if ((uint)subBucket >= StableBucketing.SubBucketCount)
        {
            ThrowSubBucket(subBucket);
        }

        var stripe = _stripes[Thread.GetCurrentProcessorId() & _mask];
        var error = isError ? 1 : 0;
        Interlocked.Increment(ref stripe[(isError ? FirstErrorSlot : FirstSuccessSlot) + LatencyBuckets.IndexOf(ticks)]);
        Interlocked.Increment(ref stripe[FirstSubBucketSlot + (2 * subBucket) + error]);
    }

    /// <summary>The totals so far.</summary>
    /// <returns>An immutable snapshot.</returns>
    /// <remarks>One read of every counter. Under concurrent recording the snapshot is not one instant (a request
    /// recorded during the read may be counted while an earlier one on another counter is not), but every request is
    /// counted whole or not at all, so the error count is exactly that of the requests counted. Totals only grow from
    /// one snapshot to the next, and are exact once recording is quiescent.</remarks>
    public VariantSnapshot Snapshot()
    {
        var counts = new long[LatencyHistogramSnapshot.BucketCount];
        long errors = 0, unitRequests = 0;
        var subRequests = new long[StableBucketing.SubBucketCount];
        var subErrors = new long[StableBucketing.SubBucketCount];
        foreach (var stripe in _stripes)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                var failed = Volatile.Read(ref stripe[FirstErrorSlot + i]);
                errors += failed;
                counts[i] += Volatile.Read(ref stripe[FirstSuccessSlot + i]) + failed;
            }

            for (var k = 0; k < subRequests.Length; k++)
            {
                var failed = Volatile.Read(ref stripe[FirstSubBucketSlot + (2 * k) + 1]);
                var requests = Volatile.Read(ref stripe[FirstSubBucketSlot + (2 * k)]) + failed;
                subErrors[k] += failed;
                subRequests[k] += requests;
                unitRequests += requests;
            }
        }

        var subBuckets = unitRequests == 0 ? SubBucketCounts.Empty : SubBucketCounts.Wrap(subRequests, subErrors);
        return new VariantSnapshot(errors, new LatencyHistogramSnapshot(counts), subBuckets);
    }

    private static void ThrowSubBucket(int subBucket) =>
        throw new ArgumentOutOfRangeException(nameof(subBucket), subBucket, $"A sub-bucket must be in [0, {StableBucketing.SubBucketCount}).");

    private static void ThrowNegative(TimeSpan latency) =>
        throw new ArgumentOutOfRangeException(nameof(latency), latency, "A latency must not be negative.");
}
