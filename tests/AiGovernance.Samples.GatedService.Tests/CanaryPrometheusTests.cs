using System.Globalization;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Canary.Metrics;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Routing;
using AiGovernance.Deployment.Tests.Canary.Metrics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Samples.GatedService.Tests;

/// <summary>A real Prometheus server scraping the GatedService sample's own <c>/metrics</c> (Kestrel on a free port, in
/// Development) feeds <see cref="PrometheusCanaryMetricSource"/> with
/// <see cref="PrometheusCanaryMetricSourceOptions.UseCanaryRecorderSeries"/>; the analysis equals the one of the sample's
/// in-process <see cref="CanaryRecorder"/> up to the recorder histogram's bucket boundaries.</summary>
/// <remarks>Alone in its collection: every host in this process exports the meters of every other host's recorder (the
/// OpenTelemetry SDK listens to meters by name), so a parallel test's traffic would be scraped with ours.</remarks>
[Collection(CanaryPrometheusGroup.Name)]
public sealed class CanaryPrometheusTests
{
    private static readonly TimeSpan ScrapeDeadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ScrapedSample_AnalysisFromPrometheus_EqualsInProcessRecorderUpToBucketBoundaries()
    {
        var (server, targets) = PrometheusServer.RequireOrSkip();
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var factory = GatedServiceFactory.Create(dir, GatedServiceFactory.FastRollout);
        factory.UseKestrel(0);
        factory.StartServer();
        var start = TimeProvider.System.GetUtcNow() - TimeSpan.FromSeconds(2);
        var recorder = factory.Services.GetRequiredService<CanaryRecorder>();

        // Known traffic through the sample's recorder: latencies between the advice boundaries (never on one), the candidate
        // slower by far more than the 50 ms P95 tolerance. "Rounded" holds the same requests with each latency raised to the
        // histogram boundary above it — what Prometheus can know of them (plain VariantRecorders: a CanaryRecorder made with
        // new records on the process-wide meter, which the sample's exporter would scrape too).
        var boundaries = CanaryInstruments.RecorderLatencyBoundariesSeconds;
        var (roundedBaseline, roundedCandidate) = (new VariantRecorder(), new VariantRecorder());
        var random = new Random(20261206);
        double[] baselineMs = [0.6, 1.7, 3.2, 4.1, 7.5, 8.8, 12, 18, 22, 31, 44, 62];
        double[] candidateMs = [3.2, 8.8, 18, 31, 44, 62, 88, 140, 180, 320, 420, 600];
        long total = 0;
        foreach (var (variant, requests, latencies, errorsPerThousand) in new[]
            { (DeploymentVariant.Baseline, 3000, baselineMs, 20), (DeploymentVariant.Candidate, 1000, candidateMs, 22) })
        {
            for (var i = 0; i < requests; i++)
            {
                var milliseconds = latencies[random.Next(latencies.Length)];
                var isError = random.Next(1000) < errorsPerThousand;
                recorder.Record(variant, TimeSpan.FromMilliseconds(milliseconds), isError);
                var upper = TimeSpan.FromTicks((long)Math.Round(UpperBoundary(boundaries, milliseconds / 1000) * TimeSpan.TicksPerSecond));
                (variant == DeploymentVariant.Baseline ? roundedBaseline : roundedCandidate).Record(upper, isError);
                total++;
            }
        }

        using var http = new HttpClient();
        var name = "gated-" + Guid.NewGuid().ToString("N")[..12];
        using (PrometheusServer.Register(targets, name, Port(factory)))
        {
            await WaitForScrapeAsync(http, server, name, total, ct);
            var end = TimeProvider.System.GetUtcNow();
            var options = new PrometheusCanaryMetricSourceOptions { BaseAddress = server }.UseCanaryRecorderSeries($"test=\"{name}\"");
            var source = new PrometheusCanaryMetricSource(HttpClientFactory(), options);

            var fromPrometheus = await source.ReadAsync(new CanaryMetricQuery("credit-scorer-2.0.0", start, end), ct);

            var inProcess = Analyze(recorder.Snapshot());
            var scraped = Analyze(fromPrometheus);
            Assert.Equal(CanaryDecision.RollbackImmediately, inProcess.Decision);
            Assert.Equal(inProcess.Decision, scraped.Decision);
            Assert.Equal(inProcess.BaselineRequests, scraped.BaselineRequests);
            Assert.Equal(inProcess.CandidateRequests, scraped.CandidateRequests);
            Assert.Equal(inProcess.ErrorRate, scraped.ErrorRate);
            Assert.Equal(inProcess.SampleRatio, scraped.SampleRatio);
            var (expected, actual) = (inProcess.Latency!.Value, scraped.Latency!.Value);
            AssertWithinBucket(boundaries, expected.BaselineP50, actual.BaselineP50);
            AssertWithinBucket(boundaries, expected.BaselineP95, actual.BaselineP95);
            AssertWithinBucket(boundaries, expected.BaselineP99, actual.BaselineP99);
            AssertWithinBucket(boundaries, expected.CandidateP50, actual.CandidateP50);
            AssertWithinBucket(boundaries, expected.CandidateP95, actual.CandidateP95);
            AssertWithinBucket(boundaries, expected.CandidateP99, actual.CandidateP99);

            // Exactly what the boundaries allow: the same traffic with latencies raised to their boundary gives the same
            // histograms bucket for bucket and every statistic (Mann–Whitney and Hodges–Lehmann included) to the last bit.
            var rounded = new CanarySnapshot(roundedBaseline.Snapshot(), roundedCandidate.Snapshot());
            Assert.Equal(rounded.Baseline.Latency.BucketCounts.ToArray(), fromPrometheus.Baseline.Latency.BucketCounts.ToArray());
            Assert.Equal(rounded.Candidate.Latency.BucketCounts.ToArray(), fromPrometheus.Candidate.Latency.BucketCounts.ToArray());
            var groundTruth = Analyze(rounded);
            Assert.Equal(groundTruth.Decision, scraped.Decision);
            Assert.Equal(groundTruth.ErrorRate, scraped.ErrorRate);
            Assert.Equal(groundTruth.SampleRatio, scraped.SampleRatio);
            Assert.Equal(groundTruth.Latency, scraped.Latency);
            Assert.Equal(groundTruth.Reasons, scraped.Reasons);
        }
    }

