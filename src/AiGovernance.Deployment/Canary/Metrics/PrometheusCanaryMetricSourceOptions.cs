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
/// exporter publishes it (tags <c>rollout</c>, <c>variant</c>, <c>outcome</c>). <see cref="UseCanaryRecorderSeries"/> switches
/// the three templates to the series a <see cref="Recording.CanaryRecorder"/> exports instead
/// (<see cref="CanaryRecorderRequestsQuery"/>, <see cref="CanaryRecorderErrorsQuery"/>,
/// <see cref="CanaryRecorderLatencyBucketsQuery"/>): its counters and its latency histogram, tagged <c>variant</c> only.</para>
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

    /// <summary>The request-count template of <see cref="UseCanaryRecorderSeries"/>: the <see cref="Recording.CanaryRecorder"/>'s
    /// counter <c>aigovernance.deployment.canary.requests</c> per variant, every process summed.</summary>
    public const string CanaryRecorderRequestsQuery = "sum(aigovernance_deployment_canary_requests_total{variant=\"{variant}\"})";

    /// <summary>The error-count template of <see cref="UseCanaryRecorderSeries"/>: the counter
    /// <c>aigovernance.deployment.canary.errors</c> per variant.</summary>
    public const string CanaryRecorderErrorsQuery = "sum(aigovernance_deployment_canary_errors_total{variant=\"{variant}\"})";

    /// <summary>The latency-bucket template of <see cref="UseCanaryRecorderSeries"/>: the histogram
    /// <c>aigovernance.deployment.canary.latency</c>'s cumulative buckets per variant, summed over every label but <c>le</c>.</summary>
    public const string CanaryRecorderLatencyBucketsQuery =
        "sum by (le) (aigovernance_deployment_canary_latency_seconds_bucket{variant=\"{variant}\"})";

    private const string VariantMatcher = "variant=\"{variant}\"";

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

    /// <summary>Points the three templates at the series a <see cref="Recording.CanaryRecorder"/> exports through OpenTelemetry's
    /// Prometheus exporter (docs/telemetry.md): <c>aigovernance_deployment_canary_requests_total</c>, <c>_errors_total</c> and
    /// <c>aigovernance_deployment_canary_latency_seconds_bucket</c>, by <c>variant</c>.</summary>
    /// <param name="labelSelector">Extra label matchers added to every series selector, for example
    /// <c>job="credit-scoring"</c> or <c>rollout="{rollout}"</c>; empty for none. It may hold the placeholders <c>{rollout}</c> and
    /// <c>{window}</c>.</param>
    /// <returns>These options, for chaining.</returns>
    /// <remarks>
    /// <para>Separating rollouts: the recorder's series carry no <c>rollout</c> label (a process has one
    /// <see cref="Recording.CanaryRecorder"/>, so one rollout at a time), and without a selector the templates sum the series
    /// of every scraped process — right only when one service's canary is in Prometheus. A Prometheus holding several services
    /// or rollouts separates them by the labels Prometheus attaches to the scrape target: its <c>job</c> and <c>instance</c>,
    /// labels set in the scrape configuration (<c>static_configs.labels</c>, <c>file_sd</c>, relabelling; for example
    /// <c>rollout: credit-scorer-2</c> on the targets serving that rollout and <c>rollout="{rollout}"</c> here), or, for
    /// metrics pushed with OTLP, the resource attributes Prometheus promotes to labels (<c>service.name</c> becomes
    /// <c>job</c>).</para>
    /// <para>Cumulative counters: the templates have no <c>{window}</c>, so counts are exact differences between the window's
    /// end and start (a restarted process inside the window is refused, see the class remarks).</para>
    /// <para>Resolution: the latency histogram's boundaries are its OpenTelemetry advice (seconds: 0.001, 0.0025, 0.005, 0.01,
    /// 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10), far coarser than the recorder's own log-linear buckets
    /// (1/256); they are <see cref="CanaryInstruments.RecorderLatencyBoundariesSeconds"/>. A latency quantile read through
    /// Prometheus is at least the in-process one (less 1/256) and at most the smallest boundary at or above it (plus 1/256);
    /// above 10 s it is the layout's last bucket. Counts, error rates, the
    /// sample-ratio check and every error-rate statistic are exact; the Mann–Whitney test and Hodges–Lehmann shift are those
    /// of the grouped data.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="labelSelector"/> is null.</exception>
    public PrometheusCanaryMetricSourceOptions UseCanaryRecorderSeries(string labelSelector = "")
    {
        ArgumentNullException.ThrowIfNull(labelSelector);
        var selector = labelSelector.Trim().Trim(',');
        RequestsQuery = WithSelector(CanaryRecorderRequestsQuery, selector);
        ErrorsQuery = WithSelector(CanaryRecorderErrorsQuery, selector);
        LatencyBucketsQuery = WithSelector(CanaryRecorderLatencyBucketsQuery, selector);
        BucketBoundaryUnit = TimeSpan.FromSeconds(1);
        return this;
    }

    private static string WithSelector(string template, string selector) => selector.Length == 0
        ? template
        : template.Replace(VariantMatcher, VariantMatcher + "," + selector, StringComparison.Ordinal);
}
