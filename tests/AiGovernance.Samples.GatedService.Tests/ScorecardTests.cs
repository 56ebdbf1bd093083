using System.Text.Json;

namespace AiGovernance.Samples.GatedService.Tests;

public sealed class ScorecardTests
{
    [Fact]
    public async Task Scorecard_AfterTrafficAndOutcomes_ReportsAllFourPerspectivesFromLiveCounters()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var factory = GatedServiceFactory.Create(dir, GatedServiceFactory.FastRollout);
        using var client = factory.CreateClient();
        var predictions = await Traffic.PredictManyAsync(client, 0, 200, ct);
        for (var i = 0; i < 100; i++)
        {
            await Traffic.OutcomeAsync(client, predictions[i], correct: i % 4 != 0, ct);   // 75% right
        }

        using var report = JsonDocument.Parse(await client.GetStringAsync("/scorecard", ct));
        var root = report.RootElement;

        Assert.Equal("Consumer credit scoring", root.GetProperty("systemName").GetString());
        Assert.Equal("2026-11-26", root.GetProperty("period").GetString());
        var dimensions = root.GetProperty("dimensions").EnumerateArray().ToDictionary(d => d.GetProperty("dimension").GetString()!);
        Assert.Equal(["Technical", "Business", "Risk", "Adoption"], dimensions.Keys);
        Assert.All(dimensions.Values, d => Assert.True(d.GetProperty("isMeasured").GetBoolean()));
        Assert.All(dimensions.Values, d => Assert.Equal(0, d.GetProperty("missingMetrics").GetArrayLength()));

        var metrics = dimensions.Values
            .SelectMany(d => d.GetProperty("metrics").EnumerateArray())
            .ToDictionary(m => m.GetProperty("metric").GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
        Assert.Equal(0.75, metrics["accuracy"], 12);
        Assert.Equal(0.5, metrics["feedback_coverage"], 12);
        Assert.Equal(200, metrics["requests_served"]);
        Assert.Equal(1.0, metrics["audit_chain_intact"]);
        var declined = predictions.Count(p => p.Decision == "decline");
        Assert.Equal(1.0 - (declined / 200.0), metrics["approval_rate"], 12);
        Assert.Equal(1.0 - (predictions.Count(p => p.SentToReview) / 200.0), metrics["straight_through_rate"], 12);
        Assert.InRange(metrics["shadow_agreement"], 0.0, 1.0);
        Assert.InRange(metrics["score_psi"], 0.0, 0.25);   // live traffic is drawn like the reference population

        // Health is the weighted mean of the four dimension scores with the seed's weights.
        var expected = (0.25 * Score("Technical")) + (0.35 * Score("Business")) + (0.25 * Score("Risk")) + (0.15 * Score("Adoption"));
        Assert.Equal(expected, root.GetProperty("overallHealth").GetDouble(), 12);

        double Score(string dimension) => dimensions[dimension].GetProperty("score").GetDouble();
    }

    [Fact]
    public async Task Scorecard_BeforeAnyTraffic_ReportsUnmeasuredPerspectivesInsteadOfGuessing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var factory = GatedServiceFactory.Create(dir, GatedServiceFactory.FastRollout);
        using var client = factory.CreateClient();

        using var report = JsonDocument.Parse(await client.GetStringAsync("/scorecard", ct));

        var dimensions = report.RootElement.GetProperty("dimensions").EnumerateArray().ToDictionary(d => d.GetProperty("dimension").GetString()!);
        Assert.False(dimensions["Technical"].GetProperty("isMeasured").GetBoolean());
        Assert.False(dimensions["Business"].GetProperty("isMeasured").GetBoolean());
        Assert.NotEmpty(report.RootElement.GetProperty("warnings").EnumerateArray());
    }
}
