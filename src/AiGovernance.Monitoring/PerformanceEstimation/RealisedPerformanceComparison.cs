using System.Globalization;
using System.Text;
using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Serialization;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>A window's realised performance, once its labels arrived, against what was estimated without them. A gap
/// outside the band means the estimator no longer holds — usually concept drift (P(y | x) changed), which confidence-based
/// and direct loss estimation cannot see.</summary>
/// <remarks>
/// <para>Every metric records its gap and whether the realised value fell outside the estimate's band. The alert watches a
/// few metrics (by default accuracy and ROC AUC for classifiers, MAE and RMSE for regressors) and fires when one of
/// them lies beyond estimate ± z·se with z for a coverage of 1 − (1 − confidence level)/k over the k watched metrics
/// (Bonferroni), so an estimator that still holds raises a false alert in at most 1 − confidence level of windows.</para>
/// </remarks>
public sealed record RealisedPerformanceComparison
{
    /// <summary>The window's name.</summary>
    public string Window { get; init; } = string.Empty;

    /// <summary>Labelled predictions compared.</summary>
    public long Count { get; init; }

    /// <summary>The estimate's band coverage.</summary>
    public double ConfidenceLevel { get; init; }

    /// <summary>The metrics the alert watches.</summary>
    public IReadOnlyList<EstimatedMetric> AlertMetrics { get; init; } = [];

    /// <summary>Every estimated metric against its realised value.</summary>
    public IReadOnlyList<PerformanceGap> Gaps { get; init; } = [];

    /// <summary>Whether a watched metric's realised value lies beyond its alert band: the estimator no longer holds.</summary>
    public bool IsAlert { get; init; }

    /// <summary>The gap of one metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The gap.</returns>
    /// <exception cref="KeyNotFoundException">The metric was not compared.</exception>
    public PerformanceGap Get(EstimatedMetric metric) =>
        Gaps.FirstOrDefault(g => g.Metric == metric) ?? throw new KeyNotFoundException($"{metric} was not compared.");

    /// <summary>An event for the <see cref="DriftResponseWorkflow"/> of kind <see cref="DriftEventKind.EstimationGap"/>:
    /// the degradation is the largest shortfall of a watched metric (realised worse than estimated); an alert is at least
    /// <see cref="Severity.Medium"/>, because estimates that no longer hold must be looked at even when the labels
    /// turned out better than estimated.</summary>
    /// <param name="systemId">The AI system.</param>
    /// <returns>The event.</returns>
    public DriftEvent ToDriftEvent(string systemId)
    {
        double shortfall = 0;
        foreach (var gap in Gaps)
        {
            if (gap.IsAlerting && !double.IsNaN(gap.Shortfall))
            {
                shortfall = Math.Max(shortfall, gap.Shortfall);
            }
        }

        var alerting = Gaps.Where(g => g.IsAlerting).Select(g => string.Create(CultureInfo.InvariantCulture,
            $"{g.Metric} realised {g.Realised:F4} vs estimated {g.Estimated:F4} [{g.Lower:F4}, {g.Upper:F4}]"));
        return new DriftEvent
        {
            SystemId = systemId,
            Kind = DriftEventKind.EstimationGap,
            Subject = "label-free estimate",
            Degradation = shortfall,
            MinimumSeverity = IsAlert ? Severity.Medium : null,
            Summary = IsAlert
                ? $"{Window}: realised performance left the estimate's band, so the estimator no longer holds (concept drift?): "
                    + $"{string.Join("; ", alerting)}."
                : $"{Window}: realised performance within the estimate's bands.",
        };
    }

    /// <summary>Serialises the comparison as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, MonitoringJsonContext.Default.RealisedPerformanceComparison);

    /// <summary>Parses a comparison written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    /// <exception cref="JsonException">The text is not a comparison.</exception>
    public static RealisedPerformanceComparison FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize(json, MonitoringJsonContext.Default.RealisedPerformanceComparison)
            ?? throw new JsonException("The JSON text is null, not a realised-versus-estimated comparison.");
    }

    /// <summary>Renders the comparison as Markdown.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"# Realised versus estimated — {MarkdownTable.Cell(Window)}\n\n");
        b.Append(IsAlert ? "**Alert**: the estimator no longer holds.\n\n" : "The estimates held.\n\n");
        MarkdownTable.Header(b, "Metric", "Estimated", "Band", "Realised", "Gap", "Outside band", "Alert");
        foreach (var g in Gaps)
        {
            MarkdownTable.Row(b, g.Metric.ToString(), InvariantFormat.Number(g.Estimated, "F4"),
                $"[{InvariantFormat.Number(g.Lower, "F4")}, {InvariantFormat.Number(g.Upper, "F4")}]", InvariantFormat.Number(g.Realised, "F4"),
                InvariantFormat.Number(g.Gap, "+0.0000;-0.0000"), g.IsOutsideBand ? "yes" : "no", g.IsAlerting ? "**yes**" : "no");
        }

        return b.ToString();
    }

    internal static RealisedPerformanceComparison Create(
        EstimatedPerformance estimate,
        IReadOnlyDictionary<EstimatedMetric, double> realised,
        long count,
        IReadOnlyCollection<EstimatedMetric> alertMetrics)
    {
        var watched = alertMetrics.Where(m => estimate.Metrics.Any(e => e.Metric == m && e.IsDefined)).Distinct().ToArray();
        var alpha = (1 - estimate.ConfidenceLevel) / Math.Max(1, watched.Length);
        var gaps = new List<PerformanceGap>(estimate.Metrics.Count);
        var alert = false;
        foreach (var e in estimate.Metrics)
        {
            var value = realised.TryGetValue(e.Metric, out var r) ? r : double.NaN;
            var outside = e.IsDefined && !double.IsNaN(value) && !(value >= e.Lower && value <= e.Upper);
            var alerting = watched.Contains(e.Metric) && !double.IsNaN(value)
                && !new BandedEstimate(e.Estimate, e.StandardError, e.Lower, e.Upper).IsWithin(value, 1 - alpha);
            alert |= alerting;
            gaps.Add(new PerformanceGap(e.Metric, e.Estimate, e.Lower, e.Upper, e.StandardError, value, outside, alerting));
        }

        return new RealisedPerformanceComparison
        {
            Window = estimate.Window,
            Count = count,
            ConfidenceLevel = estimate.ConfidenceLevel,
            AlertMetrics = watched,
            Gaps = gaps,
            IsAlert = alert,
        };
    }
}
