using System.Diagnostics.Metrics;
using System.Globalization;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Canary.Metrics;
using AiGovernance.Deployment.Recording;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace AiGovernance.Deployment.Tests.Canary.Metrics;

/// <summary>The Prometheus source against a real Prometheus server scraping a real OpenTelemetry /metrics endpoint.</summary>
public sealed class PrometheusCanaryMetricSourceTests
{
    private static readonly TimeSpan ScrapeDeadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ReadAsync_FromRealPrometheus_AnalysisEqualsInProcessRecorders()
    {
        var (server, targets) = PrometheusServer.RequireOrSkip();
        var ct = TestContext.Current.CancellationToken;
        var rollout = "prom-" + Guid.NewGuid().ToString("N")[..12];
        var meterName = "AiGovernance.Tests." + rollout;
        var start = TimeProvider.System.GetUtcNow() - TimeSpan.FromSeconds(2);

        await using var app = await StartMetricsHostAsync(meterName, ct);
        using var meter = new Meter(meterName);
        var histogram = meter.CreateHistogram<double>(CanaryInstruments.RequestDuration, CanaryInstruments.RequestDurationUnit);
        using var listened = new OpenTelemetryCanaryMetricSource(new OpenTelemetryCanaryMetricSourceOptions { MeterName = meterName });
        var recorder = new CanaryRecorder();

        // Latencies are bucket boundaries, so the Prometheus histogram loses nothing and every statistic must match exactly.
        var random = new Random(20261206);
        var boundaries = CanaryInstruments.RecommendedBoundariesSeconds;
        long total = 0;
        foreach (var (variant, requests, slowest, errorsPerThousand) in new[] { ("baseline", 3000, 18, 10), ("candidate", 1000, 20, 14) })
        {
            for (var i = 0; i < requests; i++)
            {
                var seconds = boundaries[random.Next(slowest)];
                var isError = random.Next(1000) < errorsPerThousand;
                histogram.Record(seconds, new KeyValuePair<string, object?>(CanaryInstruments.RolloutTag, rollout),
                    new KeyValuePair<string, object?>(CanaryInstruments.VariantTag, variant),
                    new KeyValuePair<string, object?>(CanaryInstruments.OutcomeTag, isError ? "error" : "success"));
                var latency = TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
                (variant == "baseline" ? recorder.Baseline : recorder.Candidate).Record(latency, isError);
                total++;
            }
        }

        using var http = new HttpClient();
        using (PrometheusServer.Register(targets, rollout, Port(app)))
        {
            await WaitForScrapeAsync(http, server, rollout, total, ct);
            var end = TimeProvider.System.GetUtcNow();
            var source = new PrometheusCanaryMetricSource(HttpClientFactory(), new PrometheusCanaryMetricSourceOptions { BaseAddress = server });

            var fromPrometheus = await source.ReadAsync(new CanaryMetricQuery(rollout, start, end), ct);
            var fromListener = await listened.ReadAsync(new CanaryMetricQuery(rollout, start, end), ct);

            var expected = Analyze(recorder.Snapshot());
            AssertSameAnalysis(expected, Analyze(fromPrometheus));
            AssertSameAnalysis(expected, Analyze(fromListener));
            Assert.Equal(recorder.Snapshot().Baseline.Latency.BucketCounts.ToArray(), fromPrometheus.Baseline.Latency.BucketCounts.ToArray());
            Assert.Equal(recorder.Snapshot().Candidate.Latency.BucketCounts.ToArray(), fromPrometheus.Candidate.Latency.BucketCounts.ToArray());
        }
    }

