using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Deployment.Canary.Metrics;

/// <summary>Options of <see cref="PrometheusCanaryMetricSource"/>: the server, the PromQL templates and the limits.</summary>
/// <remarks>
/// <para>Templates are PromQL with placeholders: <c>{rollout}</c> (the query's rollout name), <c>{variant}</c>
/// (<see cref="BaselineVariant"/> or <see cref="CandidateVariant"/>; required in every template) and <c>{window}</c> (the
/// window's length in whole seconds, for example <c>300s</c>). Inserted values are restricted to
/// <see cref="CanaryMetricQuery.RolloutNamePattern"/>, so no PromQL escaping is needed.</para>
/// <para>A template without <c>{window}</c> selects cumulative counters: it is evaluated at the window's end and at its
/// start, and the difference is the window's traffic — exact counts, but a counter reset inside the window (a restarted
/// pod) makes a count decrease, which the source refuses rather than guess. A template with <c>{window}</c> (for example
/// <c>increase(...[{window}])</c>) is evaluated once at the end; Prometheus extrapolates such increases to the window's
/// edges, so the counts are estimates, rounded to the nearest integer.</para>
/// <para>The defaults read the histogram <see cref="CanaryInstruments.RequestDuration"/> as OpenTelemetry's Prometheus
/// exporter publishes it.</para>
/// </remarks>
public sealed class PrometheusCanaryMetricSourceOptions
{
    /// <summary>The name of the <see cref="System.Net.Http.IHttpClientFactory"/> client the source uses.</summary>
    public const string HttpClientName = "AiGovernance.Deployment.Prometheus";

    /// <summary>The default request-count template: the histogram's count per variant.</summary>
    public const string DefaultRequestsQuery =
        "sum(" + CanaryInstruments.PrometheusRequestDuration + "_count{rollout=\"{rollout}\",variant=\"{variant}\"})";

    /// <summary>The default error-count template: the histogram's count of failed requests per variant.</summary>
    public const string DefaultErrorsQuery =
        "sum(" + CanaryInstruments.PrometheusRequestDuration + "_count{rollout=\"{rollout}\",variant=\"{variant}\",outcome=\"error\"})";

    /// <summary>The default latency-bucket template: the histogram's cumulative buckets per variant, summed over every other
    /// label but <c>le</c>.</summary>
    public const string DefaultLatencyBucketsQuery =
        "sum by (le) (" + CanaryInstruments.PrometheusRequestDuration + "_bucket{rollout=\"{rollout}\",variant=\"{variant}\"})";

    /// <summary>The Prometheus server, for example <c>http://prometheus:9090/</c> (absolute, http or https).</summary>
    /// <value>The default value is null: it must be configured.</value>
    [Required]
    public Uri? BaseAddress { get; set; }

    /// <summary>How long one query may take, sent to Prometheus as its <c>timeout</c> too.</summary>
    /// <value>The default value is 10 seconds.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    #pragma warning restore IL2026
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The request-count template (one series or none).</summary>
    /// <value>The default value is <see cref="DefaultRequestsQuery"/>.</value>
    [Required]
    [StringLength(4000, MinimumLength = 1)]
    public string RequestsQuery { get; set; } = DefaultRequestsQuery;

    /// <summary>The error-count template (one series or none).</summary>
    /// <value>The default value is <see cref="DefaultErrorsQuery"/>.</value>
    [Required]
    [StringLength(4000, MinimumLength = 1)]
    public string ErrorsQuery { get; set; } = DefaultErrorsQuery;

    /// <summary>The latency-bucket template: one series per <c>le</c> label, cumulative, including <c>+Inf</c>.</summary>
    /// <value>The default value is <see cref="DefaultLatencyBucketsQuery"/>.</value>
    [Required]
    [StringLength(4000, MinimumLength = 1)]
    public string LatencyBucketsQuery { get; set; } = DefaultLatencyBucketsQuery;

    /// <summary>The value of <c>{variant}</c> for the baseline.</summary>
    /// <value>The default value is "baseline".</value>
    [Required]
    [RegularExpression(CanaryMetricQuery.RolloutNamePattern)]
    public string BaselineVariant { get; set; } = CanaryInstruments.BaselineVariant;

    /// <summary>The value of <c>{variant}</c> for the candidate.</summary>
    /// <value>The default value is "candidate".</value>
    [Required]
    [RegularExpression(CanaryMetricQuery.RolloutNamePattern)]
    public string CandidateVariant { get; set; } = CanaryInstruments.CandidateVariant;

    /// <summary>The unit of the <c>le</c> bucket boundaries (seconds for OpenTelemetry's exporter; one millisecond for
    /// histograms recorded in milliseconds).</summary>
    /// <value>The default value is 1 second.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), "00:00:00.000001", "01:00:00")]
    #pragma warning restore IL2026
    public TimeSpan BucketBoundaryUnit { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest response body read, in bytes.</summary>
    /// <value>The default value is 4 MiB.</value>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 4 * 1024 * 1024;
}
