using AiGovernance.Benchmarks;
using AiGovernance.Reporting.Drift;
using AiGovernance.Reporting.Json;
using AngleSharp.Html.Parser;

namespace AiGovernance.Reporting.Tests.Drift;

/// <summary>The sections the aigov tool's drift report adds to a window's report: multivariate drift (the reconstruction
/// chart and one row per window) and label-free performance estimation (the estimated-accuracy chart and one row per week).</summary>
public sealed class DriftJobSectionsTests
{
    private static readonly string[] Windows = ["2026-07", "2026-08", "2026-09"];

    private static DriftReportDocument Document()
    {
        var (report, reference, current) = DriftFixtures.Build(400);
        return new DriftReportDocument
        {
            SystemName = "credit-scoring",
            GeneratedAt = report.GeneratedAt,
            DriftShareThreshold = report.DriftShareThreshold,
            Windows = [DriftWindow.From("2026-09", report)],
            Distributions = DriftReportDocument.DistributionsOf(report, reference, current),
            Multivariate = ThousandColumnDriftReport.Multivariate(Windows),
            Estimation = ThousandColumnDriftReport.Estimation(),
        };
    }

    [Fact]
    public void Html_Multivariate_DrawsTheChunksAndABandPerWindow_AndARowPerWindow()
    {
        var dom = new HtmlParser().ParseDocument(new ReportRenderer().ToHtml(Document()));

        var svg = dom.QuerySelector("#multivariate svg.reconstruction")!;
        Assert.Equal(20, svg.QuerySelectorAll("circle.chunk").Length);
        Assert.Equal(3, svg.QuerySelectorAll("circle.window").Length);
        Assert.Single(svg.QuerySelectorAll("circle.window.drifted"));
        Assert.Equal(6, svg.QuerySelectorAll("line.threshold").Length);
        Assert.NotNull(svg.QuerySelector("rect.reference-band"));
        Assert.Equal(["false", "true", "true"], dom.QuerySelectorAll("#multivariate table.multivariate tbody tr")
            .Select(r => r.GetAttribute("data-drifted")));
    }

    [Fact]
    public void Html_Estimation_DrawsTheBandRealisedPointsLimitAndFlags_AndARowPerWeek()
    {
        var dom = new HtmlParser().ParseDocument(new ReportRenderer().ToHtml(Document()));

        var section = dom.GetElementById("estimation")!;
        var svg = section.QuerySelector("svg.estimated-accuracy")!;
        Assert.NotNull(svg.QuerySelector("polygon.band"));
        Assert.Equal(12, svg.QuerySelectorAll("circle.realised").Length);
        Assert.NotNull(svg.QuerySelector("line.threshold"));
        Assert.Equal(2, svg.QuerySelectorAll("line.flag").Length);
        Assert.Equal(12, section.QuerySelectorAll("table.estimation-weeks tbody tr").Length);
        Assert.Contains("recommended retraining at the end of 2026-W31, without a single label", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("(4 week(s) earlier)", section.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_DescribesBothChartsInWords()
    {
        var markdown = new ReportRenderer().ToMarkdown(Document());

        Assert.Contains("## Multivariate drift", markdown, StringComparison.Ordinal);
        Assert.Contains("*Chart: PCA reconstruction error per window against its threshold: 20 reference chunks of 500 rows, then 3 window(s)",
            markdown.Replace("\\", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("## Estimated versus realised accuracy", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTrips_TheSectionsAndANotRunMethodIsNullWithItsReason()
    {
        var document = Document();
        var window = DriftMultivariateWindow.From("2026-10", new Monitoring.Drift.MultivariateDriftReport { CurrentRowCount = 10 });

        var parsed = (DriftReportDocument)ReportJson.Parse(ReportJson.Serialize(new DriftReportDocument
        {
            SystemName = document.SystemName,
            Windows = document.Windows,
            Multivariate = new DriftMultivariate { ChunkSize = 500, Windows = [window] },
            Estimation = document.Estimation,
        }));

        var read = Assert.Single(parsed.Multivariate!.Windows);
        Assert.Null(read.ClassifierAuc);
        Assert.Null(read.ClassifierDrifted);
        Assert.StartsWith("not run:", read.NullReasons!["classifierAuc"], StringComparison.Ordinal);
        Assert.Equal(12, parsed.Estimation!.Weeks.Count);
        Assert.Equal(12, parsed.Estimation.InsideBand);
        Assert.Equal("2026-W31", parsed.Estimation.EstimatedFlag);
    }

    [Fact]
    public void Html_ControlCharactersInAColumnName_NeverReachADataAttribute()
    {
        var (report, _, _) = DriftFixtures.Build(400);
        var column = report.Columns[0] with { Column = "region\u001b]0;pwned\u0007" };
        var document = DriftReportDocument.Create("s", report with { Columns = [column, .. report.Columns.Skip(1)] });

        var html = new ReportRenderer().ToHtml(document);

        Assert.DoesNotContain('\u001b', html);
        Assert.DoesNotContain('\u0007', html);
    }
}
