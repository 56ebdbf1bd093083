namespace AiGovernance.Deployment.Recording;

/// <summary>An immutable log-linear latency histogram: fixed memory, mergeable across recorders and pods.</summary>
/// <remarks>
/// <para>Layout: <see cref="BucketCount"/> buckets over <see cref="TimeSpan"/> ticks (100 ns). Values below 25.6 µs are
/// exact to the tick; above, every power-of-two range is split into 128 equal buckets, and a quantile is reported as the
/// midpoint of its bucket, so its relative error is at most <see cref="MaxRelativeError"/> (1/256 ≈ 0.39%) compared with
/// the exact nearest-rank quantile of the raw values. Values of about 30.5 hours (2^40 ticks) or more are counted in the
/// last bucket.</para>
/// <para>The layout is the same in every process, so <see cref="BucketCounts"/> can be shipped between pods and
/// re-created with <see cref="FromBucketCounts"/> and combined with <see cref="Merge"/>.</para>
/// </remarks>
public sealed class LatencyHistogramSnapshot
{
    /// <summary>The number of buckets in the shared layout.</summary>
    public const int BucketCount = LatencyBuckets.Count;

    /// <summary>The largest relative error of a reported quantile: 1/256.</summary>
    public const double MaxRelativeError = 1.0 / 256.0;

    private readonly long[] _counts;

    internal LatencyHistogramSnapshot(long[] counts)
    {
        _counts = counts;
        long total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        TotalCount = total;
    }

    /// <summary>A histogram with no values.</summary>
    public static LatencyHistogramSnapshot Empty { get; } = new(new long[BucketCount]);

    /// <summary>The number of values recorded.</summary>
    public long TotalCount { get; }

    /// <summary>The count in each bucket of the shared layout.</summary>
    public ReadOnlySpan<long> BucketCounts => _counts;

    /// <summary>Re-creates a histogram from bucket counts, for example ones received from another pod.</summary>
    /// <param name="bucketCounts">Exactly <see cref="BucketCount"/> non-negative counts.</param>
    /// <returns>The histogram.</returns>
    /// <exception cref="ArgumentException">The length is not <see cref="BucketCount"/> or a count is negative.</exception>
    public static LatencyHistogramSnapshot FromBucketCounts(ReadOnlySpan<long> bucketCounts)
    {
        if (bucketCounts.Length != BucketCount)
        {
            throw new ArgumentException($"Expected {BucketCount} bucket counts, got {bucketCounts.Length}.", nameof(bucketCounts));
        }

        for (var i = 0; i < bucketCounts.Length; i++)
        {
            if (bucketCounts[i] < 0)
            {
                throw new ArgumentException($"Bucket {i} has a negative count ({bucketCounts[i]}).", nameof(bucketCounts));
            }
        }

        return new LatencyHistogramSnapshot(bucketCounts.ToArray());
    }

    /// <summary>The smallest latency that falls in a bucket.</summary>
    /// <param name="bucketIndex">The bucket, in [0, <see cref="BucketCount"/>).</param>
    /// <returns>The bucket's inclusive lower bound.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bucketIndex"/> is outside the layout.</exception>
    public static TimeSpan BucketLowerBound(int bucketIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucketIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bucketIndex, BucketCount);
        return TimeSpan.FromTicks(LatencyBuckets.LowerBound(bucketIndex));
    }

    /// <summary>The bucket a latency falls in.</summary>
    /// <param name="latency">A non-negative latency.</param>
    /// <returns>The bucket index.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative.</exception>
    public static int BucketIndexOf(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        return LatencyBuckets.IndexOf(latency.Ticks);
    }

    /// <summary>The latency at quantile <paramref name="quantile"/> (nearest rank: the value at rank ⌈q·n⌉, at least 1).</summary>
    /// <param name="quantile">The quantile in [0, 1], for example 0.95 for P95.</param>
    /// <returns>The midpoint of the bucket holding that rank (exact below 25.6 µs); within <see cref="MaxRelativeError"/> of the true
    /// value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantile"/> is outside [0, 1].</exception>
    /// <exception cref="InvalidOperationException">The histogram is empty.</exception>
    public TimeSpan ValueAtQuantile(double quantile) => TimeSpan.FromTicks((long)QuantileTicks(quantile));

    /// <summary>The latency at <paramref name="quantile"/> in milliseconds (see <see cref="ValueAtQuantile"/>).</summary>
    /// <param name="quantile">The quantile in [0, 1].</param>
    /// <returns>The quantile in milliseconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantile"/> is outside [0, 1].</exception>
    /// <exception cref="InvalidOperationException">The histogram is empty.</exception>
    public double QuantileMilliseconds(double quantile) => QuantileTicks(quantile) / TimeSpan.TicksPerMillisecond;

    /// <summary>Adds two histograms bucket by bucket (for example the same variant on two pods).</summary>
    /// <param name="other">The other histogram.</param>
    /// <returns>The combined histogram.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public LatencyHistogramSnapshot Merge(LatencyHistogramSnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var counts = new long[BucketCount];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = checked(_counts[i] + other._counts[i]);
        }

        return new LatencyHistogramSnapshot(counts);
    }

    /// <summary>The values recorded after <paramref name="earlier"/> was taken from the same recorder.</summary>
    /// <param name="earlier">An earlier snapshot of the same recorder.</param>
    /// <returns>The difference, bucket by bucket.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="earlier"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="earlier"/> has a bucket larger than this one (not an earlier snapshot).</exception>
    public LatencyHistogramSnapshot Subtract(LatencyHistogramSnapshot earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var counts = new long[BucketCount];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = _counts[i] - earlier._counts[i];
            if (counts[i] < 0)
            {
                throw new ArgumentException($"Bucket {i} of the earlier snapshot exceeds this one; it is not an earlier snapshot of the same " +
                    $"recorder.", nameof(earlier));
            }
        }

        return new LatencyHistogramSnapshot(counts);
    }

    private double QuantileTicks(double quantile)
    {
        if (!(quantile >= 0.0 && quantile <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "A quantile must be in [0, 1].");
        }

        if (TotalCount == 0)
        {
            throw new InvalidOperationException("The histogram is empty; no quantile exists.");
        }

        var rank = NearestRank(quantile, TotalCount);
        long cumulative = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            cumulative += _counts[i];
            if (cumulative >= rank)
            {
                return LatencyBuckets.Representative(i);
            }
        }

        return LatencyBuckets.Representative(_counts.Length - 1);
    }

    /// <summary>⌈q·n⌉ clamped to [1, n], ignoring the rounding noise of q·n (0.95 · 100 is 95.00000000000001 in doubles).</summary>
    internal static long NearestRank(double quantile, long count)
    {
        var exact = quantile * count;
        var rank = (long)Math.Ceiling(exact);
        if (rank - exact > 0 && exact - (rank - 1) <= 1e-12 * exact)
        {
            rank--;
        }

        return Math.Clamp(rank, 1L, count);
    }
}
