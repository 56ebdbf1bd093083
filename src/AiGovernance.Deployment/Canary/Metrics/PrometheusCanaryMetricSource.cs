using System.Globalization;
using AiGovernance.Deployment.Recording;
using AiGovernance.Shared;

namespace AiGovernance.Deployment.Canary.Metrics;

/// <summary>Reads canary traffic from Prometheus' HTTP API (<c>GET /api/v1/query</c>): request counts, error counts and
/// latency histogram buckets per variant over the window, converted to the analysis' snapshot.</summary>
/// <remarks>
/// <para>Per variant, three templates (<see cref="PrometheusCanaryMetricSourceOptions"/>) are expanded and evaluated as
/// instant queries; cumulative templates at the window's end and start (difference), windowed templates once at the end.
/// The histogram's <c>+Inf</c> total must equal the request count and errors must not exceed requests, else the data is
/// refused. Bucket conversion and the resolution it loses are described on the histogram mapping: the requests of the
/// Prometheus bucket (a, b] are placed at b, those above the largest finite bound at the layout's last bucket.</para>
/// <para>Errors, each a <see cref="CanaryMetricException"/> naming the expanded query: Prometheus unreachable, a timeout
/// (<see cref="PrometheusCanaryMetricSourceOptions.Timeout"/>), an error response (<c>"status":"error"</c> with its
/// <c>errorType</c> and <c>error</c>), a result type other than vector or scalar, several series where one was expected, a
/// sample value that is NaN, infinite or negative (Prometheus writes them as <c>"NaN"</c>, <c>"+Inf"</c>, <c>"-Inf"</c>),
/// a counter that decreased in the window, inconsistent totals. No partial snapshot is returned.</para>
/// <para>Per-unit sub-bucket counts do not exist in Prometheus: the snapshot has none (see <see cref="ICanaryMetricSource"/>).</para>
/// <para>Thread-safe; each read sends 6 to 12 HTTP requests through a client from <see cref="IHttpClientFactory"/>
/// (<see cref="PrometheusCanaryMetricSourceOptions.HttpClientName"/>).</para>
/// </remarks>
public sealed class PrometheusCanaryMetricSource : ICanaryMetricSource
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly PrometheusCanaryMetricSourceOptions _options;
    private readonly Uri _server;

    /// <summary>Creates the source.</summary>
    /// <param name="httpClientFactory">Creates the HTTP clients (<see cref="PrometheusCanaryMetricSourceOptions.HttpClientName"/>).</param>
    /// <param name="options">The server, templates and limits.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid (the message lists every problem).</exception>
    public PrometheusCanaryMetricSource(IHttpClientFactory httpClientFactory, PrometheusCanaryMetricSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        OptionsGuard.ThrowIfInvalid(options, nameof(options), PrometheusCanaryMetricSourceOptionsValidator.Instance,
            PrometheusCanaryMetricSourceOptionsCustomValidator.Instance);
        _httpClientFactory = httpClientFactory;
        _options = options;
        // A server behind a path prefix (http://host/prometheus) keeps its prefix when the API path is resolved against it.
        var address = options.BaseAddress!.AbsoluteUri;
        _server = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <inheritdoc />
    public async ValueTask<CanarySnapshot> ReadAsync(CanaryMetricQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var baseline = await ReadVariantAsync(query, _options.BaselineVariant, cancellationToken).ConfigureAwait(false);
        var candidate = await ReadVariantAsync(query, _options.CandidateVariant, cancellationToken).ConfigureAwait(false);
        return new CanarySnapshot(baseline, candidate);
    }

    private async Task<VariantSnapshot> ReadVariantAsync(CanaryMetricQuery query, string variant, CancellationToken cancellationToken)
    {
        var requestsQuery = Expand(_options.RequestsQuery, query, variant);
        var errorsQuery = Expand(_options.ErrorsQuery, query, variant);
        var bucketsQuery = Expand(_options.LatencyBucketsQuery, query, variant);
        var requests = await CountAsync(requestsQuery, IsWindowed(_options.RequestsQuery), query, cancellationToken).ConfigureAwait(false);
        var errors = await CountAsync(errorsQuery, IsWindowed(_options.ErrorsQuery), query, cancellationToken).ConfigureAwait(false);
        var buckets = await BucketsAsync(bucketsQuery, IsWindowed(_options.LatencyBucketsQuery), query, cancellationToken).ConfigureAwait(false);
        var histogram = PrometheusHistogram.ToLatencyHistogram(buckets, _options.BucketBoundaryUnit, bucketsQuery);
        if (histogram.TotalCount != requests)
        {
            throw new CanaryMetricException($"Variant '{variant}': the latency buckets of query '{bucketsQuery}' count {histogram.TotalCount} " +
                $"requests but query '{requestsQuery}' counts {requests}; both must select the same requests.");
        }

        if (errors > requests)
        {
            throw new CanaryMetricException($"Variant '{variant}': query '{errorsQuery}' counts {errors} errors, more than the {requests} " +
                $"requests of query '{requestsQuery}'.");
        }

        return new VariantSnapshot(errors, histogram);
    }

    private async Task<long> CountAsync(string promQl, bool windowed, CanaryMetricQuery query, CancellationToken cancellationToken)
    {
        var end = Single(await EvaluateAsync(promQl, query.End, cancellationToken).ConfigureAwait(false), promQl);
        if (windowed)
        {
            return Count(end, promQl);
        }

        var start = Single(await EvaluateAsync(promQl, query.Start, cancellationToken).ConfigureAwait(false), promQl);
        var difference = Count(end, promQl) - Count(start, promQl);
        if (difference < 0)
        {
            throw CounterReset(promQl, "");
        }

        return difference;
    }

    private async Task<List<(double UpperBound, long CumulativeCount)>> BucketsAsync(string promQl, bool windowed, CanaryMetricQuery query,
        CancellationToken cancellationToken)
    {
        var end = await EvaluateAsync(promQl, query.End, cancellationToken).ConfigureAwait(false);
        var byBound = new Dictionary<double, long>();
        foreach (var sample in end)
        {
            if (!byBound.TryAdd(Bound(sample.Le, promQl), Count(sample.Value, promQl)))
            {
                throw new CanaryMetricException($"Query '{promQl}' returned le=\"{sample.Le}\" twice; aggregate with sum by (le).");
            }
        }

        if (!windowed)
        {
            foreach (var sample in await EvaluateAsync(promQl, query.Start, cancellationToken).ConfigureAwait(false))
            {
                var bound = Bound(sample.Le, promQl);
                var earlier = Count(sample.Value, promQl);
                var later = byBound.GetValueOrDefault(bound);
                if (later < earlier)
                {
                    throw CounterReset(promQl, $" at le=\"{sample.Le}\"");
                }

                byBound[bound] = later - earlier;
            }
        }

        return byBound.Select(pair => (pair.Key, pair.Value)).ToList();
    }

    private async Task<List<(string? Le, double Value)>> EvaluateAsync(string promQl, DateTimeOffset time, CancellationToken cancellationToken)
    {
        var timeout = _options.Timeout;
        var uri = new Uri(_server, "api/v1/query?query=" + Uri.EscapeDataString(promQl)
            + "&time=" + (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)
            + "&timeout=" + ((long)Math.Ceiling(timeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms");
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            var client = _httpClientFactory.CreateClient(PrometheusCanaryMetricSourceOptions.HttpClientName);
            client.MaxResponseContentBufferSize = _options.MaxResponseBytes;
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseContentRead, timeoutSource.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeoutSource.Token).ConfigureAwait(false);
            return PrometheusQueryResponse.Parse(body, (int)response.StatusCode, promQl, _options.BaseAddress!);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            throw new CanaryMetricException($"Prometheus at {_options.BaseAddress} did not answer query '{promQl}' within {seconds} s.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new CanaryMetricException($"Prometheus at {_options.BaseAddress} could not be queried with '{promQl}': {ex.Message}", ex);
        }
    }

    private static double Single(List<(string? Le, double Value)> samples, string promQl) => samples.Count switch
    {
        0 => 0.0,
        1 => samples[0].Value,
        _ => throw new CanaryMetricException($"Query '{promQl}' returned {samples.Count} series where one was expected; aggregate with sum()."),
    };

    private static long Count(double value, string promQl)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value < 0)
        {
            throw new CanaryMetricException(
                $"Query '{promQl}' returned the value {InvariantFormat(value)}; a count must be finite and non-negative.");
        }

        return (long)Math.Round(value, MidpointRounding.AwayFromZero);
    }

    private static double Bound(string? le, string promQl)
    {
        if (le is null)
        {
            throw new CanaryMetricException($"Query '{promQl}' returned a series without the label le; select the histogram's _bucket series.");
        }

        return PrometheusQueryResponse.ParseValue(le) is { } bound && !double.IsNaN(bound)
            ? bound
            : throw new CanaryMetricException($"Query '{promQl}' returned the bucket bound le=\"{UntrustedText.Bound(le, 64)}\", not a number.");
    }

    private static CanaryMetricException CounterReset(string promQl, string where) =>
        new($"Query '{promQl}' decreased within the window{where}: a counter was reset (a restarted process). Cumulative counts cannot be " +
            "compared across a reset; use a windowed template (increase(...[{window}])) or a window after the restart.");

    private static bool IsWindowed(string template) => template.Contains("{window}", StringComparison.Ordinal);

    private static string Expand(string template, CanaryMetricQuery query, string variant)
    {
        var window = ((long)Math.Ceiling(query.Window.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";
        return template.Replace("{rollout}", query.Rollout, StringComparison.Ordinal)
            .Replace("{variant}", variant, StringComparison.Ordinal)
            .Replace("{window}", window, StringComparison.Ordinal);
    }

    private static string InvariantFormat(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
