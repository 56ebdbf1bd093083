using AiGovernance.Deployment.Canary.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Deployment.Tests.Canary.Metrics;

/// <summary>The template preset for the series a <c>CanaryRecorder</c> exports.</summary>
public sealed class PrometheusCanaryMetricSourceOptionsTests
{
    [Fact]
    public void UseCanaryRecorderSeries_WithoutSelector_ReadsTheRecordersSeriesByVariant()
    {
        var options = new PrometheusCanaryMetricSourceOptions().UseCanaryRecorderSeries();

        Assert.Equal("sum(aigovernance_deployment_canary_requests_total{variant=\"{variant}\"})", options.RequestsQuery);
        Assert.Equal("sum(aigovernance_deployment_canary_errors_total{variant=\"{variant}\"})", options.ErrorsQuery);
        Assert.Equal("sum by (le) (aigovernance_deployment_canary_latency_seconds_bucket{variant=\"{variant}\"})", options.LatencyBucketsQuery);
    }

    [Fact]
    public void UseCanaryRecorderSeries_WithSelector_AddsItsMatchersToEverySeries()
    {
        var options = new PrometheusCanaryMetricSourceOptions().UseCanaryRecorderSeries(" job=\"credit-scoring\",rollout=\"{rollout}\" ");

        Assert.Equal("sum(aigovernance_deployment_canary_requests_total{variant=\"{variant}\",job=\"credit-scoring\",rollout=\"{rollout}\"})",
            options.RequestsQuery);
        Assert.Equal("sum(aigovernance_deployment_canary_errors_total{variant=\"{variant}\",job=\"credit-scoring\",rollout=\"{rollout}\"})",
            options.ErrorsQuery);
        Assert.Equal(
            "sum by (le) (aigovernance_deployment_canary_latency_seconds_bucket{variant=\"{variant}\",job=\"credit-scoring\",rollout=\"{rollout}\"})",
            options.LatencyBucketsQuery);
    }

    [Fact]
    public void UseCanaryRecorderSeries_SelectorWithRolloutPlaceholder_IsAcceptedBySource()
    {
        var options = new PrometheusCanaryMetricSourceOptions { BaseAddress = new Uri("http://127.0.0.1:9090/") }
            .UseCanaryRecorderSeries("rollout=\"{rollout}\"");
        var factory = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

        var source = new PrometheusCanaryMetricSource(factory, options);

        Assert.NotNull(source);
    }

    [Fact]
    public void UseCanaryRecorderSeries_UnknownPlaceholderInSelector_IsRefusedBySource()
    {
        var options = new PrometheusCanaryMetricSourceOptions { BaseAddress = new Uri("http://127.0.0.1:9090/") }
            .UseCanaryRecorderSeries("pod=\"{pod}\"");
        var factory = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

        var ex = Assert.Throws<ArgumentException>(() => new PrometheusCanaryMetricSource(factory, options));

        Assert.Contains("{pod}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecorderLatencyBoundariesSeconds_AreTheRecordersAdviceBoundaries()
    {
        Assert.Equal([0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
            CanaryInstruments.RecorderLatencyBoundariesSeconds);
    }

    [Fact]
    public void UseCanaryRecorderSeries_NullSelector_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new PrometheusCanaryMetricSourceOptions().UseCanaryRecorderSeries(null!));
}
