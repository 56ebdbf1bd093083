using System.Text.Json;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Shadow;
using AiGovernance.Reporting.Json;
using AiGovernance.Reporting.Shadow;
using AiGovernance.Statistics;

namespace AiGovernance.Reporting.Tests.Shadow;

public sealed class ShadowReportDocumentTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly ReportRenderer _renderer = new();

    private static VariantSnapshot Traffic(int requests, int errors, double medianMs)
    {
        var recorder = new VariantRecorder(1);
        for (var i = 0; i < requests; i++)
        {
            recorder.Record(TimeSpan.FromMilliseconds(medianMs * (0.5 + (i % 100) / 100.0)), isError: i < errors);
        }

        return recorder.Snapshot();
    }

    /// <summary>2,000 requests; the candidate ran on all, 1,900 pairs compared, 1,805 agreed (95%).</summary>
    internal static ShadowReportDocument Document(long compared = 1_900, long agreements = 1_805)
    {
        var snapshot = new ShadowSnapshot(Traffic(2_000, 0, 40), Traffic(2_000, 100, 55), CandidateTimeouts: 20, Skipped: 0, compared, agreements);
        return ShadowReportDocument.Create("credit-scoring", "<i>v3.2.0</i>", ShadowAnalyzer.Analyze(snapshot), At);
    }

    [Fact]
    public void Json_AgreementHasItsWilsonInterval()
    {
        using var json = JsonDocument.Parse(_renderer.ToJson(Document()));

        Assert.Equal("shadow", json.RootElement.GetProperty("kind").GetString());
        var agreement = json.RootElement.GetProperty("agreement");
        Assert.Equal(0.95, agreement.GetProperty("estimate").GetDouble(), 12);
        var wilson = ConfidenceInterval.Wilson(1_805, 1_900);
        Assert.Equal(wilson.Lower, agreement.GetProperty("lower").GetDouble(), 12);
        Assert.Equal(wilson.Upper, agreement.GetProperty("upper").GetDouble(), 12);
        Assert.Equal(20, json.RootElement.GetProperty("candidateTimeouts").GetInt64());
    }

    [Fact]
    public void Json_NothingCompared_AgreementIsNullWithReason_NeverNaN()
    {
        using var json = JsonDocument.Parse(_renderer.ToJson(Document(compared: 0, agreements: 0)));

        var agreement = json.RootElement.GetProperty("agreement");
        Assert.Equal(JsonValueKind.Null, agreement.GetProperty("estimate").ValueKind);
        Assert.True(agreement.GetProperty("nullReasons").TryGetProperty("estimate", out _));
        JsonAssert.NoNonFiniteStrings(json.RootElement);
    }

    [Fact]
    public void Html_HasTheSections_AndTheCandidateNameAsText()
    {
        var html = _renderer.ToHtml(Document());

        Assert.DoesNotContain("<i>v3.2.0</i>", html, StringComparison.Ordinal);
        var document = SelfContainedHtml.Parse(html);
        Assert.Empty(document.QuerySelectorAll("i"));
        foreach (var id in new[] { "summary", "agreement", "latency", "criteria" })
        {
            Assert.True(document.GetElementById(id) is not null, id);
        }
    }
}
