using System.Text.Json;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Reporting.Canary;
using AiGovernance.Reporting.Json;

namespace AiGovernance.Reporting.Tests.Canary;

public sealed class CanaryReportDocumentTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly ReportRenderer _renderer = new();

    /// <summary>Deterministic traffic: latencies cycle through 100 values around <paramref name="medianMs"/>; the first
    /// <paramref name="errors"/> requests fail.</summary>
    private static VariantSnapshot Traffic(int requests, int errors, double medianMs)
    {
        var recorder = new VariantRecorder(1);
        for (var i = 0; i < requests; i++)
        {
            recorder.Record(TimeSpan.FromMilliseconds(medianMs * (0.5 + (i % 100) / 100.0)), isError: i < errors);
        }

        return recorder.Snapshot();
    }

    internal static (CanaryReportDocument Document, CanaryAnalysis Analysis) Document()
    {
        var analysis = CanaryAnalyzer.Analyze(new CanaryObservation(new CanarySnapshot(Traffic(20_000, 200, 40), Traffic(20_000, 600, 40)), 0.5));
        RolloutHistoryEntry[] history =
        [
            new(At.AddHours(-6), RolloutState.Canary, 0, 0.05, "started"),
            new(At.AddHours(-3), RolloutState.Canary, 1, 0.25, "stage 1 healthy"),
            new(At, RolloutState.RolledBack, 1, 0, "<script>alert(1)</script> error rate up"),
        ];
        return (CanaryReportDocument.Create("credit-scoring", "credit-scoring-3.2.0", analysis, At, history), analysis);
    }

    [Fact]
    public void Json_CarriesTheDecisionAndTheErrorRates()
    {
        var (document, analysis) = Document();

        using var json = JsonDocument.Parse(_renderer.ToJson(document));

        Assert.Equal("canary", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(analysis.Decision.ToString(), json.RootElement.GetProperty("decision").GetString());
        Assert.StartsWith("Rollback", analysis.Decision.ToString(), StringComparison.Ordinal); // 1% → 3% errors on 20,000 requests each
        var errorRate = json.RootElement.GetProperty("errorRate");
        Assert.Equal(0.01, errorRate.GetProperty("baselineRate").GetDouble(), 12);
        Assert.Equal(0.03, errorRate.GetProperty("candidateRate").GetDouble(), 12);
        JsonAssert.NoNonFiniteStrings(json.RootElement);
    }

    [Fact]
    public void Html_HasTheSectionsAndTheRolloutHistoryChart_WithReasonsEscaped()
    {
        var html = _renderer.ToHtml(Document().Document);

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        var document = SelfContainedHtml.Parse(html);
        foreach (var id in new[] { "summary", "error-rate", "latency", "reasons", "rollout-history" })
        {
            Assert.True(document.GetElementById(id) is not null, id);
        }

        Assert.NotNull(document.QuerySelector("#rollout-history svg"));
        Assert.Contains("<script>alert(1)</script> error rate up", document.GetElementById("rollout-history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTripsThroughParse()
    {
        var original = Document().Document;

        var parsed = Assert.IsType<CanaryReportDocument>(ReportJson.Parse(original.ToJson()));

        Assert.Equal(original.ToJson(), parsed.ToJson());
    }
}
