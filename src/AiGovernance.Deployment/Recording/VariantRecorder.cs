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
/// <see cref="VariantSnapshot"/> in which errors never exceed requests and errors match requests to within the errors
/// recorded during one pass of the read (see <see cref="Snapshot"/>).</para>
/// </remarks>
public sealed class VariantRecorder
{
    private const int ErrorSlot = 8;
    private const int FirstBucketSlot = 16;
    private const int StripeLength = FirstBucketSlot + LatencyHistogramSnapshot.BucketCount + 8;
    private const int MaxDefaultStripes = 16;
    private const int SnapshotPasses = 4;

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
    /// <remarks>Under concurrent recording the error count and the latency buckets cannot be read at one instant. Each
    /// pass reads the errors, then the buckets, then the errors again; the errors read first all belong to requests in
    /// the buckets (each request's bucket is incremented before its error), so errors never exceed requests, and the
    /// errors of the bucketed requests lie between the two reads. Up to <c>4</c> passes are made and the one with the
    /// smallest gap kept (a gap of zero ends early), so a reader that is descheduled in one pass — while thousands of
    /// requests are recorded — cannot report an error rate far below the true one. Exact when recording is quiescent.</remarks>
    public VariantSnapshot Snapshot()
    {
        var counts = new long[LatencyHistogramSnapshot.BucketCount];
        long[]? best = null;
        long bestErrors = 0;
        var bestGap = long.MaxValue;
        for (var pass = 0; pass < SnapshotPasses; pass++)
        {
            var before = SumErrors();
            Array.Clear(counts);
            foreach (var stripe in _stripes)
            {
                for (var i = 0; i < counts.Length; i++)
                {
                    counts[i] += Volatile.Read(ref stripe[FirstBucketSlot + i]);
                }
            }

            var gap = SumErrors() - before;
            if (gap < bestGap)
            {
                bestGap = gap;
                bestErrors = before;
                (best, counts) = (counts, best ?? new long[LatencyHistogramSnapshot.BucketCount]);
            }

            if (gap == 0)
            {
                break;
            }
        }

        return new VariantSnapshot(bestErrors, new LatencyHistogramSnapshot(best!));
    }

    private long SumErrors()
    {
        long errors = 0;
        foreach (var stripe in _stripes)
        {
            errors += Volatile.Read(ref stripe[ErrorSlot]);
        }

        return errors;
    }

    private static void ThrowNegative(TimeSpan latency) =>
        throw new ArgumentOutOfRangeException(nameof(latency), latency, "A latency must not be negative.");
}
