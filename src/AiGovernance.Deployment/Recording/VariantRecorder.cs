using System.Numerics;

namespace AiGovernance.Deployment.Recording;

/// <summary>Records the requests, errors and latencies one variant serves: lock-free, allocation-free, fixed memory.</summary>
/// <remarks>
/// <para>Counts live in per-processor stripes (chosen by <see cref="Thread.GetCurrentProcessorId"/>), each a padded
/// array of <see cref="LatencyHistogramSnapshot.BucketCount"/> latency buckets plus an error counter, updated with
/// <see cref="Interlocked.Increment(ref long)"/>; threads on different processors do not share cache lines, so
/// throughput grows with cores, and totals are exact. Memory is fixed at construction
/// (about <c>stripes × 35 KB</c>) whatever the traffic.</para>
/// <para><see cref="Snapshot"/> may run concurrently with <see cref="Record"/>; it sums the stripes into an immutable
/// <see cref="VariantSnapshot"/> in which errors never exceed requests.</para>
/// </remarks>
public sealed class VariantRecorder
{
    private const int ErrorSlot = 8;
    private const int FirstBucketSlot = 16;
    private const int StripeLength = FirstBucketSlot + LatencyHistogramSnapshot.BucketCount + 8;
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
    public void Record(TimeSpan latency, bool isError = false)
    {
        var ticks = latency.Ticks;
        if (ticks < 0)
        {
            ThrowNegative(latency);
        }

        var stripe = _stripes[Thread.GetCurrentProcessorId() & _mask];
        Interlocked.Increment(ref stripe[FirstBucketSlot + LatencyBuckets.IndexOf(ticks)]);
        if (isError)
        {
            Interlocked.Increment(ref stripe[ErrorSlot]);
        }
    }

    /// <summary>The totals so far.</summary>
    /// <returns>An immutable snapshot.</returns>
    public VariantSnapshot Snapshot()
    {
        // Errors are read before buckets and each request's bucket is incremented before its error, so errors ≤ requests.
        long errors = 0;
        foreach (var stripe in _stripes)
        {
            errors += Volatile.Read(ref stripe[ErrorSlot]);
        }

        var counts = new long[LatencyHistogramSnapshot.BucketCount];
        foreach (var stripe in _stripes)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] += Volatile.Read(ref stripe[FirstBucketSlot + i]);
            }
        }

        return new VariantSnapshot(errors, new LatencyHistogramSnapshot(counts));
    }

    private static void ThrowNegative(TimeSpan latency) =>
        throw new ArgumentOutOfRangeException(nameof(latency), latency, "A latency must not be negative.");
}
