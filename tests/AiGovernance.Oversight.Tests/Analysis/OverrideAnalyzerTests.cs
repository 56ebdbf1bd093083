using AiGovernance.Oversight.Analysis;
using AiGovernance.Oversight.Review;
using static AiGovernance.Oversight.Tests.Analysis.SyntheticReviews;

namespace AiGovernance.Oversight.Tests.Analysis;

public class OverrideAnalyzerTests
{
    private static OverrideAnalysisReport Analyze(SyntheticReviews log, OverrideAnalysisOptions? options = null) =>
        OverrideAnalyzer.Analyze(log.Records, options);

    private static OversightWarning Warning(OverrideAnalysisReport report, OversightWarningKind kind) =>
        Assert.Single(report.Warnings, w => w.Kind == kind);

    [Fact]
    public void HealthyLog_RaisesNoWarning()
    {
        var report = Analyze(Healthy());

        Assert.Empty(report.Warnings);
        Assert.Equal(1_850 + 40 + 500, report.ReviewCount);
        Assert.InRange(report.Overall!.Value.Rate, 0.09, 0.13);
        Assert.NotNull(report.ReviewerHeterogeneity);
        Assert.NotNull(report.Fatigue);
        Assert.Equal(5, report.Workload!.Value.LowVolumeDays);
        Assert.Equal(5, report.Workload!.Value.HighVolumeDays);
        Assert.Empty(report.Notes);
    }

    [Fact]
    public void AutomationBias_OverallBelowTwoPercent_WarnsWithNumbers()
    {
        var log = new SyntheticReviews();
        for (var r = 0; r < 10; r++)
        {
            log.Routed($"r{r}", day: r, hour: 9, count: 1_000, overrides: r < 3 ? 41 : 0);
        }

        var report = Analyze(log);

        var warning = Warning(report, OversightWarningKind.AutomationBias);
        var reference = Reference("overall_low");
        Assert.Equal(123, report.Overall!.Value.Events);
        Assert.Equal(10_000, report.Overall!.Value.Trials);
        AssertClose(reference.GetProperty("lower").GetDouble(), report.Overall!.Value.Interval.Lower);
        AssertClose(reference.GetProperty("upper").GetDouble(), report.Overall!.Value.Interval.Upper);
        Assert.Equal(0.0123, warning.Observed);
        Assert.Equal(0.02, warning.Threshold);
        Assert.Equal("Very low override rate (1.23% (123 of 10000, CI 1.03%-1.47%) of routed reviews) is below 2.0%: possible automation bias or insufficient reviewer training.", warning.Message);
    }

    [Fact]
    public void RubberStamping_FourOfTenEligibleReviewersBelowOnePercent_Warns()
    {
        var log = new SyntheticReviews();
        for (var r = 0; r < 10; r++)
        {
            log.Routed($"r{r}", day: 0, hour: 10, count: 60, overrides: r < 4 ? 0 : 9);
        }

        // Reviewers with fewer than 50 reviews are neither flagged nor counted, however rarely they override.
        for (var r = 0; r < 5; r++)
        {
            log.Routed($"new{r}", day: 0, hour: 11, count: 10, overrides: 0);
        }

        var report = Analyze(log);

        var warning = Warning(report, OversightWarningKind.RubberStamping);
        Assert.Equal(0.4, warning.Observed);
        Assert.Equal(0.3, warning.Threshold);
        Assert.StartsWith("4 of 10 reviewers with at least 50 reviews (40.0%, more than 30.0%) have an override rate below 1.0%, indicating potential rubber-stamping: r0 0.0% of 60, r1 0.0% of 60", warning.Message, StringComparison.Ordinal);
        Assert.Equal(4, report.ByReviewer.Count(r => r.IsFlagged));
        Assert.All(report.ByReviewer.Where(r => r.ReviewerId.StartsWith("new", StringComparison.Ordinal)), r => Assert.False(r.IsEligible || r.IsFlagged));
    }

    [Fact]
    public void RubberStamping_ThreeOfTenFlagged_IsNotMoreThanThirtyPercent()
    {
        var log = new SyntheticReviews();
        for (var r = 0; r < 10; r++)
        {
            log.Routed($"r{r}", day: 0, hour: 10, count: 60, overrides: r < 3 ? 0 : 9);
        }

        var report = Analyze(log);

        Assert.DoesNotContain(report.Warnings, w => w.Kind == OversightWarningKind.RubberStamping);
        Assert.Equal(3, report.ByReviewer.Count(r => r.IsFlagged));
    }