    /// <summary>The documented bound: a quantile read through Prometheus is at least the in-process one (less 1/256, the
    /// recorder's own resolution) and at most the smallest boundary at or above it (plus 1/256).</summary>
    private static void AssertWithinBucket(IReadOnlyList<double> boundaries, double inProcessMs, double scrapedMs)
    {
        const double resolution = LatencyHistogramSnapshot.MaxRelativeError;
        var upperMs = UpperBoundary(boundaries, inProcessMs * (1 - resolution) / 1000) * 1000;
        Assert.InRange(scrapedMs, inProcessMs * (1 - resolution), upperMs * (1 + resolution));
    }

    private static double UpperBoundary(IReadOnlyList<double> boundaries, double seconds)
    {
        foreach (var boundary in boundaries)
        {
            if (seconds <= boundary)
            {
                return boundary;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Above the largest boundary: the test keeps latencies below it.");
    }

    private static CanaryAnalysis Analyze(CanarySnapshot traffic) =>
        CanaryAnalyzer.Analyze(new CanaryObservation(traffic, 0.25), new CanaryAnalysisOptions { Mode = CanaryAnalysisMode.FixedSample });

    private static IHttpClientFactory HttpClientFactory() =>
        new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

    private static int Port(GatedServiceFactory factory) =>
        new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

    /// <summary>Waits (bounded) until Prometheus has scraped every recorded request; a deadline, not a timing assertion.</summary>
    private static async Task WaitForScrapeAsync(HttpClient http, Uri server, string name, long total, CancellationToken ct)
    {
        var promQl = $"sum(aigovernance_deployment_canary_requests_total{{test=\"{name}\"}})";
        var deadline = TimeProvider.System.GetUtcNow() + ScrapeDeadline;
        double seen = 0;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            seen = await PrometheusServer.ScalarAsync(http, server, promQl, ct);
            if (seen == total)
            {
                // One more scrape interval, so a query at "now" sees the same scrape in every series.
                await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
                return;
            }

            Assert.True(seen < total, $"Prometheus counts {seen.ToString(CultureInfo.InvariantCulture)} requests for {promQl}, more than the " +
                $"{total} recorded: another recorder in this process records on the meters the sample exports.");
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }

        Assert.Fail($"Prometheus at {server} had not scraped the sample's /metrics within {ScrapeDeadline.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s: " +
            $"{promQl} = {seen.ToString(CultureInfo.InvariantCulture)}, expected {total}.");
    }
}

/// <summary>Runs <see cref="CanaryPrometheusTests"/> alone (see its remarks).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CanaryPrometheusGroup
{
    public const string Name = "Canary traffic scraped by Prometheus";
}
