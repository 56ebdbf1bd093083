using OpenTelemetry.Exporter;

namespace AiGovernance.Samples.GatedService.Telemetry;

/// <summary>Where the service's metrics and traces go (section <see cref="SectionName"/>): a Prometheus scrape endpoint and
/// an OTLP exporter, each off unless configured (appsettings.Development.json turns the scrape endpoint on).</summary>
public sealed class TelemetryExportOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>The scrape endpoint's path.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Whether <c>GET /metrics</c> serves the metrics in the Prometheus text format (OpenMetrics when asked).</summary>
    public bool PrometheusEndpoint { get; set; }

    /// <summary>The OTLP collector's endpoint (for example <c>http://localhost:4317</c>); no OTLP export when null.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The OTLP transport: <see cref="OtlpExportProtocol.Grpc"/> (port 4317) or
    /// <see cref="OtlpExportProtocol.HttpProtobuf"/> (port 4318).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;
}
