using System.Text.Json;
using AiGovernance.Samples.DriftJob.Data;
using AngleSharp.Html.Parser;

namespace AiGovernance.Samples.DriftJob.Tests;

/// <summary>The embedded run's label-free performance estimation: estimated versus realised accuracy by week, with the
/// band, catching the injected decline before the labelled accuracy does.</summary>
[Collection(EmbeddedRunGroup.Name)]
public sealed class EstimationReportTests(EmbeddedRunFixture fixture)
{
    private JsonElement Estimation => fixture.Report.RootElement.GetProperty("estimation");

    [Fact]
    public void DefaultRun_EstimatesEveryWeek_AndTheRealisedAccuracyFallsInsideTheBand()
    {
        var weeks = Estimation.GetProperty("weeks").EnumerateArray().ToArray();
        Assert.Equal(12, weeks.Length);
        Assert.Equal("2026-W27", weeks[0].GetProperty("week").GetString());
        foreach (var w in weeks)
        {
            var lower = w.GetProperty("lower").GetDouble();
            var upper = w.GetProperty("upper").GetDouble();
            Assert.InRange(w.GetProperty("estimatedAccuracy").GetDouble(), lower, upper);
            Assert.InRange(upper - lower, 0.015, 0.035);   // ±1.96·√(Σp(1 − p))/n for 2,500 predictions
            Assert.False(w.GetProperty("gapAlert").GetBoolean());
        }

        // 95% bands: with 12 weeks, at least 10 inside is what a correct band gives with probability > 0.98.
        Assert.True(Estimation.GetProperty("insideBand").GetInt32() >= 10);
    }

    [Fact]
    public void DefaultRun_TheRealisedAccuracyIsTheLabelledSeries()
    {
        var labelled = fixture.Report.RootElement.GetProperty("trend").GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var realised = Estimation.GetProperty("weeks").EnumerateArray().Select(w => Math.Round(w.GetProperty("realisedAccuracy").GetDouble(), 4)).ToArray();
        Assert.Equal(labelled, realised);
    }

    [Fact]
    public void DefaultRun_CatchesTheDeclineBeforeTheLabelledAccuracyDoes()
    {
        var estimated = Estimation.GetProperty("estimatedFlag").GetString()!;
        var labelled = Estimation.GetProperty("labelledFlag").GetString()!;
        var earlier = Estimation.GetProperty("weeksEarlier").GetInt32();
        Assert.True(earlier >= SyntheticLoanApplications.LabelDelayWeeks, $"estimated {estimated}, labelled {labelled}");
        Assert.Equal("2026-W31", estimated);   // the first week a 5-week trend can be fitted
        var trend = Estimation.GetProperty("trend");
        Assert.Equal("RetrainSoon", trend.GetProperty("recommendation").GetString());
        Assert.True(trend.GetProperty("isEstimated").GetBoolean());
        Assert.InRange(trend.GetProperty("slope").GetDouble(), -0.006, -0.003);   // injected −0.0045 a week
    }

    [Fact]
    public void DefaultRun_CalibrationPassedItsCheck_AndIsStated()
    {
        Assert.True(Estimation.GetProperty("calibrationError").GetDouble() <= Estimation.GetProperty("calibrationLimit").GetDouble());
        Assert.Contains("10 equal-width bins", Estimation.GetProperty("calibrationBinning").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("isotonic regression", Estimation.GetProperty("calibrator").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultRun_EachWeekStatesItsPredictionsAndWhenItsLabelsArrive()
    {
        var week = Estimation.GetProperty("weeks")[11];
        Assert.Equal("2026-W38", week.GetProperty("week").GetString());
        Assert.Equal(2500, week.GetProperty("predictions").GetInt64());
        Assert.Equal("2026-W42", week.GetProperty("labelsArrive").GetString());
        Assert.Equal(JsonValueKind.Null, week.GetProperty("nullReasons").ValueKind);
    }

    [Fact]
    public void DefaultRun_TheLatestEstimateWentThroughTheResponseWorkflow()
    {
        var response = fixture.Report.RootElement.GetProperty("responses").EnumerateArray()
            .Single(r => r.GetProperty("trigger").GetString() == "estimated accuracy 2026-W38");
        Assert.Equal("EstimatedPerformance", response.GetProperty("kind").GetString());
        Assert.Equal("Dispatched", response.GetProperty("disposition").GetString());
    }

    [Fact]
    public void DefaultRun_MarkdownAndHtmlShowEstimatedVersusRealisedByWeek()
    {
        var markdown = File.ReadAllText(fixture.MarkdownPath);
        Assert.Contains("## Estimated versus realised accuracy \\(CBPE, no labels needed\\)", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2026\\-W38 |", markdown, StringComparison.Ordinal);
        var document = new HtmlParser().ParseDocument(File.ReadAllText(fixture.HtmlPath));
        var section = document.GetElementById("estimation");
        Assert.NotNull(section);
        Assert.Equal(12, section.QuerySelectorAll("table.estimation-weeks tbody tr").Length);
        Assert.NotNull(section.QuerySelector("svg.estimated-accuracy polygon.band"));
        Assert.Equal(12, section.QuerySelectorAll("svg.estimated-accuracy circle.realised").Length);
        Assert.Contains("recommended retraining at the end of 2026-W31", section.TextContent, StringComparison.Ordinal);
    }
}
