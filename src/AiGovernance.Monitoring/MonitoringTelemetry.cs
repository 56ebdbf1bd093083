using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Shared;

namespace AiGovernance.Monitoring;

/// <summary>The Monitoring package's meter, <see cref="MeterName"/>, and its instruments (docs/telemetry.md lists them).</summary>
/// <remarks>Components created by DI get the meter from the host's <see cref="IMeterFactory"/>; a component created without
/// a factory, and the static <c>DataSchema.Validate</c>, record on one process-wide meter of the same name.</remarks>
public sealed class MonitoringTelemetry
{
    /// <summary>The meter's name, for example for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "AiGovernance.Monitoring";

    /// <summary>The activity source's name (spans for drift runs (<c>aigovernance.monitoring.drift.compare</c>),
    /// with the decision and its reason as the attributes <c>aigovernance.decision</c> and <c>aigovernance.decision.reason</c>),
    /// for example for OpenTelemetry's <c>AddSource</c>.</summary>
    public const string ActivitySourceName = MeterName;

    private static readonly Lazy<MonitoringTelemetry> ProcessWide = new(() => new MonitoringTelemetry(
        new Meter(MeterName, typeof(MonitoringTelemetry).Assembly.GetName().Version?.ToString())));

    /// <summary>The source of the package's spans.</summary>
    internal static readonly ActivitySource Activities = new(ActivitySourceName);

    private readonly Gauge<double> _columnPsi;
    private readonly Gauge<double> _driftedColumnShare;
    private readonly Counter<long> _driftEvents;
    private readonly Counter<long> _handlerFailures;
    private readonly Counter<long> _slaViolations;
    private readonly Counter<long> _validationViolations;

    private MonitoringTelemetry(Meter meter)
    {
        _columnPsi = meter.CreateGauge<double>("aigovernance.monitoring.drift.psi", unit: "1",
            description: "Population stability index per column of the latest comparison (tag column).");
        _driftedColumnShare = meter.CreateGauge<double>("aigovernance.monitoring.drift.drifted_column_share", unit: "1",
            description: "Share of columns flagged as drifted in the latest comparison.");
        _driftEvents = meter.CreateCounter<long>("aigovernance.monitoring.drift.events", unit: "{event}",
            description: "Drift events received by the response workflow (tags severity, disposition).");
        _handlerFailures = meter.CreateCounter<long>("aigovernance.monitoring.drift.handler_failures", unit: "{failure}",
            description: "Drift response handlers that threw (tag handler).");
        _slaViolations = meter.CreateCounter<long>("aigovernance.monitoring.vendor.sla_violations", unit: "{violation}",
            description: "Vendor SLA violations found in reports (tags vendor, metric).");
        _validationViolations = meter.CreateCounter<long>("aigovernance.monitoring.validation.violations", unit: "{violation}",
            description: "Schema violations found by ingestion validation (tag rule).");
    }

    /// <summary>The process-wide instruments, for static APIs and components created without a meter factory.</summary>
    internal static MonitoringTelemetry Shared => ProcessWide.Value;

    /// <summary>Instruments on a meter from <paramref name="meterFactory"/>, or on the process-wide meter when none is given.</summary>
    internal static MonitoringTelemetry Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? ProcessWide.Value : new MonitoringTelemetry(meterFactory.Create(new MeterOptions(MeterName)));

    internal void RecordColumnPsi(string column, double psi) => _columnPsi.Record(psi, new KeyValuePair<string, object?>("column", column));

    internal void RecordDriftedColumnShare(double share) => _driftedColumnShare.Record(share);

    internal void RecordDriftEvent(string severity, string disposition) =>
        _driftEvents.Add(1, new KeyValuePair<string, object?>("severity", severity), new KeyValuePair<string, object?>("disposition", disposition));

    internal void RecordHandlerFailure(string handler) => _handlerFailures.Add(1, new KeyValuePair<string, object?>("handler", handler));

    internal void RecordSlaViolation(string vendor, string metric) =>
        _slaViolations.Add(1, new KeyValuePair<string, object?>("vendor", vendor), new KeyValuePair<string, object?>("metric", metric));

    /// <summary>Sets a drift run's decision (drift / no_drift), the drifted columns as its reason, and its counts on its span.</summary>
    internal static DataDriftReport TagDriftRun(Activity? activity, DataDriftReport report)
    {
        if (activity is { IsAllDataRequested: true })
        {
            DecisionActivity.SetDecision(activity, report.DatasetDrift ? "drift" : "no_drift", report, static r => r.DriftedColumnCount == 0
                ? "no column drifted"
                : string.Create(CultureInfo.InvariantCulture, $"{r.DriftedColumnCount} of {r.ColumnCount} columns drifted (share threshold " +
                    $"{r.DriftShareThreshold}): ") + string.Join(", ", r.Columns.Where(c => c.IsDrifted).Select(c => c.Column)));
            activity.SetTag("aigovernance.drift.severity", report.Severity.ToString());
            activity.SetTag("aigovernance.drift.columns", report.ColumnCount);
            activity.SetTag("aigovernance.drift.drifted_columns", report.DriftedColumnCount);
            activity.SetTag("aigovernance.drift.max_psi", report.MaxPsi);
            activity.SetTag("aigovernance.drift.current_rows", report.CurrentRowCount);
        }

        return report;
    }

    internal void RecordValidationViolation(string rule) => _validationViolations.Add(1, new KeyValuePair<string, object?>("rule", rule));
}
