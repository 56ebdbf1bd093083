using System.Text.Json;
using AiGovernance.Oversight.Analysis;
using AiGovernance.Oversight.Review;
using AiGovernance.Reporting.Json;
using AiGovernance.Reporting.Oversight;
using AiGovernance.Statistics;

namespace AiGovernance.Reporting.Tests.Oversight;

public sealed class OversightReportDocumentTests
{
    private const string HostileReviewer = "<img src=x onerror=alert(1)>";
    private static readonly DateTimeOffset Day0 = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ReportRenderer _renderer = new();

    /// <summary>Two reviewers, 40 routed reviews each over weekdays 9–16h: "ana" overrides 10 (25%), the hostile id overrides 2 (5%).</summary>
    private static IReadOnlyList<ReviewRecord> Reviews()
    {
        var records = new List<ReviewRecord>();
        foreach (var (reviewer, overrides) in new[] { ("ana", 10), (HostileReviewer, 2) })
        {
            for (var i = 0; i < 40; i++)
            {
                var at = Day0.AddDays(i % 5).AddHours(9 + (i % 8));
                var decision = i < overrides ? "deny" : "approve";
                records.Add(new ReviewRecord($"{reviewer}-{i}", reviewer, ReviewKind.Routed, at.AddMinutes(-2), at.AddMinutes(-1), at,
                    decision, 0.8, "approve", 0.6, decision));
            }
        }

        return records;
    }

    internal static OversightReportDocument Document() =>
        OversightReportDocument.Create("credit-scoring", OverrideAnalyzer.Analyze(Reviews()), Day0.AddDays(7));

    [Fact]
    public void Json_OverrideRatesByReviewer_WithWilsonIntervals()
    {
        using var json = JsonDocument.Parse(_renderer.ToJson(Document()));

        Assert.Equal("oversight", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(80, json.RootElement.GetProperty("reviewCount").GetInt64());
        var ana = json.RootElement.GetProperty("byReviewer").EnumerateArray().Single(r => r.GetProperty("reviewer").GetString() == "ana");
        var rate = ana.GetProperty("overrides").GetProperty("rate");
        Assert.Equal(0.25, rate.GetProperty("estimate").GetDouble(), 12);
        var wilson = ConfidenceInterval.Wilson(10, 40);
        Assert.Equal(wilson.Lower, rate.GetProperty("lower").GetDouble(), 12);
        Assert.Equal(wilson.Upper, rate.GetProperty("upper").GetDouble(), 12);
        JsonAssert.NoNonFiniteStrings(json.RootElement);
    }

    [Fact]
    public void Html_HasTheSections_AndTheReviewerIdAsText()
    {
        var html = _renderer.ToHtml(Document());

        Assert.DoesNotContain(HostileReviewer, html, StringComparison.Ordinal);
        var document = SelfContainedHtml.Parse(html);
        foreach (var id in new[] { "summary", "reviewers", "hours" })
        {
            Assert.True(document.GetElementById(id) is not null, id);
        }

        Assert.NotNull(document.QuerySelector("#reviewers svg"));
        Assert.Contains(document.QuerySelectorAll("#reviewers td"), td => td.TextContent == HostileReviewer);
    }

    [Fact]
    public void Json_RoundTripsThroughParse()
    {
        var original = Document();

        var parsed = Assert.IsType<OversightReportDocument>(ReportJson.Parse(original.ToJson()));

        Assert.Equal(original.ToJson(), parsed.ToJson());
    }
}