    [Fact]
    public async Task ReadAsync_PrometheusRejectsQuery_ThrowsNamingQueryAndPrometheusError()
    {
        var (server, _) = PrometheusServer.RequireOrSkip();
        var source = new PrometheusCanaryMetricSource(HttpClientFactory(), new PrometheusCanaryMetricSourceOptions
        {
            BaseAddress = server,
            RequestsQuery = "sum(unclosed{variant=\"{variant}\"}",
        });

        var ex = await Assert.ThrowsAsync<CanaryMetricException>(async () => await source.ReadAsync(Query(), TestContext.Current.CancellationToken));

        Assert.Contains("sum(unclosed{variant=\"baseline\"}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 400", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bad_data", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 / 0", "NaN")]
    [InlineData("1 / 0", "Infinity")]
    public async Task ReadAsync_NonFiniteCount_ThrowsNamingQuery(string expression, string shown)
    {
        var (server, _) = PrometheusServer.RequireOrSkip();
        var template = $"(sum(absent_metric{{variant=\"{{variant}}\"}}) or vector({expression}))";
        var source = new PrometheusCanaryMetricSource(HttpClientFactory(), new PrometheusCanaryMetricSourceOptions
        {
            BaseAddress = server,
            RequestsQuery = template,
        });

        var ex = await Assert.ThrowsAsync<CanaryMetricException>(async () => await source.ReadAsync(Query(), TestContext.Current.CancellationToken));

        Assert.Contains(template.Replace("{variant}", "baseline", StringComparison.Ordinal), ex.Message, StringComparison.Ordinal);
        Assert.Contains(shown, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RolloutWithoutTraffic_EmptySnapshot()
    {
        var (server, _) = PrometheusServer.RequireOrSkip();
        var source = new PrometheusCanaryMetricSource(HttpClientFactory(), new PrometheusCanaryMetricSourceOptions { BaseAddress = server });

        var snapshot = await source.ReadAsync(Query(), TestContext.Current.CancellationToken);

        Assert.Equal(0, snapshot.Baseline.Requests);
        Assert.Equal(0, snapshot.Candidate.Requests);
    }

    [Fact]
    public async Task ReadAsync_ServerUnreachable_ThrowsNamingServerAndQuery()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var source = new PrometheusCanaryMetricSource(HttpClientFactory(), new PrometheusCanaryMetricSourceOptions { BaseAddress = address });

        var ex = await Assert.ThrowsAsync<CanaryMetricException>(async () => await source.ReadAsync(Query(), TestContext.Current.CancellationToken));

        Assert.Contains(address.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains(PrometheusCanaryMetricSourceOptions.DefaultRequestsQuery.Replace("{rollout}", "r1", StringComparison.Ordinal)
            .Replace("{variant}", "baseline", StringComparison.Ordinal), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ServerNeverAnswers_TimesOutNamingQuery()
    {
        // A real socket that accepts the connection and never answers.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var source = new PrometheusCanaryMetricSource(HttpClientFactory(),
            new PrometheusCanaryMetricSourceOptions { BaseAddress = address, Timeout = TimeSpan.FromMilliseconds(200) });

        var ex = await Assert.ThrowsAsync<CanaryMetricException>(async () => await source.ReadAsync(Query(), TestContext.Current.CancellationToken));

        Assert.Contains("did not answer query", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0.2 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownPlaceholder_ThrowsNamingIt()
    {
        var options = new PrometheusCanaryMetricSourceOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:9090/"),
            ErrorsQuery = "sum(x{variant=\"{variant}\",pod=\"{pod}\"})",
        };

        var ex = Assert.Throws<ArgumentException>(() => new PrometheusCanaryMetricSource(HttpClientFactory(), options));

        Assert.Contains("{pod}", ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(PrometheusCanaryMetricSourceOptions.ErrorsQuery), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TemplateWithoutVariant_Throws()
    {
        var options = new PrometheusCanaryMetricSourceOptions { BaseAddress = new Uri("http://127.0.0.1:9090/"), RequestsQuery = "sum(x)" };

        var ex = Assert.Throws<ArgumentException>(() => new PrometheusCanaryMetricSource(HttpClientFactory(), options));

        Assert.Contains("{variant}", ex.Message, StringComparison.Ordinal);
    }

    // Odd answers are made by real PromQL: vector(...) for constants, time() for counters that move within the window,
    // label_replace(...) for the le and variant labels. absent_series never exists. The window is exactly 300 s, on whole seconds.

    [Fact]
    public async Task ReadAsync_WindowedTemplates_TakeTheValueAtTheEndAsTheWindowsCount()
    {
        var server = PrometheusServer.RequireOrSkip().Address;
        var source = Source(server,
            requests: "sum(count_over_time(absent_series{variant=\"{variant}\"}[{window}])) or vector(7)",
            errors: "sum(count_over_time(absent_series{variant=\"{variant}\"}[{window}])) or vector(3)",
            buckets: "label_replace(sum(count_over_time(absent_series{variant=\"{variant}\"}[{window}])) or vector(7), \"le\", \"+Inf\", \"\", \"\")");

        var snapshot = await source.ReadAsync(WholeSecondQuery(), TestContext.Current.CancellationToken);

        Assert.Equal((7, 3, 7), (snapshot.Baseline.Requests, snapshot.Baseline.Errors, snapshot.Baseline.Latency.TotalCount));
        Assert.Equal((7, 3, 7), (snapshot.Candidate.Requests, snapshot.Candidate.Errors, snapshot.Candidate.Latency.TotalCount));
    }

    [Fact]
    public async Task ReadAsync_CumulativeTemplates_TakeTheIncreaseOverTheWindow()
    {
        // A counter growing by one per second: 300 more at the end than at the start, in the requests and in the +Inf bucket.
        var server = PrometheusServer.RequireOrSkip().Address;
        var source = Source(server,
            requests: "label_replace(vector(time() - 1700000000), \"variant\", \"{variant}\", \"\", \"\")",
            errors: "label_replace(vector(5), \"variant\", \"{variant}\", \"\", \"\")",
            buckets: "label_replace(label_replace(vector(time() - 1700000000), \"le\", \"+Inf\", \"\", \"\"), \"variant\", \"{variant}\", \"\", \"\")");

        var snapshot = await source.ReadAsync(WholeSecondQuery(), TestContext.Current.CancellationToken);

        Assert.Equal((300, 0, 300), (snapshot.Baseline.Requests, snapshot.Baseline.Errors, snapshot.Baseline.Latency.TotalCount));
        Assert.Equal(300, snapshot.Candidate.Requests);
    }

    [Fact]
    public async Task ReadAsync_CumulativeCountDecreasedWithinTheWindow_ThrowsCounterReset()
    {
        var server = PrometheusServer.RequireOrSkip().Address;
        const string requests = "label_replace(vector(10000000000 - time()), \"variant\", \"{variant}\", \"\", \"\")";
        var source = Source(server, requests: requests);

        var ex = await Assert.ThrowsAsync<CanaryMetricException>(async () => await source.ReadAsync(WholeSecondQuery(), TestContext.Current.CancellationToken));

        Assert.Equal(
            $"Query '{requests.Replace("{variant}", "baseline", StringComparison.Ordinal)}' decreased within the window: a counter was reset (a "
            + "restarted process). Cumulative counts cannot be compared across a reset; use a windowed template (increase(...[{window}])) or "
            + "a window after the restart.",
            ex.Message);
    }

    [Fact]
    public async Task ReadAsync_CumulativeBucketDecreasedWithinTheWindow_ThrowsCounterResetNamingTheBucket()
    {
        var server = PrometheusServer.RequireOrSkip().Address;
        const string buckets = "label_replace(label_replace(vector(10000000000 - time()), \"le\", \"+Inf\", \"\", \"\"), \"variant\", \"{variant}\", \"\", \"\")";
        var source = Source(server, requests: "label_replace(vector(0), \"variant\", \"{variant}\", \"\", \"\")", buckets: buckets);

        var ex = await Assert.ThrowsAsync<CanaryMetricException>(async () => await source.ReadAsync(WholeSecondQuery(), TestContext.Current.CancellationToken));

        Assert.StartsWith(
            $"Query '{buckets.Replace("{variant}", "baseline", StringComparison.Ordinal)}' decreased within the window at le=\"+Inf\": a counter was reset",
            ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CumulativeBucketUnchangedWithinTheWindow_CountsNothing()
    {
        var server = PrometheusServer.RequireOrSkip().Address;
        var source = Source(server,
            requests: "label_replace(vector(7), \"variant\", \"{variant}\", \"\", \"\")",
            errors: "label_replace(vector(2), \"variant\", \"{variant}\", \"\", \"\")",
            buckets: "label_replace(label_replace(vector(7), \"le\", \"+Inf\", \"\", \"\"), \"variant\", \"{variant}\", \"\", \"\")");

        var snapshot = await source.ReadAsync(WholeSecondQuery(), TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 0), (snapshot.Baseline.Requests, snapshot.Baseline.Errors, snapshot.Baseline.Latency.TotalCount));
    }

    [Fact]
    public async Task ReadAsync_BucketBoundTwice_ThrowsAskingForSumByLe()
    {
        var server = PrometheusServer.RequireOrSkip().Address;
        const string buckets = "label_replace(label_replace(vector(1), \"le\", \"+Inf\", \"\", \"\"), \"pod\", \"a{variant}\", \"\", \"\") "
            + "or label_replace(label_replace(vector(1), \"le\", \"+Inf\", \"\", \"\"), \"pod\", \"b\", \"\", \"\")";
        var source = Source(server, requests: "label_replace(vector(1), \"variant\", \"{variant}\", \"\", \"\")", buckets: buckets);

        var ex = await Assert.ThrowsAsync<CanaryMetricException>(async () => await source.ReadAsync(WholeSecondQuery(), TestContext.Current.CancellationToken));

        Assert.Equal(
            $"Query '{buckets.Replace("{variant}", "baseline", StringComparison.Ordinal)}' returned le=\"+Inf\" twice; aggregate with sum by (le).",
            ex.Message);
    }

    [Fact]
    public async Task ReadAsync_BucketSeriesWithoutLe_ThrowsAskingForTheBucketSeries()
    {
        var server = PrometheusServer.RequireOrSkip().Address;
        const string buckets = "label_replace(vector(1), \"variant\", \"{variant}\", \"\", \"\")";
        var source = Source(server, requests: "label_replace(vector(1), \"variant\", \"{variant}\", \"\", \"\")", buckets: buckets);

        var ex = await Assert.ThrowsAsync<CanaryMetricException>(async () => await source.ReadAsync(WholeSecondQuery(), TestContext.Current.CancellationToken));

        Assert.Equal(
            $"Query '{buckets.Replace("{variant}", "baseline", StringComparison.Ordinal)}' returned a series without the label le; select the "
            + "histogram's _bucket series.",
            ex.Message);
    }

    [Fact]
    public async Task ReadAsync_BucketsCountOtherRequestsThanTheRequestsQuery_Throws()
    {
        var server = PrometheusServer.RequireOrSkip().Address;
        const string requests = "sum(count_over_time(absent_series{variant=\"{variant}\"}[{window}])) or vector(5)";
        const string buckets = "label_replace(sum(count_over_time(absent_series{variant=\"{variant}\"}[{window}])) or vector(4), \"le\", \"+Inf\", \"\", \"\")";
        var source = Source(server, requests: requests, buckets: buckets);

        var ex = await Assert.ThrowsAsync<CanaryMetricException>(async () => await source.ReadAsync(WholeSecondQuery(), TestContext.Current.CancellationToken));

        Assert.Equal(
            $"Variant 'baseline': the latency buckets of query '{Expanded(buckets)}' count 4 requests but query '{Expanded(requests)}' counts 5; "
            + "both must select the same requests.",
            ex.Message);
    }

    [Fact]
    public async Task ReadAsync_MoreErrorsThanRequests_Throws()
    {
        var server = PrometheusServer.RequireOrSkip().Address;
        const string requests = "sum(count_over_time(absent_series{variant=\"{variant}\"}[{window}])) or vector(5)";
        const string errors = "sum(count_over_time(absent_series{variant=\"{variant}\"}[{window}])) or vector(6)";
        const string buckets = "label_replace(sum(count_over_time(absent_series{variant=\"{variant}\"}[{window}])) or vector(5), \"le\", \"+Inf\", \"\", \"\")";
        var source = Source(server, requests: requests, errors: errors, buckets: buckets);

        var ex = await Assert.ThrowsAsync<CanaryMetricException>(async () => await source.ReadAsync(WholeSecondQuery(), TestContext.Current.CancellationToken));

        Assert.Equal($"Variant 'baseline': query '{Expanded(errors)}' counts 6 errors, more than the 5 requests of query '{Expanded(requests)}'.",
            ex.Message);
    }

    [Fact]
    public async Task ReadAsync_TimeoutShownInSecondsToTheMillisecond()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var source = new PrometheusCanaryMetricSource(HttpClientFactory(),
            new PrometheusCanaryMetricSourceOptions { BaseAddress = address, Timeout = TimeSpan.FromTicks(2_004_000) });

        var ex = await Assert.ThrowsAsync<CanaryMetricException>(async () => await source.ReadAsync(Query(), TestContext.Current.CancellationToken));

        Assert.EndsWith(" within 0.2 s.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guards()
    {
        var options = new PrometheusCanaryMetricSourceOptions { BaseAddress = new Uri("http://127.0.0.1:9090/") };
        Assert.Equal("httpClientFactory", Assert.Throws<ArgumentNullException>(() => new PrometheusCanaryMetricSource(null!, options)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new PrometheusCanaryMetricSource(HttpClientFactory(), null!)).ParamName);
        var source = new PrometheusCanaryMetricSource(HttpClientFactory(), options);
        var ex = await Assert.ThrowsAsync<ArgumentNullException>(async () => await source.ReadAsync(null!, TestContext.Current.CancellationToken));
        Assert.Equal("query", ex.ParamName);
    }

    [Theory]
    [InlineData("prometheus")]
    [InlineData("prometheus/")]
    public async Task ReadAsync_ServerBehindAPathPrefix_KeepsThePrefix(string prefix)
    {
        // A reverse proxy serving the real Prometheus under /prometheus/, as many deployments do; nothing answers outside it.
        var server = PrometheusServer.RequireOrSkip().Address;
        var ct = TestContext.Current.CancellationToken;
        using var upstream = new HttpClient { BaseAddress = server };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var proxy = builder.Build();
        proxy.MapGet("/prometheus/api/v1/query", async (HttpContext context) =>
        {
            using var answer = await upstream.GetAsync(new Uri("api/v1/query" + context.Request.QueryString, UriKind.Relative), context.RequestAborted);
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = "application/json";
            await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        await proxy.StartAsync(ct);
        var address = new Uri($"http://127.0.0.1:{Port(proxy).ToString(CultureInfo.InvariantCulture)}/{prefix}");
        var source = Source(address,
            requests: "sum(count_over_time(absent_series{variant=\"{variant}\"}[{window}])) or vector(2)",
            buckets: "label_replace(sum(count_over_time(absent_series{variant=\"{variant}\"}[{window}])) or vector(2), \"le\", \"+Inf\", \"\", \"\")");

        var snapshot = await source.ReadAsync(WholeSecondQuery(), ct);

        Assert.Equal(2, snapshot.Baseline.Requests);
        Assert.Equal(2, snapshot.Candidate.Requests);
    }

    private static PrometheusCanaryMetricSource Source(Uri server, string requests, string? errors = null, string? buckets = null) =>
        new(HttpClientFactory(), new PrometheusCanaryMetricSourceOptions
        {
            BaseAddress = server,
            RequestsQuery = requests,
            ErrorsQuery = errors ?? "label_replace(vector(0), \"variant\", \"{variant}\", \"\", \"\")",
            LatencyBucketsQuery = buckets ?? "label_replace(label_replace(vector(0), \"le\", \"+Inf\", \"\", \"\"), \"variant\", \"{variant}\", \"\", \"\")",
        });

    private static string Expanded(string template) =>
        template.Replace("{variant}", "baseline", StringComparison.Ordinal).Replace("{window}", "300s", StringComparison.Ordinal);

    /// <summary>A 300-second window ending on a whole second a minute ago.</summary>
    private static CanaryMetricQuery WholeSecondQuery()
    {
        var end = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 60);
        return new CanaryMetricQuery("r1", end.AddSeconds(-300), end);
    }

    private static CanaryMetricQuery Query()
    {
        var now = TimeProvider.System.GetUtcNow();
        return new CanaryMetricQuery("r1", now - TimeSpan.FromMinutes(5), now);
    }

    private static CanaryAnalysis Analyze(CanarySnapshot traffic) =>
        CanaryAnalyzer.Analyze(new CanaryObservation(traffic, 0.25), new CanaryAnalysisOptions { Mode = CanaryAnalysisMode.FixedSample });

    private static void AssertSameAnalysis(CanaryAnalysis expected, CanaryAnalysis actual)
    {
        Assert.Equal(expected.Decision, actual.Decision);
        Assert.Equal(expected.BaselineRequests, actual.BaselineRequests);
        Assert.Equal(expected.CandidateRequests, actual.CandidateRequests);
        Assert.Equal(expected.ErrorRate, actual.ErrorRate);
        Assert.Equal(expected.SampleRatio, actual.SampleRatio);
        Assert.Equal(expected.Latency, actual.Latency);
        Assert.Equal(expected.Reasons, actual.Reasons);
    }

    private static IHttpClientFactory HttpClientFactory() =>
        new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

    private static async Task<WebApplication> StartMetricsHostAsync(string meterName, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(meterName)
            .AddView(CanaryInstruments.RequestDuration,
                new ExplicitBucketHistogramConfiguration { Boundaries = [.. CanaryInstruments.RecommendedBoundariesSeconds] })
            .AddPrometheusExporter());
        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint();
        await app.StartAsync(ct);
        return app;
    }

    private static int Port(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

    /// <summary>Waits (bounded) until Prometheus has scraped every recorded request; a deadline, not a timing assertion.</summary>
    private static async Task WaitForScrapeAsync(HttpClient http, Uri server, string rollout, long total, CancellationToken ct)
    {
        var promQl = $"sum({CanaryInstruments.PrometheusRequestDuration}_count{{rollout=\"{rollout}\"}})";
        var deadline = TimeProvider.System.GetUtcNow() + ScrapeDeadline;
        double seen = 0;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            seen = await PrometheusServer.ScalarAsync(http, server, promQl, ct);
            if (seen == total)
            {
                // One more scrape interval, so a query at "now" sees the same samples from every series.
                await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }

        Assert.Fail($"Prometheus at {server} had not scraped the test's /metrics within {ScrapeDeadline.TotalSeconds} s: {promQl} = {seen}, " +
            $"expected {total}.");
    }
}
