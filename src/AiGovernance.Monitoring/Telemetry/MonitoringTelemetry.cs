using System.Diagnostics.Metrics;

namespace AiGovernance.Monitoring.Telemetry;

/// <summary>The package's one <see cref="Meter"/>, "AiGovernance.Monitoring", and its instruments.</summary>
internal static class MonitoringTelemetry
{
    public const string MeterName = "AiGovernance.Monitoring";

    public static readonly Meter Meter = new(MeterName, typeof(MonitoringTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>PSI per column of the latest data-drift comparison (tags: column).</summary>
    public static readonly Gauge<double> ColumnPsi = Meter.CreateGauge<double>("aigovernance.monitoring.drift.psi", description: "Population stability index per column of the latest comparison.");

    /// <summary>Share of drifted columns of the latest data-drift comparison.</summary>
    public static readonly Gauge<double> DriftedColumnShare = Meter.CreateGauge<double>("aigovernance.monitoring.drift.drifted_column_share", description: "Share of columns flagged as drifted in the latest comparison.");

    /// <summary>Drift events received by the response workflow (tags: severity, disposition).</summary>
    public static readonly Counter<long> DriftEvents = Meter.CreateCounter<long>("aigovernance.monitoring.drift.events", unit: "{event}", description: "Drift events received by the response workflow.");

    /// <summary>Drift response handler failures (tags: handler).</summary>
    public static readonly Counter<long> HandlerFailures = Meter.CreateCounter<long>("aigovernance.monitoring.drift.handler_failures", unit: "{failure}", description: "Drift response handlers that threw.");

    /// <summary>Vendor SLA violations found (tags: vendor, metric).</summary>
    public static readonly Counter<long> SlaViolations = Meter.CreateCounter<long>("aigovernance.monitoring.vendor.sla_violations", unit: "{violation}", description: "Vendor SLA violations found in reports.");

    /// <summary>Ingestion validation violations (tags: rule).</summary>
    public static readonly Counter<long> ValidationViolations = Meter.CreateCounter<long>("aigovernance.monitoring.validation.violations", unit: "{violation}", description: "Schema violations found by ingestion validation.");
}
