namespace AiGovernance.Deployment.Recording;

/// <summary>What one variant served in a window: requests, errors, the latency histogram and, for unit-routed traffic, the
/// requests and errors per unit hash sub-bucket. Immutable and mergeable.</summary>
public sealed class VariantSnapshot
{
    /// <summary>Creates a snapshot.</summary>
    /// <param name="errors">The number of failed requests (at most the histogram's total count).</param>
    /// <param name="latency">The latency histogram; its total count is the number of requests.</param>
    /// <exception cref="ArgumentNullException"><paramref name="latency"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="errors"/> is negative or exceeds the request count.</exception>
    public VariantSnapshot(long errors, LatencyHistogramSnapshot latency)
        : this(errors, latency, SubBucketCounts.Empty)
    {
    }

    /// <summary>Creates a snapshot with per-sub-bucket counts of unit-routed traffic.</summary>
    /// <param name="errors">The number of failed requests (at most the histogram's total count).</param>
    /// <param name="latency">The latency histogram; its total count is the number of requests.</param>
    /// <param name="subBuckets">Requests and errors per unit sub-bucket (<see cref="SubBucketCounts.Empty"/> when the traffic
    /// was recorded without sub-buckets).</param>
    /// <exception cref="ArgumentNullException"><paramref name="latency"/> or <paramref name="subBuckets"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="errors"/> is negative or exceeds the request count.</exception>
    public VariantSnapshot(long errors, LatencyHistogramSnapshot latency, SubBucketCounts subBuckets)
    {
        ArgumentNullException.ThrowIfNull(latency);
        ArgumentNullException.ThrowIfNull(subBuckets);
        ArgumentOutOfRangeException.ThrowIfNegative(errors);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(errors, latency.TotalCount);
        Errors = errors;
        Latency = latency;
        SubBuckets = subBuckets;
    }

    /// <summary>A snapshot with no traffic.</summary>
    public static VariantSnapshot Empty { get; } = new(0, LatencyHistogramSnapshot.Empty);

    /// <summary>The number of requests (every request records a latency).</summary>
    public long Requests => Latency.TotalCount;

    /// <summary>The number of failed requests.</summary>
    public long Errors { get; }

    /// <summary>Errors / requests, or 0 with no requests.</summary>
    public double ErrorRate => Requests == 0 ? 0.0 : (double)Errors / Requests;

    /// <summary>The latency histogram of all requests.</summary>
    public LatencyHistogramSnapshot Latency { get; }

    /// <summary>Requests and errors per unit sub-bucket, for the requests recorded with a <c>CanaryAssignment</c>
    /// (<see cref="SubBucketCounts.Empty"/> when none were). Under concurrent recording their totals may differ from
    /// <see cref="Requests"/> and <see cref="Errors"/> by the requests being recorded at the moment of the snapshot.</summary>
    public SubBucketCounts SubBuckets { get; }

    /// <summary>Combines two snapshots of the same variant (for example from two pods).</summary>
    /// <param name="other">The other snapshot.</param>
    /// <returns>The combined snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public VariantSnapshot Merge(VariantSnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new VariantSnapshot(checked(Errors + other.Errors), Latency.Merge(other.Latency), SubBuckets.Merge(other.SubBuckets));
    }

    /// <summary>The traffic recorded after <paramref name="earlier"/> (for example since a rollout stage began).</summary>
    /// <param name="earlier">An earlier snapshot of the same recorder.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="earlier"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="earlier"/> is not an earlier snapshot of the same recorder.</exception>
    public VariantSnapshot Subtract(VariantSnapshot earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var latency = Latency.Subtract(earlier.Latency);
        var errors = Errors - earlier.Errors;
        if (errors < 0 || errors > latency.TotalCount)
        {
            throw new ArgumentException("The earlier snapshot's errors do not fit this one; it is not an earlier snapshot of the same recorder.",
                nameof(earlier));
        }

        return new VariantSnapshot(errors, latency, SubBuckets.Subtract(earlier.SubBuckets));
    }
}
