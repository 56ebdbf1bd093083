using System.Globalization;
using System.Text;
using System.Text.Json;
using AiGovernance.Core.Reports;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Serialization;
using AiGovernance.Shared;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>A window's performance estimated before its labels arrived: every metric with its band and the reference's
/// realised value, produced by <see cref="ConfidenceBasedPerformanceEstimator"/> (classifiers) or
/// <see cref="DirectLossEstimator"/> (regressors).</summary>
/// <remarks>Serialises to JSON (<see cref="ToJson"/>/<see cref="FromJson"/>) and converts to a
/// <see cref="GovernanceReport"/> (<see cref="ToGovernanceReport"/>) for the report history, and
/// feeds the trend detector (<see cref="Trends.ConceptDriftDetector.DetectTrend(IReadOnlyList{EstimatedPerformance}, EstimatedMetric, double)"/>),
/// the drift response workflow (<see cref="ToDriftEvent"/>) and, mapped by the caller, a performance gate.</remarks>
public sealed record EstimatedPerformance
{
    /// <summary>The window's name (for example "2026-W31").</summary>
    public string Window { get; init; } = string.Empty;

    /// <summary>When the window ended, if known.</summary>
    public DateTimeOffset? WindowEnd { get; init; }

    /// <summary>When the estimate was made.</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>"CBPE" (confidence-based performance estimation) or "DLE" (direct loss estimation).</summary>
    public string Estimator { get; init; } = string.Empty;

    /// <summary>The calibrator or loss learner behind the estimate, in words.</summary>
    public string Method { get; init; } = string.Empty;

    /// <summary>Predictions in the window.</summary>
    public long Count { get; init; }

    /// <summary>The bands' two-sided coverage.</summary>
    public double ConfidenceLevel { get; init; }

    /// <summary>The estimated metrics, in <see cref="EstimatedMetric"/> order.</summary>
    public IReadOnlyList<EstimatedMetricValue> Metrics { get; init; } = [];

    /// <summary>The expected confusion matrix (CBPE only; <see langword="null"/> for DLE).</summary>
    public ExpectedConfusionMatrix? ExpectedConfusion { get; init; }

    /// <summary>CBPE: bound on the ROC AUC's binning error; NaN for DLE.</summary>
    public double RocAucResolution { get; init; } = double.NaN;

    /// <summary>CBPE: the reference's cross-validated expected calibration error the estimate relies on; NaN for DLE.</summary>
    public double ReferenceCalibrationError { get; init; } = double.NaN;

    /// <summary>The estimate of one metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="KeyNotFoundException">This estimator does not estimate <paramref name="metric"/>.</exception>
    public EstimatedMetricValue Get(EstimatedMetric metric)
    {
        foreach (var value in Metrics)
        {
            if (value.Metric == metric)
            {
                return value;
            }
        }

        throw new KeyNotFoundException($"{Estimator} does not estimate {metric}; it estimates {string.Join(", ", Metrics.Select(m => m.Metric))}.");
    }

    /// <summary>An event for the <see cref="DriftResponseWorkflow"/>: the estimated metric against the reference, with the
    /// degradation taken at the band's edge (how much worse at least), so sampling noise alone does not act.</summary>
    /// <param name="systemId">The AI system.</param>
    /// <param name="metric">The metric the event is about.</param>
    /// <returns>The event, of kind <see cref="DriftEventKind.EstimatedPerformance"/>, with the metric as its subject.</returns>
    /// <exception cref="KeyNotFoundException">This estimator does not estimate <paramref name="metric"/>.</exception>
    public DriftEvent ToDriftEvent(string systemId, EstimatedMetric metric)
    {
        var value = Get(metric);
        return new DriftEvent
        {
            SystemId = systemId,
            Kind = DriftEventKind.EstimatedPerformance,
            Subject = metric.ToString(),
            Degradation = value.Degradation,
            Summary = string.Create(CultureInfo.InvariantCulture,
                $"{Window}: estimated {metric} (no labels, {Estimator}) {value.Estimate:F4}, "
                + $"{ConfidenceLevel:P0} band [{value.Lower:F4}, {value.Upper:F4}] "
                + $"on {Count} predictions; reference {value.ReferenceValue:F4}; at least {value.Degradation:F4} worse."),
        };
    }

    /// <summary>The estimate as a report for an <see cref="IGovernanceReportStore"/>, of kind
    /// <see cref="GovernanceReportKinds.EstimatedPerformance"/>, dated at the window's end (or when it was generated);
    /// <see cref="FromJson"/> reads its <see cref="GovernanceReport.ContentJson"/> back.</summary>
    /// <param name="systemId">The AI system.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty or too long.</exception>
    public GovernanceReport ToGovernanceReport(string systemId)
    {
        using var content = JsonDocument.Parse(ToJson());
        return new GovernanceReport(systemId, GovernanceReportKinds.EstimatedPerformance, WindowEnd ?? GeneratedAt, content.RootElement);
    }

    /// <summary>Parses an estimate written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    /// <exception cref="JsonException">The text is not an estimated-performance report.</exception>
    public static EstimatedPerformance FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize(json, MonitoringJsonContext.Default.EstimatedPerformance)
            ?? throw new JsonException("The JSON text is null, not an estimated-performance report.");
    }

    /// <summary>Serialises the estimate as indented JSON (NaN written as "NaN").</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, MonitoringJsonContext.Default.EstimatedPerformance);

    /// <summary>Renders the estimate as Markdown: one row per metric with its band and the reference value.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"# Estimated performance — {MarkdownTable.Cell(Window)}\n\n");
        b.Append(CultureInfo.InvariantCulture,
            $"Estimated without labels by {Estimator} ({MarkdownTable.Cell(Method)}) on {Count} predictions · "
            + $"generated {InvariantFormat.Timestamp(GeneratedAt)} · "
            + $"bands at {ConfidenceLevel:P0}\n\n");
        MarkdownTable.Header(b, "Metric", "Estimate", "Band", "Reference", "At least worse by", "Band method");
        foreach (var m in Metrics)
        {
            MarkdownTable.Row(b, m.Metric.ToString(), InvariantFormat.Number(m.Estimate, "F4"),
                $"[{InvariantFormat.Number(m.Lower, "F4")}, {InvariantFormat.Number(m.Upper, "F4")}]", InvariantFormat.Number(m.ReferenceValue, "F4"),
                InvariantFormat.Number(m.Degradation, "F4"), m.BandMethod);
        }

        if (ExpectedConfusion is { } c)
        {
            b.Append("\nExpected confusion matrix (band):\n\n");
            MarkdownTable.Header(b, " ", "Actual positive", "Actual negative");
            MarkdownTable.Row(b, "Predicted positive", Cell(c.TruePositives), Cell(c.FalsePositives));
            MarkdownTable.Row(b, "Predicted negative", Cell(c.FalseNegatives), Cell(c.TrueNegatives));
        }

        return b.ToString();

        static string Cell(Statistics.BandedEstimate e) =>
            $"{InvariantFormat.Number(e.Estimate, "F1")} [{InvariantFormat.Number(e.Lower, "F1")}, {InvariantFormat.Number(e.Upper, "F1")}]";
    }
}
