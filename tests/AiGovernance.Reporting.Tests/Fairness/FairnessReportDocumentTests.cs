using System.Text.Json;
using AiGovernance.Reporting.Fairness;
using AiGovernance.Reporting.Json;
using AiGovernance.Statistics;

namespace AiGovernance.Reporting.Tests.Fairness;

public sealed class FairnessReportDocumentTests
{
    private const string HostileGroup = "<b onmouseover=alert(1)>B</b>";
    private static readonly DateTimeOffset At = new(2026, 9, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly ReportRenderer _renderer = new();

    /// <summary>Group A: TP 3, FN 1, FP 1, TN 5. Group B (hostile label): 10 actual negatives, none selected, so its true-positive
    /// rate is undefined (no actual positives).</summary>
    internal static FairnessReportDocument Document()
    {
        bool[] yTrue = [true, true, true, true, false, false, false, false, false, false, .. Enumerable.Repeat(false, 10)];
        bool[] yPred = [true, true, true, false, true, false, false, false, false, false, .. Enumerable.Repeat(false, 10)];
        string[] groups = [.. Enumerable.Repeat("A", 10), .. Enumerable.Repeat(HostileGroup, 10)];
        var options = new FairnessOptions { BootstrapResamples = 0 };
        var report = FairnessMetrics.Compute(yTrue, yPred, groups, options);
        return FairnessReportDocument.Create("credit-scoring", "segment", report, monitoring: null, At, options);
    }

    [Fact]
    public void Create_TakesTheGroupRatesAndWilsonIntervals()
    {
        var document = Document();

        var a = document.Groups.Single(g => g.Group == "A");
        Assert.Equal(0.4, a.SelectionRate.Estimate!.Value, 15);
        var wilson = ConfidenceInterval.Wilson(4, 10);
        Assert.Equal(wilson.Lower, a.SelectionRate.Lower!.Value, 15);
        Assert.Equal(wilson.Upper, a.SelectionRate.Upper!.Value, 15);
        Assert.Equal(0.75, a.TruePositiveRate.Estimate!.Value, 15);
        Assert.Equal(0.95, document.ConfidenceLevel);
    }

    [Fact]
    public void Json_UndefinedRate_IsNullWithTheReason()
    {
        using var json = JsonDocument.Parse(_renderer.ToJson(Document()));

        Assert.Equal("fairness", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(ReportJson.SchemaVersion, json.RootElement.GetProperty("schemaVersion").GetInt32());
        var hostile = json.RootElement.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == HostileGroup);
        var tpr = hostile.GetProperty("truePositiveRate");
        Assert.Equal(JsonValueKind.Null, tpr.GetProperty("estimate").ValueKind);
        Assert.Equal("no actual positives in this group", tpr.GetProperty("nullReasons").GetProperty("estimate").GetString());
        JsonAssert.NoNonFiniteStrings(json.RootElement);
    }

    [Fact]
    public void Html_HasTheSectionsAndCharts_AndTheGroupLabelAsText()
    {
        var html = _renderer.ToHtml(Document());

        Assert.DoesNotContain(HostileGroup, html, StringComparison.Ordinal);
        var document = SelfContainedHtml.Parse(html);
        Assert.Empty(document.QuerySelectorAll("b"));
        foreach (var id in new[] { "summary", "selection-rates", "error-rates", "groups", "parity", "findings" })
        {
            Assert.True(document.GetElementById(id) is not null, id);
        }

        Assert.NotNull(document.QuerySelector("#selection-rates svg"));
        Assert.Contains(document.QuerySelectorAll("#groups td"), td => td.TextContent == HostileGroup);
    }

    [Fact]
    public void Json_RoundTripsThroughParse()
    {
        var original = Document();

        var parsed = Assert.IsType<FairnessReportDocument>(ReportJson.Parse(original.ToJson()));

        Assert.Equal(original.ToJson(), parsed.ToJson());
    }
}
