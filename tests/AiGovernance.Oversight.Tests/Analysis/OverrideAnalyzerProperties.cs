using AiGovernance.Oversight.Analysis;
using AiGovernance.Oversight.Review;
using AiGovernance.Oversight.Routing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Oversight.Tests.Analysis;

public class OverrideAnalyzerProperties
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Reviews from compact generated tuples: reviewer 0–7, minute offset, override, audit, changed mind.</summary>
    private static List<ReviewRecord> Reviews((byte Reviewer, ushort Minute, bool Override, bool Audit, bool Changed)[] raw) =>
        [.. raw.Select((r, i) =>
        {
            var at = T0.AddMinutes(r.Minute * 7);
            var final = r.Override ? "deny" : "approve";
            var initial = r.Changed ? (r.Override ? "approve" : "deny") : final;
            return new ReviewRecord($"c{i}", $"r{r.Reviewer % 8}", r.Audit ? ReviewKind.Audit : ReviewKind.Routed, at, at, at,
                initial, 0.5, "approve", (r.Minute % 101) / 100.0, final);
        })];

    [Property]
    public Property EveryRate_LiesInsideItsInterval((byte, ushort, bool, bool, bool)[] raw)
    {
        var report = OverrideAnalyzer.Analyze(Reviews(raw), new OverrideAnalysisOptions { MinimumReviewsPerReviewer = 1 });
        var estimates = report.ByReviewer.Select(r => r.Overrides)
            .Concat(report.ByHour.Select(h => h.Overrides))
            .Concat(report.ByConfidenceBand.Select(b => b.Overrides))
            .Concat(new[] { report.Overall, report.AuditErrors, report.ChangedMinds.TowardAi }.Where(e => e.HasValue).Select(e => e!.Value));
        return estimates.All(e => e.Interval.Lower >= 0 && e.Interval.Lower <= e.Rate + 1e-12 && e.Rate <= e.Interval.Upper + 1e-12 && e.Interval.Upper <= 1)
            .ToProperty();
    }

    [Property]
    public Property Counts_AddUpAcrossBreakdowns((byte, ushort, bool, bool, bool)[] raw)
    {
        var reviews = Reviews(raw);
        var report = OverrideAnalyzer.Analyze(reviews);
        var routed = reviews.Count(r => r.Kind == ReviewKind.Routed);
        var overrides = reviews.Count(r => r.Kind == ReviewKind.Routed && r.IsOverride);
        return (report.ReviewCount == reviews.Count
                && (report.Overall?.Trials ?? 0) == routed
                && (report.Overall?.Events ?? 0) == overrides
                && report.ByReviewer.Sum(r => r.Overrides.Trials) == routed
                && report.ByHour.Sum(h => h.Overrides.Events) == overrides
                && report.ByConfidenceBand.Sum(b => b.Overrides.Trials) == routed
                && (report.AuditErrors?.Trials ?? 0) == reviews.Count - routed)
            .ToProperty();
    }

    [Property]
    public Property Merge_OfAnySplit_EqualsWhole((byte, ushort, bool, bool, bool)[] raw, PositiveInt modulus)
    {
        var reviews = Reviews(raw);
        var left = new OverrideAnalyzer();
        var right = new OverrideAnalyzer();
        for (var i = 0; i < reviews.Count; i++)
        {
            (i % modulus.Get == 0 ? left : right).Add(reviews[i]);
        }

        left.Merge(right);
        return (left.GetReport().ToString() == OverrideAnalyzer.Analyze(reviews).ToString()).ToProperty();
    }

    [Property]
    public Property SamplingValue_InUnitInterval_AndStable(NonEmptyString caseId)
    {
        var sampler = new AuditSampler(0.05, "salt");
        var id = caseId.Get.Trim().Length == 0 ? "x" + caseId.Get : caseId.Get;
        var u = sampler.SamplingValue(id);
        return (u >= 0 && u < 1 && u == new AuditSampler(0.5, "salt").SamplingValue(id)).ToProperty();
    }
}
