using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace AiGovernance.Samples.GatedService.Tests;

/// <summary>The sample exports its meters with the OpenTelemetry SDK: <c>GET /metrics</c> (on in Development) serves the
/// canary recorder's request, error and latency series with a <c>variant</c> label under the names docs/telemetry.md gives.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Metrics_InDevelopment_ServesTheCanaryTrafficSeriesPerVariant()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var factory = GatedServiceFactory.Create(dir, GatedServiceFactory.FastRollout);
        using var client = factory.CreateClient();
        var predictions = await Traffic.PredictManyAsync(client, 0, 60, ct);
        for (var i = 0; i < predictions.Count; i++)
        {
            await Traffic.OutcomeAsync(client, predictions[i], correct: i % 4 != 0, ct);
        }

        using var anonymous = factory.CreateClient(apiKey: null);
        var text = await anonymous.GetStringAsync("/metrics", ct);

        // Other tests' services in this process record on meters of the same name, so the totals are at least ours.
        foreach (var variant in new[] { "baseline", "candidate" })
        {
            var ours = predictions.Count(p => p.Variant == variant);
            var errors = predictions.Where((p, i) => p.Variant == variant && i % 4 == 0).Count();
            Assert.InRange(Value(text, "aigovernance_deployment_canary_requests_total", variant), ours, double.MaxValue);
            Assert.InRange(Value(text, "aigovernance_deployment_canary_errors_total", variant), errors, double.MaxValue);
            Assert.InRange(Value(text, "aigovernance_deployment_canary_latency_seconds_count", variant), ours, double.MaxValue);
            Assert.Matches($@"aigovernance_deployment_canary_latency_seconds_bucket\{{[^}}]*variant=""{variant}""[^}}]*le=""0.001""", text);
        }
    }

    [Fact]
    public async Task Metrics_WhenTurnedOff_IsNotServed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        var settings = new Dictionary<string, string?>(GatedServiceFactory.FastRollout) { ["Telemetry:PrometheusEndpoint"] = "false" };
        await using var factory = GatedServiceFactory.Create(dir, settings);
        using var client = factory.CreateClient(apiKey: null);
        await Traffic.PredictManyAsync(client, 0, 1, ct);

        var response = await client.GetAsync("/metrics", ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static double Value(string exposition, string series, string variant)
    {
        var match = Regex.Match(exposition, $@"^{series}\{{[^}}]*variant=""{variant}""[^}}]*\}} (\S+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"{series}{{variant=\"{variant}\"}} is not in /metrics:\n{exposition[..Math.Min(4000, exposition.Length)]}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
