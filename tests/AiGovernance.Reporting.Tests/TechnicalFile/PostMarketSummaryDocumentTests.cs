using System.Text.Json;
using AiGovernance.Core.Reports;
using AiGovernance.Reporting.Json;
using AiGovernance.Reporting.TechnicalFile;
using AiGovernance.Reporting.Tests.Drift;

namespace AiGovernance.Reporting.Tests.TechnicalFile;

public sealed class PostMarketSummaryDocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ValueTask<PostMarketSummaryDocument> SummarizeAsync(TechnicalFileFixture f, DateTimeOffset from, DateTimeOffset to) =>
        TechnicalDocumentation.SummarizePostMarketAsync(f.System, from, to, f.Audit, f.Reports, f.Approvals.Clock, f.Artifact.Digest, Ct);

    [Fact]
    public async Task Summary_OverTheWholeHistory_HasTheDriftWindowIncidentOversightReportAndPerformanceAttempt()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var summary = await SummarizeAsync(f, ApprovalFixture.Start, f.Approvals.Clock.GetUtcNow());

        var window = Assert.Single(summary.DriftWindows);
        Assert.Equal((f.DriftReportId, 3, 2), (window.ReportId, window.ColumnCount, window.DriftedColumnCount));
        Assert.Contains(summary.DriftedColumns, c => c.Column == DriftFixtures.HostileColumn && c.Windows == 1);
        Assert.Equal(0.015, Assert.Single(summary.Oversight).OverrideRate!.Value, 12);
        Assert.Equal("Applicants of one region declined for two days.", Assert.Single(summary.Incidents).Summary);
        Assert.Equal(("F1", "Go"), (Assert.Single(summary.PerformanceAttempts).Metric, summary.PerformanceAttempts[0].Verdict));
        Assert.Equal([f.DriftReportId, f.OversightReportId], summary.CitedReports.Select(r => r.Id));
    }

    [Fact]
    public async Task Summary_OfAPeriod_CountsOnlyWhatHappenedInIt_EndExcluded()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var summary = await SummarizeAsync(f, f.DriftAt, f.DriftAt.AddHours(1));

        Assert.Single(summary.DriftWindows);
        Assert.Empty(summary.Oversight);
        Assert.Empty(summary.Incidents);
        Assert.Empty(summary.PerformanceAttempts);
        Assert.Equal([f.DriftReportId], summary.CitedReports.Select(r => r.Id));
    }

    [Fact]
    public async Task Summary_AnUnreadableStoredReport_IsListed_NotDropped()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var bad = await f.Reports.StoreAsync(new GovernanceReport("credit-scoring", GovernanceReportKinds.Drift, f.Approvals.Clock.GetUtcNow(),
            JsonSerializer.SerializeToElement(new { note = "not a drift report" })), "drift-job", Ct);
        f.Approvals.Clock.Advance(TimeSpan.FromMinutes(1));

        var summary = await SummarizeAsync(f, ApprovalFixture.Start, f.Approvals.Clock.GetUtcNow());

        Assert.StartsWith($"report #{bad.Id} (drift): ", Assert.Single(summary.Unreadable), StringComparison.Ordinal);
        Assert.Single(summary.DriftWindows);
    }

    [Fact]
    public async Task Summary_RendersAsJsonThatReadsBack_AndAsSelfContainedHtmlWithItsSections()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var summary = await SummarizeAsync(f, ApprovalFixture.Start, f.Approvals.Clock.GetUtcNow());
        var renderer = new ReportRenderer();

        var html = SelfContainedHtml.Parse(renderer.ToHtml(summary));
        Assert.All(new[] { "summary", "drift", "performance", "incidents", "oversight", "sources" }, id => Assert.NotNull(html.GetElementById(id)));
        Assert.NotNull(html.QuerySelector("#drift svg"));
        var parsed = Assert.IsType<PostMarketSummaryDocument>(ReportJson.Parse(renderer.ToJson(summary)));
        Assert.Equal(summary.DriftedColumns, parsed.DriftedColumns);
    }

    [Fact]
    public async Task Summary_PeriodEndingBeforeItStarts_IsRefused()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await SummarizeAsync(f, f.DriftAt, f.DriftAt));

        Assert.Equal("periodEnd", ex.ParamName);
    }
}
