using AiGovernance.Deployment.Bucketing;

namespace AiGovernance.Deployment.Recording;

/// <summary>Requests and errors of one variant per unit hash sub-bucket (<see cref="StableBucketing.SubBucketCount"/>
/// of them). Immutable and mergeable. Each sub-bucket holds a disjoint random set of units, so the analysis can treat it
/// as one independent cluster of requests when whole units are routed.</summary>
public sealed class SubBucketCounts
{
    private readonly long[] _requests;
    private readonly long[] _errors;

    private SubBucketCounts(long[] requests, long[] errors)
    {
        _requests = requests;
        _errors = errors;
        foreach (var r in requests)
        {
            TotalRequests += r;
        }

        foreach (var e in errors)
        {
            TotalErrors += e;
        }
    }

    /// <summary>No traffic recorded with a sub-bucket.</summary>
    public static SubBucketCounts Empty { get; } = new(new long[StableBucketing.SubBucketCount], new long[StableBucketing.SubBucketCount]);

    /// <summary>Requests per sub-bucket.</summary>
    public ReadOnlySpan<long> Requests => _requests;

    /// <summary>Failed requests per sub-bucket (each at most the sub-bucket's requests).</summary>
    public ReadOnlySpan<long> Errors => _errors;

    /// <summary>The sum of <see cref="Requests"/>.</summary>
    public long TotalRequests { get; }

    /// <summary>The sum of <see cref="Errors"/>.</summary>
    public long TotalErrors { get; }

    /// <summary>Rebuilds counts (for example sent from another pod).</summary>
    /// <param name="requests">Requests per sub-bucket; exactly <see cref="StableBucketing.SubBucketCount"/> values.</param>
    /// <param name="errors">Errors per sub-bucket; same length.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentException">A length is wrong, a count is negative, or errors exceed requests in a sub-bucket
    /// (the message names the index).</exception>
    public static SubBucketCounts FromCounts(ReadOnlySpan<long> requests, ReadOnlySpan<long> errors)
    {
        if (requests.Length != StableBucketing.SubBucketCount || errors.Length != StableBucketing.SubBucketCount)
        {
            throw new ArgumentException(
                $"Expected {StableBucketing.SubBucketCount} requests and errors, got {requests.Length} and {errors.Length}.",
                requests.Length != StableBucketing.SubBucketCount ? nameof(requests) : nameof(errors));
        }

        for (var k = 0; k < requests.Length; k++)
        {
            if (requests[k] < 0 || errors[k] < 0 || errors[k] > requests[k])
            {
                throw new ArgumentException(
                    $"Sub-bucket {k} has {requests[k]} requests and {errors[k]} errors; counts must be non-negative with errors at most requests.",
                    requests[k] < 0 ? nameof(requests) : nameof(errors));
            }
        }

        return new SubBucketCounts(requests.ToArray(), errors.ToArray());
    }

    /// <summary>Combines counts of the same variant from two recorders (for example two pods).</summary>
    /// <param name="other">The other counts.</param>
    /// <returns>The sums.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="OverflowException">A sum exceeds <see cref="long.MaxValue"/>.</exception>
    public SubBucketCounts Merge(SubBucketCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var requests = new long[StableBucketing.SubBucketCount];
        var errors = new long[StableBucketing.SubBucketCount];
        for (var k = 0; k < requests.Length; k++)
        {
            requests[k] = checked(_requests[k] + other._requests[k]);
            errors[k] = checked(_errors[k] + other._errors[k]);
        }

        return new SubBucketCounts(requests, errors);
    }

    /// <summary>The counts recorded after <paramref name="earlier"/>.</summary>
    /// <param name="earlier">Earlier counts of the same recorder.</param>
    /// <returns>The differences.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="earlier"/> is null.</exception>
    /// <exception cref="ArgumentException">A difference is negative or has more errors than requests: not an earlier
    /// snapshot of the same recorder.</exception>
    public SubBucketCounts Subtract(SubBucketCounts earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var requests = new long[StableBucketing.SubBucketCount];
        var errors = new long[StableBucketing.SubBucketCount];
        for (var k = 0; k < requests.Length; k++)
        {
            requests[k] = _requests[k] - earlier._requests[k];
            errors[k] = _errors[k] - earlier._errors[k];
            if (requests[k] < 0 || errors[k] < 0 || errors[k] > requests[k])
            {
                throw new ArgumentException(
                    $"Sub-bucket {k} would have {requests[k]} requests and {errors[k]} errors; it is not an earlier snapshot of the same recorder.",
                    nameof(earlier));
            }
        }

        return new SubBucketCounts(requests, errors);
    }

    internal static SubBucketCounts Wrap(long[] requests, long[] errors) => new(requests, errors);
}
