using AiGovernance.Deployment.Recording;

namespace AiGovernance.Deployment.Canary.Metrics;

/// <summary>Where a canary analysis reads its traffic from when the service does not feed a <see cref="CanaryRecorder"/>
/// itself: a metrics backend (<see cref="PrometheusCanaryMetricSource"/>) or the service's own OpenTelemetry instruments
/// (<see cref="OpenTelemetryCanaryMetricSource"/>).</summary>
/// <remarks>The snapshot goes into the same analysis as the recorder's (<see cref="CanaryAnalyzer.Analyze(CanaryObservation,
/// CanaryAnalysisOptions?)"/>): requests and errors per variant and the latency histogram in the shared layout. Sources
/// without per-unit sub-bucket counts return <see cref="SubBucketCounts.Empty"/>, so a
/// <see cref="Routing.RoutingDesign.PerUnit"/> analysis of their traffic holds for want of data rather than treating
/// clustered requests as independent.</remarks>
public interface ICanaryMetricSource
{
    /// <summary>Reads baseline and candidate traffic of one rollout over a window.</summary>
    /// <param name="query">The rollout and the window.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The traffic in the window.</returns>
    /// <exception cref="CanaryMetricException">The backend failed, timed out or answered with data that cannot be analysed
    /// (the message names the query).</exception>
    ValueTask<CanarySnapshot> ReadAsync(CanaryMetricQuery query, CancellationToken cancellationToken = default);
}
