using System.Globalization;
using AiGovernance.Reporting.Drift;
using AngleSharp.Html.Parser;

namespace AiGovernance.Samples.DriftJob.Tests;

public sealed class HtmlReportTests
{
    private const string HostileColumn = "<script>alert(1)</script>";
    private const string HostileCategory = "<img src=x onerror=alert(2)>";

    [Fact]
    public async Task HostileColumnNamesAndCategories_AreEncoded_NeverMarkup()
    {
        using var folder = new TempFolder();
        var header = new[] { HostileColumn, "plain", "segment" };
        var reference = Enumerable.Range(0, 400).Select(i => new[] { (i % 50).ToString(CultureInfo.InvariantCulture), (i % 37).ToString(CultureInfo.InvariantCulture), i % 2 == 0 ? "a" : "b" }).ToArray();
        var current = Enumerable.Range(0, 400).Select(i => new[] { (30 + (i % 50)).ToString(CultureInfo.InvariantCulture), (i % 37).ToString(CultureInfo.InvariantCulture), i % 3 == 0 ? HostileCategory : "a" }).ToArray();
        TableFiles.WriteCsv(folder.File("reference.csv"), header, reference);
        TableFiles.WriteCsv(folder.File("current.csv"), header, current);

        var run = await JobHarness.RunWithTestTokenAsync("--reference", folder.File("reference.csv"), "--current", folder.File("current.csv"), "--out", folder.File("out"));

        JobAssert.Exit(DriftJobApp.ExitDatasetDrift, run);
        var html = File.ReadAllText(Path.Combine(folder.File("out"), "drift-report.html"));
        Assert.DoesNotContain(HostileColumn, html, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileCategory, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Empty(document.QuerySelectorAll("img"));
        var section = document.GetElementById(DriftReportDocument.ChartId(HostileColumn));
        Assert.NotNull(section);
        Assert.Equal(HostileColumn, section.GetAttribute("data-column"));
        Assert.Contains(HostileColumn, section.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.GetElementById(DriftReportDocument.ChartId("segment"))!.QuerySelector("svg"));
        Assert.Null(document.GetElementById("trend"));
    }
}
