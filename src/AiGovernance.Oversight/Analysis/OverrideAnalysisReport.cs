using System.Globalization;
using System.Text;

namespace AiGovernance.Oversight.Analysis;

/// <summary>The result of an override analysis: rates by reviewer, hour, workload and AI confidence, the statistical
/// tests, and the warnings with the numbers behind them.</summary>
/// <remarks>An immutable snapshot. Override rates count routed reviews only; audits of automated decisions are reported
/// separately as <see cref="AuditErrors"/>. An empty review set yields a report with <see cref="IsEmpty"/> set, a note
/// saying so and no warnings.</remarks>
public sealed class OverrideAnalysisReport
{
    internal OverrideAnalysisReport(
        long reviewCount,
        ProportionEstimate? overall,
        IReadOnlyList<ReviewerOverrideRate> byReviewer,
        IReadOnlyList<HourOverrideRate> byHour,
        WorkloadComparison? workload,
        IReadOnlyList<ConfidenceBandOverrideRate> byConfidenceBand,
        ReviewerHeterogeneity? reviewerHeterogeneity,
        FatigueTrend? fatigue,
        ChangedMindSummary changedMinds,
        ProportionEstimate? auditErrors,
        IReadOnlyList<OversightWarning> warnings,
        IReadOnlyList<string> notes)
    {
        ReviewCount = reviewCount;
        Overall = overall;
        ByReviewer = byReviewer;
        ByHour = byHour;
        Workload = workload;
        ByConfidenceBand = byConfidenceBand;
        ReviewerHeterogeneity = reviewerHeterogeneity;
        Fatigue = fatigue;
        ChangedMinds = changedMinds;
        AuditErrors = auditErrors;
        Warnings = warnings;
        Notes = notes;
    }

    /// <summary>All reviews analysed, routed and audit.</summary>
    public long ReviewCount { get; }

    /// <summary>Whether there were no reviews at all.</summary>
    public bool IsEmpty => ReviewCount == 0;

    /// <summary>The overall override rate of routed reviews; null when there were none.</summary>
    public ProportionEstimate? Overall { get; }

    /// <summary>Override rates by reviewer, ordered by reviewer id.</summary>
    public IReadOnlyList<ReviewerOverrideRate> ByReviewer { get; }

    /// <summary>Override rates by hour of the day, for hours with reviews, in hour order.</summary>
    public IReadOnlyList<HourOverrideRate> ByHour { get; }

    /// <summary>High-volume against low-volume days; null when there were no routed reviews.</summary>
    public WorkloadComparison? Workload { get; }

    /// <summary>Override rates by band of the AI's confidence, for bands with reviews, in band order.</summary>
    public IReadOnlyList<ConfidenceBandOverrideRate> ByConfidenceBand { get; }

    /// <summary>Whether override rates differ across eligible reviewers; null when fewer than two are eligible or the
    /// table has no override (or no agreement) at all (see <see cref="Notes"/>).</summary>
    public ReviewerHeterogeneity? ReviewerHeterogeneity { get; }

    /// <summary>The trend of the override rate over the working day; null when fewer than three hours have enough reviews.</summary>
    public FatigueTrend? Fatigue { get; }

    /// <summary>Disagreements and changed minds under the two-stage protocol.</summary>
    public ChangedMindSummary ChangedMinds { get; }

    /// <summary>Errors found by audits of automated decisions (final decision ≠ AI prediction); null when there were no audits.</summary>
    public ProportionEstimate? AuditErrors { get; }

    /// <summary>The warnings raised, each stating its numbers.</summary>
    public IReadOnlyList<OversightWarning> Warnings { get; }

    /// <summary>Parts of the analysis that could not be computed, and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>A plain-text summary: overall rate, workload, tests, warnings and notes.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"Override analysis of {ReviewCount} reviews").AppendLine();
        if (Overall is { } overall)
        {
            text.Append(c, $"  overall override rate: {Format.Rate(overall)}").AppendLine();
        }

        text.Append(c, $"  reviewers: {ByReviewer.Count} ({CountFlagged()} flagged below the low-rate threshold)").AppendLine();
        if (Workload is { } workload)
        {
            text.Append(c, $"  low-volume days (< {workload.LowVolumeThreshold:0.##} reviews): {workload.LowVolumeDays}, rate " +
                $"{Format.Rate(workload.LowVolume)}").AppendLine();
            text.Append(c, $"  high-volume days (> {workload.HighVolumeThreshold:0.##} reviews): {workload.HighVolumeDays}, rate " +
                $"{Format.Rate(workload.HighVolume)}").AppendLine();
        }

        if (ReviewerHeterogeneity is { } h)
        {
            text.Append(c, $"  reviewer heterogeneity: chi2 = {h.Statistic:0.###}, df = {h.DegreesOfFreedom}, p = {Format.P(h.PValue)}").AppendLine();
        }

        if (Fatigue is { } f)
        {
            text.Append(c, $"  fatigue trend: {Format.Points(f.SlopePerHour)} per hour over hours {f.FirstHour}-{f.LastHour} (r = {f.R:0.###}, p = " +
                $"{Format.P(f.PValue)})").AppendLine();
        }

        text.Append(c, $"  changed minds: {ChangedMinds.ChangedMinds} of {ChangedMinds.Reviews}, toward the AI " +
            $"{Format.Rate(ChangedMinds.TowardAi)}").AppendLine();
        text.Append(c, $"  audit error rate: {Format.Rate(AuditErrors)}").AppendLine();
        foreach (var warning in Warnings)
        {
            text.Append(c, $"  WARNING {warning.Kind}: {warning.Message}").AppendLine();
        }

        foreach (var note in Notes)
        {
            text.Append(c, $"  note: {note}").AppendLine();
        }

        return text.ToString();
    }

    private int CountFlagged()
    {
        var flagged = 0;
        foreach (var reviewer in ByReviewer)
        {
            flagged += reviewer.IsFlagged ? 1 : 0;
        }

        return flagged;
    }
}
