using System.Text.Json;
using AiGovernance.Reporting.Json;
using AiGovernance.Reporting.Scorecards;
using AiGovernance.Scorecards;

namespace AiGovernance.Reporting.Tests.Scorecards;

public sealed class ScorecardReportDocumentTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly ReportRenderer _renderer = new();

    private static readonly ScorecardMetric[] Metrics =
    [
        new("accuracy", ScorecardDimension.Technical, MetricDirection.HigherIsBetter, 0.80, 0.95, "Validation accuracy"),
        new("cost_savings", ScorecardDimension.Business, MetricDirection.HigherIsBetter, 0, 400_000, "Cost savings"),
        new("open_audit_findings", ScorecardDimension.Risk, MetricDirection.LowerIsBetter, 10, 0, "Open <b>audit</b> findings"),
        new("usage_rate", ScorecardDimension.Adoption, MetricDirection.HigherIsBetter, 0.20, 0.80, "Decisions using the model"),
    ];

    /// <summary>Q1 measures every dimension; Q2 has no adoption reading, so its adoption score is undefined.</summary>
    internal static ScorecardReportDocument Document()
    {
        var scorecard = new BalancedScorecard(Metrics);
        var q1 = scorecard.Evaluate("credit-scoring", "2026-Q1", [new("accuracy", 0.905), new("cost_savings", 120_000), new("open_audit_findings", 2), new("usage_rate", 0.62)]);
        var q2 = scorecard.Evaluate("credit-scoring", "2026-Q2", [new("accuracy", 0.92), new("cost_savings", 180_000), new("open_audit_findings", 1)], q1);
        return ScorecardReportDocument.Create(q2, At);
    }

    [Fact]
    public void Json_ScoresAgainstThePreviousPeriod_UnmeasuredDimensionIsNullWithReason()
    {
        using var json = JsonDocument.Parse(_renderer.ToJson(Document()));

        Assert.Equal("scorecard", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("2026-Q1", json.RootElement.GetProperty("previousPeriod").GetString());
        var dimensions = json.RootElement.GetProperty("dimensions").EnumerateArray().ToDictionary(d => d.GetProperty("dimension").GetString()!);
        Assert.Equal(0.8, dimensions["Technical"].GetProperty("score").GetDouble(), 12); // (0.92 − 0.80) / (0.95 − 0.80)
        Assert.Equal(0.7, dimensions["Technical"].GetProperty("previousScore").GetDouble(), 12);
        var adoption = dimensions["Adoption"];
        Assert.Equal(JsonValueKind.Null, adoption.GetProperty("score").ValueKind);
        Assert.True(adoption.GetProperty("nullReasons").TryGetProperty("score", out _));
        JsonAssert.NoNonFiniteStrings(json.RootElement);
    }

    [Fact]
    public void Html_HasTheSections_AndTheDimensionChart()
    {
        var html = _renderer.ToHtml(Document());

        Assert.DoesNotContain("<b>audit</b>", html, StringComparison.Ordinal);
        var document = SelfContainedHtml.Parse(html);
        foreach (var id in new[] { "summary", "dimensions", "metrics" })
        {
            Assert.True(document.GetElementById(id) is not null, id);
        }

        Assert.NotNull(document.QuerySelector("#dimensions svg"));
    }

    [Fact]
    public void Json_RoundTripsThroughParse()
    {
        var original = Document();

        var parsed = Assert.IsType<ScorecardReportDocument>(ReportJson.Parse(original.ToJson()));

        Assert.Equal(original.ToJson(), parsed.ToJson());
    }
}
