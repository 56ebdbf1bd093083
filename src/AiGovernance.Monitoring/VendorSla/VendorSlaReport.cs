using System.Globalization;
using System.Text;
using System.Text.Json;
using AiGovernance.Monitoring.Serialization;
using AiGovernance.Shared;

namespace AiGovernance.Monitoring.VendorSla;

/// <summary>A vendor's measured performance over a rolling window against its contract, for accountability discussions.</summary>
public sealed record VendorSlaReport
{
    /// <summary>The vendor.</summary>
    public required string Vendor { get; init; }

    /// <summary>The vendor's component.</summary>
    public required string Component { get; init; }

    /// <summary>The window's start (exclusive).</summary>
    public DateTimeOffset WindowStart { get; init; }

    /// <summary>The window's end (inclusive): the time the report was made.</summary>
    public DateTimeOffset WindowEnd { get; init; }

    /// <summary>The verdict.</summary>
    public VendorSlaStatus Status { get; init; }

    /// <summary>Predictions logged in the window.</summary>
    public int RecordCount { get; init; }

    /// <summary>Predictions in the window with ground truth.</summary>
    public int LabelledCount { get; init; }

    /// <summary>Predictions in the window with a latency.</summary>
    public int LatencyCount { get; init; }

    /// <summary>Observed accuracy; NaN without labelled records.</summary>
    public double Accuracy { get; init; }

    /// <summary>Observed precision; NaN without predicted positives.</summary>
    public double Precision { get; init; }

    /// <summary>Observed recall; NaN without actual positives.</summary>
    public double Recall { get; init; }

    /// <summary>Observed 95th-percentile latency in milliseconds (linear interpolation, R type 7); NaN without latencies.</summary>
    public double LatencyP95Milliseconds { get; init; }

    /// <summary>Observed 99th-percentile latency in milliseconds; NaN without latencies.</summary>
    public double LatencyP99Milliseconds { get; init; }

    /// <summary>The contract.</summary>
    public required VendorSlaBaseline Baseline { get; init; }

    /// <summary>Significant shortfalls (empty unless <see cref="Status"/> is <see cref="VendorSlaStatus.Violated"/>).</summary>
    public IReadOnlyList<VendorSlaViolation> Violations { get; init; } = [];

    /// <summary>Parses a report written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    /// <exception cref="JsonException">The text is not a report.</exception>
    public static VendorSlaReport FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize(json, MonitoringJsonContext.Default.VendorSlaReport)
            ?? throw new JsonException("The JSON text is null, not a vendor SLA report.");
    }

    /// <summary>Serialises the report as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, MonitoringJsonContext.Default.VendorSlaReport);

    /// <summary>Renders the report as Markdown: metrics against the contract and the violations.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"# Vendor AI performance report: {Vendor} / {Component}\n\n");
        b.Append(CultureInfo.InvariantCulture, $"Period: {InvariantFormat.Timestamp(WindowStart)} – {InvariantFormat.Timestamp(WindowEnd)} · " +
            $"Records: {RecordCount} · Labelled: {LabelledCount}\n\n");
        var status = Status switch
        {
            VendorSlaStatus.Violated => "VIOLATED",
            VendorSlaStatus.InsufficientData => "INSUFFICIENT DATA",
            _ => "COMPLIANT",
        };
        b.Append(CultureInfo.InvariantCulture, $"SLA status: **{status}**\n\n");
        MarkdownTable.Header(b, "Metric", "Observed", "Contracted");
        MarkdownTable.Row(b, "Accuracy", InvariantFormat.Number(Accuracy, "F3"), InvariantFormat.Number(Baseline.Accuracy, "F3"));
        MarkdownTable.Row(b, "Precision", InvariantFormat.Number(Precision, "F3"), InvariantFormat.Number(Baseline.Precision, "F3"));
        MarkdownTable.Row(b, "Recall", InvariantFormat.Number(Recall, "F3"), InvariantFormat.Number(Baseline.Recall, "F3"));
        MarkdownTable.Row(b, "Latency P95 (ms)", InvariantFormat.Number(LatencyP95Milliseconds, "F1"),
            InvariantFormat.Number(Baseline.LatencyP95.TotalMilliseconds, "F1"));
        MarkdownTable.Row(b, "Latency P99 (ms)", InvariantFormat.Number(LatencyP99Milliseconds, "F1"),
            InvariantFormat.Number(Baseline.LatencyP99.TotalMilliseconds, "F1"));
        if (Violations.Count > 0)
        {
            b.Append("\n## Violations\n\n");
            foreach (var violation in Violations)
            {
                b.Append("- ").Append(violation.Message).Append('\n');
            }
        }

        return b.ToString();
    }
}
