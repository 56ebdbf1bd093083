using System.Text.Json;
using AngleSharp.Html.Parser;

namespace AiGovernance.Samples.DriftJob.Tests;

/// <summary>The joint (multivariate) comparison in the embedded run: the credit-score shift breaks its relationship with
/// the interest rate, which PCA, the domain classifier and MMD see in August and September; July stays quiet.</summary>
[Collection(EmbeddedRunGroup.Name)]
public sealed class MultivariateReportTests(EmbeddedRunFixture fixture)
{
    private JsonElement Multivariate => fixture.Report.RootElement.GetProperty("multivariate");

    private Dictionary<string, JsonElement> Windows =>
        Multivariate.GetProperty("windows").EnumerateArray().ToDictionary(w => w.GetProperty("name").GetString()!, w => w);

    [Fact]
    public void Json_HasOneReportPerWindow_QuietInJuly_DriftedAfter()
    {
        Assert.Equal(JsonValueKind.Null, Multivariate.GetProperty("skipped").ValueKind);
        Assert.True(Multivariate.GetProperty("anyDrift").GetBoolean());
        Assert.Equal(20, Multivariate.GetProperty("referenceChunkErrors").GetArrayLength());
        Assert.Equal(500, Multivariate.GetProperty("chunkSize").GetInt32());
        var windows = Windows;
        Assert.False(windows["2026-07"].GetProperty("isDrifted").GetBoolean(), windows["2026-07"].ToString());
        foreach (var name in new[] { "2026-08", "2026-09" })
        {
            var report = windows[name];
            Assert.True(report.GetProperty("classifierDrifted").GetBoolean(), name);
            Assert.True(report.GetProperty("mmdDrifted").GetBoolean(), name);
            var leaning = report.GetProperty("leaningOn")[0].GetProperty("column").GetString();
            Assert.Equal("credit_score", leaning);
        }

        Assert.True(windows["2026-09"].GetProperty("reconstructionDrifted").GetBoolean());
    }

    [Fact]
    public void Html_HasTheReconstructionChart_WithAThresholdBandPerWindow()
    {
        var document = new HtmlParser().ParseDocument(File.ReadAllText(fixture.HtmlPath));
        var section = document.GetElementById("multivariate");
        Assert.NotNull(section);
        var svg = section.QuerySelector("svg.reconstruction");
        Assert.NotNull(svg);
        Assert.Equal(20, svg.QuerySelectorAll("circle.chunk").Length);
        Assert.Equal(3, svg.QuerySelectorAll("circle.window").Length);
        Assert.Equal(6, svg.QuerySelectorAll("line.threshold").Length);
        Assert.NotEmpty(svg.QuerySelectorAll("circle.window.drifted"));
        Assert.Equal(3, section.QuerySelectorAll("table.multivariate tbody tr").Length);
        Assert.Equal("false", section.QuerySelector("tr[data-window='2026-07']")!.GetAttribute("data-drifted"));
    }

    [Fact]
    public void Markdown_AndResponses_CarryTheMultivariateVerdicts()
    {
        var markdown = File.ReadAllText(fixture.MarkdownPath);
        Assert.Contains("## Multivariate drift", markdown, StringComparison.Ordinal);
        Assert.Contains("*Chart: PCA reconstruction error per window against its threshold", markdown, StringComparison.Ordinal);

        var responses = fixture.Report.RootElement.GetProperty("responses").EnumerateArray().ToDictionary(r => r.GetProperty("trigger").GetString()!);
        Assert.Equal("MultivariateDrift", responses["multivariate 2026-09"].GetProperty("kind").GetString());
        Assert.Equal("High", responses["multivariate 2026-09"].GetProperty("severity").GetString());
        Assert.Equal("Low", responses["multivariate 2026-07"].GetProperty("severity").GetString());
        Assert.Contains("Multivariate drift", fixture.Run.Output, StringComparison.Ordinal);
    }
}
