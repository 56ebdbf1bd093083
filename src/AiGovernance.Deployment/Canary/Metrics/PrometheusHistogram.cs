using AiGovernance.Deployment.Recording;

namespace AiGovernance.Deployment.Canary.Metrics;

/// <summary>Converts a Prometheus classic histogram (cumulative <c>le</c> buckets) to the analysis' log-linear
/// <see cref="LatencyHistogramSnapshot"/>.</summary>
/// <remarks>
/// <para>Mapping: the requests of the Prometheus bucket (a, b] — its cumulative count minus the previous one — are all
/// placed in the layout bucket that holds b, the bucket's upper bound (b × the boundary unit, rounded to the nearest
/// 100 ns tick). The requests above the largest finite bound (the <c>+Inf</c> bucket) are placed in the layout's last
/// bucket (2^40 ticks, about 30.5 hours): their latency is unknown, and the analysis must not pass a candidate whose tail
/// it cannot see.</para>
/// <para>Resolution lost: within a Prometheus bucket every request looks the same. A quantile read from the result is
/// b (within <see cref="LatencyHistogramSnapshot.MaxRelativeError"/>) whenever the true quantile lies in (a, b]: it is never
/// lower than the true value and at most b − a higher (plus 1/256 of b). Mann–Whitney and the Hodges–Lehmann shift see the
/// grouped data: all requests of one Prometheus bucket tie. Counts and error rates are exact. When every recorded latency
/// equals a bucket boundary, the result equals the in-process recorder's histogram bucket for bucket.</para>
/// </remarks>
internal static class PrometheusHistogram
{
    /// <summary>Converts buckets (any order) to the shared layout.</summary>
    /// <param name="buckets">Upper bound (<see cref="double.PositiveInfinity"/> for <c>+Inf</c>) and cumulative count.</param>
    /// <param name="boundaryUnit">The unit of the bounds.</param>
    /// <param name="query">The query the buckets came from, for error messages.</param>
    /// <exception cref="CanaryMetricException">A bound is NaN, negative or repeated, the <c>+Inf</c> bucket is missing, or the
    /// cumulative counts decrease.</exception>
    public static LatencyHistogramSnapshot ToLatencyHistogram(IReadOnlyList<(double UpperBound, long CumulativeCount)> buckets, TimeSpan boundaryUnit,
        string query)
    {
        if (buckets.Count == 0)
        {
            return LatencyHistogramSnapshot.Empty;
        }

        var sorted = buckets.OrderBy(b => b.UpperBound).ToArray();
        if (!double.IsPositiveInfinity(sorted[^1].UpperBound))
        {
            throw new CanaryMetricException($"The latency buckets of query '{query}' have no le=\"+Inf\" bucket, so requests above the largest " +
                "bound would be lost; select every bucket of the histogram.");
        }

        var counts = new long[LatencyHistogramSnapshot.BucketCount];
        long previous = 0;
        var previousBound = double.NegativeInfinity;
        foreach (var (bound, cumulative) in sorted)
        {
            if (double.IsNaN(bound) || bound < 0)
            {
                throw new CanaryMetricException(
                    $"The latency buckets of query '{query}' hold the bound le=\"{Format(bound)}\"; bounds must be non-negative.");
            }

            if (bound == previousBound)
            {
                throw new CanaryMetricException(
                    $"The latency buckets of query '{query}' hold le=\"{Format(bound)}\" twice; aggregate with sum by (le).");
            }

            if (cumulative < previous)
            {
                throw new CanaryMetricException($"The latency buckets of query '{query}' decrease at le=\"{Format(bound)}\" " +
                    $"({cumulative} after {previous}); " +
                    "a classic histogram's buckets are cumulative.");
            }

            var index = double.IsPositiveInfinity(bound)
                ? LatencyHistogramSnapshot.BucketCount - 1
                : LatencyBuckets.IndexOf(Ticks(bound, boundaryUnit));
            counts[index] += cumulative - previous;
            previous = cumulative;
            previousBound = bound;
        }

        return LatencyHistogramSnapshot.FromBucketCounts(counts);
    }

    private static string Format(double bound) => bound.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static long Ticks(double bound, TimeSpan unit)
    {
        var ticks = Math.Round(bound * unit.Ticks, MidpointRounding.AwayFromZero);
        return ticks >= LatencyBuckets.MaxTrackableTicks ? LatencyBuckets.MaxTrackableTicks : (long)ticks;
    }
}
