using System.Text.Json;
using AiGovernance.Gates.Milestones;
using AiGovernance.Reporting.Json;
using AiGovernance.Reporting.Performance;

namespace AiGovernance.Reporting.Tests.Performance;

public sealed class PerformanceReportDocumentTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly ReportRenderer _renderer = new();

    /// <summary>300 cases, 240 right: accuracy 0.8 with its Wilson interval, against a 0.7 and a 0.85 threshold.</summary>
    internal static (PerformanceReportDocument Document, PerformanceGateResult Passing, PerformanceGateResult Failing) Document()
    {
        var truth = new bool[300];
        var predicted = new bool[300];
        for (var i = 0; i < truth.Length; i++)
        {
            truth[i] = i % 2 == 0;
            predicted[i] = i < 240 ? truth[i] : !truth[i];
        }

        var passing = new PerformanceGate(new PerformanceGateOptions { Metric = PerformanceMetric.Accuracy, Threshold = 0.7 }).Evaluate(truth, predicted);
        var failing = new PerformanceGate(new PerformanceGateOptions { Metric = PerformanceMetric.Accuracy, Threshold = 0.85 }).Evaluate(truth, predicted);
        var gates = new Dictionary<string, PerformanceGateResult> { ["validation"] = passing, ["<i>stretch</i>"] = failing };
        return (PerformanceReportDocument.Create("credit-scoring", gates, At), passing, failing);
    }

    [Fact]
    public void Json_CarriesEachGatesEstimateIntervalAndVerdict()
    {
        var (document, passing, _) = Document();

        using var json = JsonDocument.Parse(_renderer.ToJson(document));

        Assert.Equal("performance", json.RootElement.GetProperty("kind").GetString());
        var gates = json.RootElement.GetProperty("gates").EnumerateArray().ToArray();
        Assert.Equal(2, gates.Length);
        var validation = gates.Single(g => g.GetProperty("name").GetString() == "validation");
        var estimate = validation.GetProperty("estimate");
        Assert.Equal(0.8, estimate.GetProperty("estimate").GetDouble(), 15);
        Assert.Equal(passing.Estimate.Lower, estimate.GetProperty("lower").GetDouble());
        Assert.Equal(passing.Estimate.Upper, estimate.GetProperty("upper").GetDouble());
        Assert.Equal(passing.Verdict.ToString(), validation.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Html_HasAChartPerGate_AndEscapesTheGateName()
    {
        var html = _renderer.ToHtml(Document().Document);

        Assert.DoesNotContain("<i>stretch</i>", html, StringComparison.Ordinal);
        var document = SelfContainedHtml.Parse(html);
        Assert.Empty(document.QuerySelectorAll("i"));
        Assert.NotNull(document.GetElementById("summary"));
        Assert.NotNull(document.GetElementById("gates"));
        Assert.Equal(2, document.QuerySelectorAll("#gates svg").Length);
    }

    [Fact]
    public void Json_RoundTripsThroughParse()
    {
        var original = Document().Document;

        var parsed = Assert.IsType<PerformanceReportDocument>(ReportJson.Parse(original.ToJson()));

        Assert.Equal(original.ToJson(), parsed.ToJson());
    }
}
