using System.Text.Json.Serialization;
using AiGovernance.Core.Reports;
using AiGovernance.Oversight.Analysis;
using AiGovernance.Reporting.Layout;

namespace AiGovernance.Reporting.Oversight;

/// <summary>An oversight report: how often people override the AI, by reviewer, by hour and by the AI's confidence, and the
/// warnings that pattern raises (automation bias, rubber-stamping, workload pressure, fatigue, deference to the AI).</summary>
/// <remarks>Sections: <c>summary</c>, <c>warnings</c>, <c>reviewers</c> (interval chart, flagged reviewers in red, and a
/// table), <c>hours</c> (override rate by hour with its band), <c>confidence-bands</c>, <c>details</c>. Reviewer ids and
/// notes are untrusted text: bounded and escaped.</remarks>
public sealed class OversightReportDocument : ReportDocument
{
    /// <inheritdoc />
    public override string Kind => GovernanceReportKinds.Oversight;

    /// <summary>Routed reviews analysed.</summary>
    public long ReviewCount { get; init; }

    /// <summary>Overrides out of all reviews, or <see langword="null"/> without reviews.</summary>
    public OversightProportion? Overall { get; init; }

    /// <summary>Per reviewer.</summary>
    public IReadOnlyList<OversightReviewerRow> ByReviewer { get; init; } = [];

    /// <summary>Per hour of the working day.</summary>
    public IReadOnlyList<OversightHourRow> ByHour { get; init; } = [];

    /// <summary>Per band of the AI's confidence.</summary>
    public IReadOnlyList<OversightBandRow> ByConfidenceBand { get; init; } = [];

    /// <summary>Override rates by week, when a history was given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OversightWeekRow>? ByWeek { get; init; }

    /// <summary>Audit errors out of audited automated decisions, or <see langword="null"/> without audits.</summary>
    public OversightProportion? AuditErrors { get; init; }

    /// <summary>Reviews in the two-stage protocol where the reviewer's first judgement differed from the AI.</summary>
    public long Disagreements { get; init; }

    /// <summary>Disagreements where the reviewer then changed their mind.</summary>
    public long ChangedMinds { get; init; }

    /// <summary>The warnings.</summary>
    public IReadOnlyList<OversightWarningRow> Warnings { get; init; } = [];

    /// <summary>Notes on what could not be analysed.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Why each <see langword="null"/> value is undefined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes an override analysis and, optionally, weekly analyses for the history chart.</summary>
    /// <param name="systemName">The AI system; the report is titled with it.</param>
    /// <param name="report">The analysis.</param>
    /// <param name="generatedAt">When the analysis ran.</param>
    /// <param name="weeks">Weekly analyses (label, analysis), oldest first, or <see langword="null"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="systemName"/> is empty.</exception>
    public static OversightReportDocument Create(string systemName, OverrideAnalysisReport report, DateTimeOffset generatedAt,
        IEnumerable<(string Week, OverrideAnalysisReport Report)>? weeks = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemName);
        ArgumentNullException.ThrowIfNull(report);
        var r = new Json.NullReasons();
        if (report.Overall is null)
        {
            r.Add("overall", "no routed reviews");
        }

        if (report.AuditErrors is null)
        {
            r.Add("auditErrors", "no audited automated decisions");
        }

        return new OversightReportDocument
        {
            SystemName = systemName,
            GeneratedAt = generatedAt,
            ReviewCount = report.ReviewCount,
            Overall = report.Overall is { } o ? OversightProportion.From(o) : null,
            ByReviewer = [.. report.ByReviewer.Select(v => new OversightReviewerRow(v.ReviewerId, OversightProportion.From(v.Overrides),
                v.IsEligible, v.IsFlagged))],
            ByHour = [.. report.ByHour.Select(h => new OversightHourRow(h.Hour, OversightProportion.From(h.Overrides)))],
            ByConfidenceBand = [.. report.ByConfidenceBand.Select(b => new OversightBandRow(b.Lower, b.Upper,
                OversightProportion.From(b.Overrides)))],
            ByWeek = weeks?.Where(w => w.Report.Overall is not null)
                .Select(w => new OversightWeekRow(w.Week, OversightProportion.From(w.Report.Overall!.Value))).ToList(),
            AuditErrors = report.AuditErrors is { } a ? OversightProportion.From(a) : null,
            Disagreements = report.ChangedMinds.Disagreements,
            ChangedMinds = report.ChangedMinds.ChangedMinds,
            Warnings = [.. report.Warnings.Select(OversightWarningRow.From)],
            Notes = report.Notes,
            NullReasons = r.Result,
        };
    }

    private protected override ReportLayout BuildLayout(ReportContext context) => OversightLayout.Build(this, context);
}
