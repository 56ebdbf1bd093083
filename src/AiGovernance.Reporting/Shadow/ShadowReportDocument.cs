using System.Text.Json.Serialization;
using AiGovernance.Core.Reports;
using AiGovernance.Deployment.Shadow;
using AiGovernance.Reporting.Charts;
using AiGovernance.Reporting.Formatting;
using AiGovernance.Reporting.Layout;

namespace AiGovernance.Reporting.Shadow;

/// <summary>A shadow comparison: the candidate ran beside the baseline on real traffic without serving it; how often they
/// agreed, how fast and how reliably the candidate ran, and whether the success criteria are met.</summary>
/// <remarks>Sections: <c>summary</c>, <c>agreement</c> (agreement with its Wilson interval), <c>latency</c> (P95 and P99
/// by arm against the latency limit), <c>criteria</c> (each criterion with its value and threshold).</remarks>
public sealed class ShadowReportDocument : ReportDocument
{
    /// <inheritdoc />
    public override string Kind => GovernanceReportKinds.Shadow;

    /// <summary>The candidate model's name or version.</summary>
    public required string Candidate { get; init; }

    /// <summary>Requests served by the baseline.</summary>
    public long TotalRequests { get; init; }

    /// <summary>Candidate runs.</summary>
    public long CandidateRuns { get; init; }

    /// <summary>Candidate runs over requests.</summary>
    public double? VolumeProcessed { get; init; }

    /// <summary>Requests not shadowed (concurrency bound).</summary>
    public long Skipped { get; init; }

    /// <summary>Candidate failures over runs.</summary>
    public double? CandidateErrorRate { get; init; }

    /// <summary>Candidate runs abandoned at the timeout.</summary>
    public long CandidateTimeouts { get; init; }

    /// <summary>Share of compared outputs that agree, with its 95% Wilson interval.</summary>
    public required EstimateWithInterval Agreement { get; init; }

    /// <summary>Baseline P95 and P99 in ms.</summary>
    public IReadOnlyList<double?> BaselineLatency { get; init; } = [];

    /// <summary>Candidate P95 and P99 in ms.</summary>
    public IReadOnlyList<double?> CandidateLatency { get; init; } = [];

    /// <summary>The P95 latency limit in ms, when criteria were given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MaxLatencyP95 { get; init; }

    /// <summary>Whether every success criterion is met.</summary>
    public bool MeetsCriteria { get; init; }

    /// <summary>Each criterion in words, failed ones first.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Why each <see langword="null"/> value is undefined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes a shadow analysis.</summary>
    /// <param name="systemName">The AI system; the report is titled with it.</param>
    /// <param name="candidate">The candidate's name or version.</param>
    /// <param name="analysis">The analysis.</param>
    /// <param name="generatedAt">When the analysis ran.</param>
    /// <param name="criteria">The criteria it was judged by, or <see langword="null"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="analysis"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="systemName"/> or <paramref name="candidate"/> is empty.</exception>
    public static ShadowReportDocument Create(string systemName, string candidate, ShadowAnalysis analysis, DateTimeOffset generatedAt,
        ShadowCriteria? criteria = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemName);
        ArgumentException.ThrowIfNullOrWhiteSpace(candidate);
        ArgumentNullException.ThrowIfNull(analysis);
        var r = new Json.NullReasons();
        static double? Q(double v) => double.IsFinite(v) ? v : null;
        double?[] baseline = [Q(analysis.BaselineP95), Q(analysis.BaselineP99)];
        double?[] candidateLatency = [Q(analysis.CandidateP95), Q(analysis.CandidateP99)];
        if (baseline.Any(v => v is null))
        {
            r.Add("baselineLatency", "no baseline traffic");
        }

        if (candidateLatency.Any(v => v is null))
        {
            r.Add("candidateLatency", "no candidate runs");
        }

        return new ShadowReportDocument
        {
            SystemName = systemName,
            GeneratedAt = generatedAt,
            Candidate = candidate,
            TotalRequests = analysis.TotalRequests,
            CandidateRuns = analysis.CandidateRuns,
            VolumeProcessed = r.Value(analysis.VolumeProcessed, "volumeProcessed", "no requests"),
            Skipped = analysis.Skipped,
            CandidateErrorRate = r.Value(analysis.CandidateErrorRate, "candidateErrorRate", "no candidate runs"),
            CandidateTimeouts = analysis.CandidateTimeouts,
            Agreement = double.IsNaN(analysis.AgreementRate)
                ? EstimateWithInterval.Of(double.NaN, double.NaN, double.NaN, "nothing was compared")
                : EstimateWithInterval.Of(analysis.AgreementRate, analysis.AgreementInterval, "no requests were compared"),
            BaselineLatency = baseline,
            CandidateLatency = candidateLatency,
            MaxLatencyP95 = criteria?.MaxLatencyP95.TotalMilliseconds,
            MeetsCriteria = analysis.MeetsCriteria,
            Reasons = analysis.Reasons,
            NullReasons = r.Result,
        };
    }

    private protected override ReportLayout BuildLayout(ReportContext context)
    {
        var x = context;
        var tiles = new List<ReportTile>
        {
            new("verdict", "Success criteria", MeetsCriteria ? "MET" : "NOT MET", x.Text(Candidate) + " against the baseline",
                MeetsCriteria ? ReportTone.Good : ReportTone.Bad),
            new("agreement-rate", "Agreement", x.Percent(Agreement.Estimate), "95% interval " + x.Interval(Agreement.Lower, Agreement.Upper,
                percent: true)),
            new("candidate-errors", "Candidate error rate", x.Percent(CandidateErrorRate), ReportFormat.Count(CandidateTimeouts) + " timeouts"),
            new("volume", "Volume shadowed", x.Percent(VolumeProcessed),
                ReportFormat.Count(CandidateRuns) + " of " + ReportFormat.Count(TotalRequests) + " requests; " + ReportFormat.Count(Skipped) +
                    " skipped"),
        };
        var agreement = new IntervalChart("Agreement of candidate with baseline (95% Wilson interval)",
            [new IntervalChartRow(x.Text(Candidate), Agreement.Estimate, Agreement.Lower, Agreement.Upper, ChartPalette.Current)],
            new ChartAxis("agreement", "%"), new ChartAxis("candidate"), ChartValueFormat.Percent) { Domain = (0, 1) };
        var latency = new BarChart("Latency percentiles by arm", ["P95", "P99"],
            [new("baseline", BaselineLatency, ChartPalette.Reference), new("candidate", CandidateLatency, ChartPalette.Current)],
            new ChartAxis("percentile"), new ChartAxis("latency", "ms"))
        {
            Threshold = MaxLatencyP95 is { } max ? new ChartThreshold(max, "P95 limit " + x.Number(max) + " ms") : null,
        };
        ReportSection[] sections =
        [
            new("summary", "Summary", [new TilesBlock(tiles)]),
            new("agreement", "Agreement", [new ChartBlock(agreement)]) { CssClass = "chart" },
            new("latency", "Latency", [new ChartBlock(latency)]) { CssClass = "chart" },
            new("criteria", "Criteria", Reasons.Count == 0 ? [new ParagraphBlock("No criterion recorded.")] : [ListBlock.Of(Reasons.Select(x.Text))]),
        ];
        return new ReportLayout(Kind, "Shadow comparison", x.Text(SystemName), GeneratedAt, sections) { Byline = "candidate " + x.Text(Candidate) };
    }
}
