using System.Text.Json.Serialization;
using AiGovernance.Core.Reports;
using AiGovernance.Deployment.Canary;
using AiGovernance.Reporting.Layout;

namespace AiGovernance.Reporting.Canary;

/// <summary>A canary analysis (baseline against candidate: error rate, latency, sample ratio, business metrics, the
/// decision and its reasons) and, optionally, the rollout's history of stages.</summary>
/// <remarks>Sections: <c>summary</c>, <c>error-rate</c>, <c>latency</c>, <c>business-metrics</c> (when any),
/// <c>reasons</c>, <c>rollout-history</c> (when given: traffic share over time and the transitions).</remarks>
public sealed class CanaryReportDocument : ReportDocument
{
    /// <inheritdoc />
    public override string Kind => GovernanceReportKinds.Canary;

    /// <summary>The rollout's name.</summary>
    public required string Rollout { get; init; }

    /// <summary>The decision.</summary>
    public CanaryDecision Decision { get; init; }

    /// <summary>Sequential (always-valid) or fixed-sample.</summary>
    public CanaryAnalysisMode Mode { get; init; }

    /// <summary>Requests served by the baseline.</summary>
    public long BaselineRequests { get; init; }

    /// <summary>Requests served by the candidate.</summary>
    public long CandidateRequests { get; init; }

    /// <summary>The error-rate comparison, when made.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CanaryErrorRate? ErrorRate { get; init; }

    /// <summary>The latency comparison, when made.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CanaryLatency? Latency { get; init; }

    /// <summary>The sample-ratio check, when made.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CanarySampleRatio? SampleRatio { get; init; }

    /// <summary>Business metrics.</summary>
    public IReadOnlyList<CanaryBusinessMetric> BusinessMetrics { get; init; } = [];

    /// <summary>Why the decision was made.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The rollout's transitions, oldest first, when given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RolloutHistoryEntry>? History { get; init; }

    /// <summary>Takes a canary analysis and, optionally, the rollout's history.</summary>
    /// <param name="systemName">The AI system; the report is titled with it.</param>
    /// <param name="rollout">The rollout's name.</param>
    /// <param name="analysis">The analysis.</param>
    /// <param name="generatedAt">When the analysis ran.</param>
    /// <param name="history">The rollout's transitions, or <see langword="null"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="analysis"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="systemName"/> or <paramref name="rollout"/> is empty.</exception>
    public static CanaryReportDocument Create(string systemName, string rollout, CanaryAnalysis analysis, DateTimeOffset generatedAt,
        IEnumerable<RolloutHistoryEntry>? history = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemName);
        ArgumentException.ThrowIfNullOrWhiteSpace(rollout);
        ArgumentNullException.ThrowIfNull(analysis);
        return new CanaryReportDocument
        {
            SystemName = systemName,
            GeneratedAt = generatedAt,
            Rollout = rollout,
            Decision = analysis.Decision,
            Mode = analysis.Mode,
            BaselineRequests = analysis.BaselineRequests,
            CandidateRequests = analysis.CandidateRequests,
            ErrorRate = analysis.ErrorRate is { } e ? CanaryErrorRate.From(e) : null,
            Latency = analysis.Latency is { } l ? CanaryLatency.From(l) : null,
            SampleRatio = analysis.SampleRatio is { } s ? CanarySampleRatio.From(s) : null,
            BusinessMetrics = [.. analysis.BusinessMetrics.Select(CanaryBusinessMetric.From)],
            Reasons = analysis.Reasons,
            History = history?.OrderBy(h => h.At).ToList(),
        };
    }

    private protected override ReportLayout BuildLayout(ReportContext context) => CanaryLayout.Build(this, context);
}