    [Fact]
    public void WorkloadPressure_HighVolumeDaysOverrideLessThanHalf_WarnsWithNumbers()
    {
        var log = new SyntheticReviews();
        for (var day = 0; day < 20; day++)
        {
            if (day < 5)
            {
                log.Routed("r0", day, 9, count: 100, overrides: 2);      // high volume, 2%
            }
            else if (day < 10)
            {
                log.Routed("r0", day, 9, count: 20, overrides: 2);       // low volume, 10%
            }
            else
            {
                log.Routed("r0", day, 9, count: 50, overrides: 4);       // typical, 8%
            }
        }

        var report = Analyze(log);

        var workload = report.Workload!.Value;
        Assert.Equal(20, workload.Days);
        Assert.Equal(42.5, workload.LowVolumeThreshold);   // R7 quantile of the daily volumes
        Assert.Equal(62.5, workload.HighVolumeThreshold);
        Assert.Equal(5, workload.LowVolumeDays);
        Assert.Equal(5, workload.HighVolumeDays);
        Assert.Equal(0.10, workload.LowVolume!.Value.Rate);
        Assert.Equal(0.02, workload.HighVolume!.Value.Rate);
        var warning = Warning(report, OversightWarningKind.WorkloadPressure);
        Assert.Equal(0.2, warning.Observed, 12);
        Assert.Equal(0.5, warning.Threshold);
        Assert.StartsWith("Override rate drops 80.0% on high-volume days (5 days with more than 62.5 reviews: 2.0% (10 of 500, CI ", warning.Message, StringComparison.Ordinal);
        Assert.Contains("against low-volume days (5 days with fewer than 42.5 reviews: 10.0% (10 of 100, CI ", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkloadPressure_HighVolumeRateAboveHalf_NoWarning()
    {
        var log = new SyntheticReviews();
        for (var day = 0; day < 20; day++)
        {
            var (count, overrides) = day < 5 ? (100, 6) : day < 10 ? (20, 2) : (50, 4);
            log.Routed("r0", day, 9, count, overrides);
        }

        var report = Analyze(log);

        Assert.Equal(0.06, report.Workload!.Value.HighVolume!.Value.Rate);
        Assert.DoesNotContain(report.Warnings, w => w.Kind == OversightWarningKind.WorkloadPressure);
    }

    [Fact]
    public void Heterogeneity_ThreeReviewersWithDifferentRates_MatchesScipyAndWarns()
    {
        var log = new SyntheticReviews();
        log.Routed("a", 0, 9, 100, 5).Routed("b", 0, 9, 100, 10).Routed("c", 0, 9, 100, 30);

        var report = Analyze(log);

        var reference = Reference("heterogeneity_three");
        var test = report.ReviewerHeterogeneity!.Value;
        Assert.Equal(3, test.Reviewers);
        Assert.Equal(reference.GetProperty("dof").GetInt32(), test.DegreesOfFreedom);
        AssertClose(reference.GetProperty("statistic").GetDouble(), test.Statistic);
        AssertClose(reference.GetProperty("pvalue").GetDouble(), test.PValue);
        var warning = Warning(report, OversightWarningKind.ReviewerInconsistency);
        Assert.Equal("Override rates differ across the 3 eligible reviewers (chi-squared = 27.451, df = 2, p = 1.1e-6 < 0.05; from a 5.0% to c 30.0%): reviewers apply different standards.", warning.Message);
    }

    [Fact]
    public void Heterogeneity_TwoSimilarReviewers_YatesCorrectedAndNoWarning()
    {
        var report = Analyze(new SyntheticReviews().Routed("a", 0, 9, 100, 5).Routed("b", 0, 9, 100, 12));

        var reference = Reference("heterogeneity_two");
        var test = report.ReviewerHeterogeneity!.Value;
        AssertClose(reference.GetProperty("statistic").GetDouble(), test.Statistic);
        AssertClose(reference.GetProperty("pvalue").GetDouble(), test.PValue);
        Assert.DoesNotContain(report.Warnings, w => w.Kind == OversightWarningKind.ReviewerInconsistency);
    }

    [Fact]
    public void Heterogeneity_NoOverridesAtAll_SkippedWithNote()
    {
        var report = Analyze(new SyntheticReviews().Routed("a", 0, 9, 100, 0).Routed("b", 0, 9, 100, 0));

        Assert.Null(report.ReviewerHeterogeneity);
        Assert.Contains(report.Notes, n => n.Contains("never override", StringComparison.Ordinal));
    }

    [Fact]
    public void Fatigue_RateFallingOverTheDay_MatchesScipyAndWarns()
    {
        var reference = Reference("fatigue");
        var log = new SyntheticReviews();
        var hours = reference.GetProperty("hours").EnumerateArray().Select(h => h.GetInt32()).ToArray();
        var overrides = reference.GetProperty("overrides").EnumerateArray().Select(h => h.GetInt32()).ToArray();
        for (var i = 0; i < hours.Length; i++)
        {
            log.Routed("r0", 0, hours[i], 200, overrides[i]);
        }

        var report = Analyze(log);

        var trend = report.Fatigue!.Value;
        Assert.Equal(10, trend.Hours);
        Assert.Equal(8, trend.FirstHour);
        Assert.Equal(17, trend.LastHour);
        AssertClose(reference.GetProperty("slope").GetDouble(), trend.SlopePerHour);
        AssertClose(reference.GetProperty("intercept").GetDouble(), trend.Intercept);
        AssertClose(reference.GetProperty("r").GetDouble(), trend.R);
        AssertClose(reference.GetProperty("pvalue").GetDouble(), trend.PValue);
        var warning = Warning(report, OversightWarningKind.Fatigue);
        Assert.Equal("Override rate falls by 0.906 percentage points per hour over the working day (fitted 10.03% at 08:00 to 1.87% at 17:00 over 10 hours; r = -0.989, p = 6.0e-8 < 0.05): reviewer fatigue.", warning.Message);
    }

    [Fact]
    public void Fatigue_RateRisingOverTheDay_NoWarning()
    {
        var log = new SyntheticReviews();
        for (var h = 8; h <= 17; h++)
        {
            log.Routed("r0", 0, h, 200, 2 * (h - 7));
        }

        var report = Analyze(log);

        Assert.True(report.Fatigue!.Value.SlopePerHour > 0);
        Assert.DoesNotContain(report.Warnings, w => w.Kind == OversightWarningKind.Fatigue);
    }

    [Fact]
    public void Fatigue_HoursWithFewReviews_LeftOutOfTheFit()
    {
        var log = new SyntheticReviews().Routed("r0", 0, 8, 100, 10).Routed("r0", 0, 9, 100, 10).Routed("r0", 0, 23, 10, 10);

        var report = Analyze(log);

        Assert.Null(report.Fatigue);
        Assert.Contains(report.Notes, n => n.StartsWith("Fatigue trend not fitted: 2 hour(s)", StringComparison.Ordinal));
        Assert.Equal([8, 9, 23], report.ByHour.Select(h => h.Hour));
    }

    [Fact]
    public void DeferenceToAi_MostChangedMindsMoveToTheAi_Warns()
    {
        var log = new SyntheticReviews();
        for (var i = 0; i < 30; i++)
        {
            log.TwoStage("deny", i < 28 ? "approve" : "maybe");
        }

        log.TwoStage("approve", "approve");

        var report = Analyze(log);

        Assert.Equal(31, report.ChangedMinds.Reviews);
        Assert.Equal(30, report.ChangedMinds.Disagreements);
        Assert.Equal(30, report.ChangedMinds.ChangedMinds);
        Assert.Equal(28, report.ChangedMinds.TowardAi!.Value.Events);
        var warning = Warning(report, OversightWarningKind.DeferenceToAi);
        Assert.StartsWith("93.33% (28 of 30, CI ", warning.Message, StringComparison.Ordinal);
        Assert.EndsWith("of reviewers' changed minds moved to the AI's recommendation after it was revealed, more than 80.0% (30 initial disagreements in 31 reviews): automation bias in the two-stage protocol.", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeferenceToAi_ChangedMindsSplit_NoWarning()
    {
        var log = new SyntheticReviews();
        for (var i = 0; i < 30; i++)
        {
            log.TwoStage(i % 2 == 0 ? "deny" : "approve", i % 2 == 0 ? "approve" : "deny");
        }

        var report = Analyze(log);

        Assert.Equal(0.5, report.ChangedMinds.TowardAi!.Value.Rate);
        Assert.DoesNotContain(report.Warnings, w => w.Kind == OversightWarningKind.DeferenceToAi);
    }

    [Fact]
    public void AuditErrorRate_AboveTolerable_WarnsWithInterval()
    {
        var report = Analyze(new SyntheticReviews().Audits(200, 30));

        var reference = Reference("audit_errors");
        var errors = report.AuditErrors!.Value;
        Assert.Equal(0.15, errors.Rate);
        AssertClose(reference.GetProperty("lower").GetDouble(), errors.Interval.Lower);
        AssertClose(reference.GetProperty("upper").GetDouble(), errors.Interval.Upper);
        Assert.Null(report.Overall);
        var warning = Warning(report, OversightWarningKind.AuditErrorRate);
        Assert.Equal("Audits found automated decisions wrong in 15.0% (30 of 200, CI 10.71%-20.61%); even the interval's lower bound exceeds the tolerable 5.0%: the confidence threshold lets too many errors through.", warning.Message);
    }

    [Fact]
    public void AuditErrorRate_WithinTolerance_NoWarningAndAuditsNotCountedAsOverrides()
    {
        var report = Analyze(new SyntheticReviews().Audits(200, 6).Routed("r0", 0, 9, 100, 10));

        Assert.Equal(0.03, report.AuditErrors!.Value.Rate);
        Assert.Equal(100, report.Overall!.Value.Trials);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void EmptyReviewSet_ReportSaysSo()
    {
        var report = OverrideAnalyzer.Analyze([]);

        Assert.True(report.IsEmpty);
        Assert.Null(report.Overall);
        Assert.Null(report.Workload);
        Assert.Null(report.AuditErrors);
        Assert.Empty(report.Warnings);
        Assert.Equal("No reviews to analyse: the review set is empty.", Assert.Single(report.Notes));
    }

    [Fact]
    public void ConfidenceBands_EdgesInclusiveBelowAndOneInLastBand()
    {
        var log = new SyntheticReviews().Routed("r0", 0, 9, true, aiConfidence: 0.7).Routed("r0", 0, 9, false, aiConfidence: 0.7499)
            .Routed("r0", 0, 9, false, aiConfidence: 1.0).Routed("r0", 0, 9, false, aiConfidence: 0.0);

        var bands = Analyze(log).ByConfidenceBand;

        Assert.Equal([(0.0, 0.1, 1L), (0.7, 0.8, 2L), (0.9, 1.0, 1L)], bands.Select(b => (b.Lower, b.Upper, b.Overrides.Trials)));
        Assert.Equal(0.5, bands[1].Overrides.Rate);
    }

    [Fact]
    public void HoursAndDays_TakenInConfiguredTimeZone()
    {
        // 23:30 UTC on day 0 is 08:30 on day 1 in Tokyo (UTC+9, no daylight saving).
        var log = new SyntheticReviews().Routed("r0", 0, 23, false, minute: 30);

        var utc = Analyze(log);
        var tokyo = Analyze(log, new OverrideAnalysisOptions { TimeZoneId = "Asia/Tokyo" });

        Assert.Equal(23, Assert.Single(utc.ByHour).Hour);
        Assert.Equal(8, Assert.Single(tokyo.ByHour).Hour);
    }

    [Fact]
    public void Merge_OfPartitions_EqualsWholeLog()
    {
        var records = Healthy().Records;
        var first = new OverrideAnalyzer();
        var second = new OverrideAnalyzer();
        for (var i = 0; i < records.Count; i++)
        {
            (i % 3 == 0 ? first : second).Add(records[i]);
        }

        first.Merge(second);

        Assert.Equal(OverrideAnalyzer.Analyze(records).ToString(), first.GetReport().ToString());
        Assert.Equal(records.Count, first.Count);
    }

    [Fact]
    public async Task AnalyzeAsync_OverJsonLinesLog_EqualsInMemoryAnalysis()
    {
        var records = Healthy().Records;
        var path = Path.Combine(Path.GetTempPath(), "aigov-analysis-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            using var log = new JsonLinesReviewLog(path, flushToDisk: false);
            foreach (var record in records)
            {
                await log.AppendAsync(record, TestContext.Current.CancellationToken);
            }

            var streamed = await OverrideAnalyzer.AnalyzeAsync(log.ReadAsync(TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal(OverrideAnalyzer.Analyze(records).ToString(), streamed.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Options_Invalid_NamesArgument()
    {
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new OverrideAnalyzer(new OverrideAnalysisOptions { MinimumReviewsPerReviewer = 0 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new OverrideAnalyzer(new OverrideAnalysisOptions { LowVolumePercentile = 0.9 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new OverrideAnalyzer(new OverrideAnalysisOptions { TimeZoneId = "Nowhere/Atlantis" })).ParamName);
    }

    [Fact]
    public void Add_Null_NamesArgument() =>
        Assert.Equal("review", Assert.Throws<ArgumentNullException>(() => new OverrideAnalyzer().Add(null!)).ParamName);
}
