using AiGovernance.Deployment;
using AiGovernance.Gates;
using AiGovernance.Monitoring;
using AiGovernance.Monitoring.Orleans;
using AiGovernance.Oversight;
using AiGovernance.Scorecards;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AiGovernance.Samples.GatedService.Telemetry;

/// <summary>Exports every AiGovernance meter and activity source with the OpenTelemetry SDK, as docs/telemetry.md shows.</summary>
public static class TelemetryExport
{
    /// <summary>The meters exported: every package the service uses (the storage packages by wildcard).</summary>
    public static readonly string[] Meters =
    [
        GatesTelemetry.MeterName, MonitoringTelemetry.MeterName, DeploymentTelemetry.MeterName, OversightTelemetry.MeterName,
        ScorecardsTelemetry.MeterName, OrleansMonitoringTelemetry.MeterName, "AiGovernance.Storage.*",
    ];

    /// <summary>The activity sources traced: the four decision sources, Orleans monitoring and the storage packages.</summary>
    public static readonly string[] Sources =
    [
        GatesTelemetry.ActivitySourceName, MonitoringTelemetry.ActivitySourceName, DeploymentTelemetry.ActivitySourceName,
        OversightTelemetry.ActivitySourceName, OrleansMonitoringTelemetry.ActivitySourceName, "AiGovernance.Storage.*",
    ];

    /// <summary>Registers the OpenTelemetry SDK: metrics with trace-based exemplars, traces, the Prometheus exporter when the
    /// scrape endpoint is on, OTLP when an endpoint is configured.</summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The export settings read from configuration.</returns>
    public static TelemetryExportOptions AddTelemetryExport(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryExportOptions.SectionName).Get<TelemetryExportOptions>() ?? new();
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).SetExemplarFilter(ExemplarFilterType.TraceBased);
                if (options.PrometheusEndpoint)
                {
                    metrics.AddPrometheusExporter();
                }

                if (options.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (endpoint, options.OtlpProtocol));
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(Sources);
                if (options.OtlpEndpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (endpoint, options.OtlpProtocol));
                }
            });
        return options;
    }
}
