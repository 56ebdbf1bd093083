namespace AiGovernance.Deployment.Canary.Metrics;

/// <summary>The OpenTelemetry instrument a service records canary traffic on, when it records with OpenTelemetry rather
/// than a <see cref="Recording.CanaryRecorder"/>, and the names Prometheus gives it (docs/telemetry.md).</summary>
/// <remarks>
/// <para>One histogram, <see cref="RequestDuration"/> (unit <c>s</c>), one measurement per request, tagged
/// <see cref="RolloutTag"/>, <see cref="VariantTag"/> (<see cref="BaselineVariant"/> / <see cref="CandidateVariant"/>) and
/// <see cref="OutcomeTag"/> (<see cref="SuccessOutcome"/> / <see cref="ErrorOutcome"/>): requests are its count, errors the
/// count with outcome <c>error</c>, latency its buckets — the same three things a <see cref="Recording.VariantRecorder"/>
/// keeps. OpenTelemetry's Prometheus exporter publishes it as <see cref="PrometheusRequestDuration"/><c>_bucket</c>,
/// <c>_count</c> and <c>_sum</c>.</para>
/// <para>Bucket boundaries: <see cref="RecommendedBoundariesSeconds"/> (configure them with an OpenTelemetry view); the
/// SDK's default boundaries are too coarse for a P95 trigger of a few milliseconds.</para>
/// </remarks>
public static class CanaryInstruments
{
    /// <summary>The histogram's OpenTelemetry name.</summary>
    public const string RequestDuration = "aigovernance.deployment.canary.request.duration";

    /// <summary>The histogram's unit (seconds).</summary>
    public const string RequestDurationUnit = "s";

    /// <summary>The metric family name OpenTelemetry's Prometheus exporter gives the histogram (unit suffix appended).</summary>
    public const string PrometheusRequestDuration = "aigovernance_deployment_canary_request_duration_seconds";

    /// <summary>The tag naming the rollout.</summary>
    public const string RolloutTag = "rollout";

    /// <summary>The tag naming the variant.</summary>
    public const string VariantTag = "variant";

    /// <summary>The tag saying whether the request failed.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>The variant tag's value for the baseline.</summary>
    public const string BaselineVariant = "baseline";

    /// <summary>The variant tag's value for the candidate.</summary>
    public const string CandidateVariant = "candidate";

    /// <summary>The outcome tag's value for a successful request.</summary>
    public const string SuccessOutcome = "success";

    /// <summary>The outcome tag's value for a failed request.</summary>
    public const string ErrorOutcome = "error";

    /// <summary>Recommended explicit bucket boundaries in seconds: 1 ms to 10 s, about 20% apart up to 1 s.</summary>
    public static IReadOnlyList<double> RecommendedBoundariesSeconds { get; } =
    [
        0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.008, 0.010, 0.012, 0.015, 0.020, 0.025, 0.030, 0.040, 0.050, 0.060, 0.080,
        0.100, 0.120, 0.150, 0.200, 0.250, 0.300, 0.400, 0.500, 0.600, 0.800, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0,
    ];

    /// <summary>The explicit bucket boundaries, in seconds, of the <see cref="Recording.CanaryRecorder"/>'s own latency instrument
    /// <c>aigovernance.deployment.canary.latency</c> (its OpenTelemetry advice): the <c>le</c> values Prometheus sees for the
    /// series <see cref="PrometheusCanaryMetricSourceOptions.UseCanaryRecorderSeries"/> reads, and so the resolution of the
    /// latency quantiles read through them.</summary>
    public static IReadOnlyList<double> RecorderLatencyBoundariesSeconds => DeploymentTelemetry.LatencyBucketBoundaries;
}
