using System.Text.Json;

namespace AiGovernance.Scorecards.Tests.Scorecard;

public class BalancedScorecardTests
{
    private static readonly BalancedScorecard Scorecard = new(ScorecardExamples.Metrics);

    [Fact]
    public void Evaluate_AllDimensionsMeasured_WeighsWithTheSeedWeights()
    {
        var report = Scorecard.Evaluate("Credit decisioning", "2025-Q1", ScorecardExamples.Q1);

        Assert.Equal(0.65, report.GetDimension(ScorecardDimension.Technical).Score!.Value, 12);
        Assert.Equal(0.375, report.GetDimension(ScorecardDimension.Business).Score!.Value, 12);
        Assert.Equal(0.65, report.GetDimension(ScorecardDimension.Risk).Score!.Value, 12);
        Assert.Equal(0.55, report.GetDimension(ScorecardDimension.Adoption).Score!.Value, 12);
        Assert.Equal((0.25 * 0.65) + (0.35 * 0.375) + (0.25 * 0.65) + (0.15 * 0.55), report.OverallHealth!.Value, 12);
        Assert.All(report.Dimensions, d => Assert.Equal(d.Weight, d.EffectiveWeight, 12));
        Assert.Empty(report.Warnings);
        Assert.Null(report.PreviousPeriod);
        Assert.Null(report.OverallChange);
    }

    [Fact]
    public void DefaultWeights_AreTheSeeds()
    {
        Assert.Equal(new DimensionWeights(0.25, 0.35, 0.25, 0.15), DimensionWeights.Default);
        Assert.Equal(DimensionWeights.Default, Scorecard.Weights);
        Assert.Equal(0.6, Scorecard.WeaknessThreshold);
    }

    [Theory]
    [InlineData(0.25, 0.35, 0.25, 0.20)]
    [InlineData(0.25, 0.35, 0.25, 0.10)]
    [InlineData(0.5, 0.5, 0.5, -0.5)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(double.NaN, 0.35, 0.25, 0.15)]
    public void Constructor_WeightsNotSummingToOne_AreRejected(double technical, double business, double risk, double adoption)
    {
        var weights = new DimensionWeights(technical, business, risk, adoption);
        var ex = Assert.Throws<ArgumentException>(() => new BalancedScorecard(ScorecardExamples.Metrics, weights, 0.6));
        Assert.Equal("weights", ex.ParamName);
        Assert.Contains("Invalid ScorecardsOptions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateMetricOrBadThreshold_IsRejected()
    {
        var metrics = ScorecardExamples.Metrics.Append(ScorecardExamples.Metrics[0]);
        Assert.Equal("metrics", Assert.Throws<ArgumentException>(() => new BalancedScorecard(metrics)).ParamName);
        var threshold = Assert.Throws<ArgumentException>(() => new BalancedScorecard(ScorecardExamples.Metrics, DimensionWeights.Default, 1.2));
        Assert.Equal("weaknessThreshold", threshold.ParamName);
        Assert.Contains("WeaknessThreshold", threshold.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DimensionWithoutValues_IsNotMeasuredAndReweighted()
    {
        var report = Scorecard.Evaluate("Credit decisioning", "2025-Q2", ScorecardExamples.Q2);
        var adoption = report.GetDimension(ScorecardDimension.Adoption);

        Assert.False(adoption.IsMeasured);
        Assert.Null(adoption.Score);
        Assert.Equal(0.0, adoption.EffectiveWeight);
        Assert.Equal(["usage_rate", "override_rate"], adoption.MissingMetrics);
        Assert.Contains(report.Warnings, w => w.StartsWith("Adoption & trust is not measured", StringComparison.Ordinal));

        // Technical 0.8, business 0.55, risk 0.875 over weights 0.25, 0.35, 0.25 re-scaled by 0.85.
        Assert.Equal(((0.25 * 0.8) + (0.35 * 0.55) + (0.25 * 0.875)) / 0.85, report.OverallHealth!.Value, 12);
        Assert.Equal(0.25 / 0.85, report.GetDimension(ScorecardDimension.Technical).EffectiveWeight, 12);
        Assert.Equal(1.0, report.Dimensions.Sum(d => d.EffectiveWeight), 12);
    }

    [Fact]
    public void Evaluate_DimensionWithoutDefinitions_IsNotMeasured()
    {
        var technicalOnly = new BalancedScorecard(ScorecardExamples.Metrics.Where(m => m.Dimension == ScorecardDimension.Technical));
        var report = technicalOnly.Evaluate("s", "p", ScorecardExamples.Q1);

        Assert.Equal(0.65, report.OverallHealth!.Value, 12);
        Assert.Equal(3, report.Dimensions.Count(d => !d.IsMeasured));
        Assert.Contains(report.Warnings, w => w.Contains("Business impact is not measured: no metric is defined", StringComparison.Ordinal));
        // Readings of metrics the scorecard does not define are reported, not silently dropped.
        Assert.Contains(report.Warnings, w => w.Contains("'usage_rate' matches no metric definition", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_NothingMeasured_HasNoOverallHealth()
    {
        var report = Scorecard.Evaluate("s", "p", []);
        Assert.Null(report.OverallHealth);
        Assert.All(report.Dimensions, d => Assert.False(d.IsMeasured));
        Assert.Empty(report.Weaknesses);
        Assert.Contains(report.Warnings, w => w.Contains("overall health cannot be computed", StringComparison.Ordinal));
        Assert.Contains("Overall health: n/a", report.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MeasuredDimensionMissingAMetric_ScoresTheRestAndWarns()
    {
        var readings = ScorecardExamples.Q1.Where(r => r.MetricName != "latency_p95_ms");
        var report = Scorecard.Evaluate("s", "p", readings);
        var technical = report.GetDimension(ScorecardDimension.Technical);

        Assert.Equal(0.7, technical.Score!.Value, 12);
        Assert.Equal(["latency_p95_ms"], technical.MissingMetrics);
        Assert.Contains(report.Warnings, w => w.StartsWith("Metric 'latency_p95_ms' (Technical performance) has no value", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_Weaknesses_AreDimensionsBelowThresholdWithTheirWeakMetrics()
    {
        var report = Scorecard.Evaluate("Credit decisioning", "2025-Q1", ScorecardExamples.Q1);

        // Business 0.375 and adoption 0.55 are below 0.6; technical and risk (0.65) are not.
        Assert.Equal([ScorecardDimension.Business, ScorecardDimension.Adoption], report.Weaknesses.Select(w => w.Dimension));
        var business = report.Weaknesses[0];
        Assert.Equal(0.375, business.Score, 12);
        Assert.Equal(["cost_savings", "time_saved_hours"], business.Metrics.Select(m => m.Metric.Name));
        Assert.Equal(0.3, business.Metrics[0].Score, 12);
        var adoption = report.Weaknesses[1];
        Assert.Equal(["override_rate"], adoption.Metrics.Select(m => m.Metric.Name));
    }

    [Fact]
    public void Evaluate_CustomThreshold_ChangesWeaknesses()
    {
        var strict = new BalancedScorecard(ScorecardExamples.Metrics, DimensionWeights.Default, 0.7);
        var report = strict.Evaluate("s", "p", ScorecardExamples.Q1);
        Assert.Equal(4, report.Weaknesses.Count);
        Assert.Equal(0.7, report.WeaknessThreshold);
    }

    [Fact]
    public void Evaluate_WithPreviousPeriod_ReportsChanges()
    {
        var q1 = Scorecard.Evaluate("Credit decisioning", "2025-Q1", ScorecardExamples.Q1);
        var q2 = Scorecard.Evaluate("Credit decisioning", "2025-Q2", ScorecardExamples.Q2, q1);

        Assert.Equal("2025-Q1", q2.PreviousPeriod);
        Assert.Equal(0.8 - 0.65, q2.GetDimension(ScorecardDimension.Technical).Change!.Value, 12);
        Assert.Equal(0.55 - 0.375, q2.GetDimension(ScorecardDimension.Business).Change!.Value, 12);
        Assert.Equal(0.55, q2.GetDimension(ScorecardDimension.Adoption).PreviousScore!.Value, 12);
        Assert.Null(q2.GetDimension(ScorecardDimension.Adoption).Change);
        Assert.Equal(q2.OverallHealth!.Value - q1.OverallHealth!.Value, q2.OverallChange!.Value, 12);
        Assert.Contains(q2.Warnings, w => w.StartsWith("The overall change against 2025-Q1 compares different sets of dimensions (Adoption & trust", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_SameDimensionsMeasured_NoComparabilityWarning()
    {
        var q1 = Scorecard.Evaluate("s", "2025-Q1", ScorecardExamples.Q1);
        var q2 = Scorecard.Evaluate("s", "2025-Q2", ScorecardExamples.Q1, q1);
        Assert.Empty(q2.Warnings);
        Assert.Equal(0.0, q2.OverallChange!.Value, 15);
    }

    [Fact]
    public void Evaluate_BadReadings_AreRejected()
    {
        var duplicate = ScorecardExamples.Q1.Append(new MetricReading("accuracy", 0.9));
        Assert.Equal("readings", Assert.Throws<ArgumentException>(() => Scorecard.Evaluate("s", "p", duplicate)).ParamName);
        Assert.Equal("readings", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Scorecard.Evaluate("s", "p", [new MetricReading("accuracy", double.NaN)])).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentException>(() => Scorecard.Evaluate("s", "", [])).ParamName);
        var other = Scorecard.Evaluate("other system", "p", []);
        Assert.Equal("previous", Assert.Throws<ArgumentException>(() => Scorecard.Evaluate("s", "p", [], other)).ParamName);
    }

    [Fact]
    public void ToMarkdown_ShowsScoresWeaknessesAndWarnings()
    {
        var q1 = Scorecard.Evaluate("Credit decisioning", "2025-Q1", ScorecardExamples.Q1);
        var q2 = Scorecard.Evaluate("Credit decisioning", "2025-Q2", ScorecardExamples.Q2, q1);
        var markdown = q2.ToMarkdown();

        Assert.StartsWith("# AI system health report: Credit decisioning\n", markdown, StringComparison.Ordinal);
        Assert.Contains("Period: 2025-Q2 (compared with 2025-Q1)", markdown, StringComparison.Ordinal);
        Assert.Contains("| Technical performance | 25.0 % → 29.4 % | 80.0 % | +15.0 pts |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Adoption & trust | 15.0 % | not measured | n/a |", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Business impact: 55.0 %**", markdown, StringComparison.Ordinal);
        Assert.Contains("  - cost_savings: 180,000 (floor 0, target 400,000) scores 45.0 %", markdown, StringComparison.Ordinal);
        Assert.Contains("## Warnings", markdown, StringComparison.Ordinal);
        Assert.Contains("| Adoption & trust | usage_rate | no value | | | |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPlainText_FollowsTheSeedsLayout()
    {
        var text = Scorecard.Evaluate("Credit decisioning", "2025-Q1", ScorecardExamples.Q1).ToPlainText();
        Assert.StartsWith("AI System Health Report: Credit decisioning\nPeriod: 2025-Q1\nOverall Health: 53.9 %\n", text, StringComparison.Ordinal);
        Assert.Contains("- Business impact: 37.5 % [weight 35.0 %]", text, StringComparison.Ordinal);
        Assert.Contains("Areas Requiring Attention:\n- Business impact (37.5 %)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_IsCamelCaseWithEnumNamesAndNullsForUnmeasured()
    {
        var q1 = Scorecard.Evaluate("Credit decisioning", "2025-Q1", ScorecardExamples.Q1);
        var q2 = Scorecard.Evaluate("Credit decisioning", "2025-Q2", ScorecardExamples.Q2, q1);
        using var json = JsonDocument.Parse(q2.ToJson());
        var root = json.RootElement;

        Assert.Equal("Credit decisioning", root.GetProperty("systemName").GetString());
        Assert.Equal(q2.OverallHealth!.Value, root.GetProperty("overallHealth").GetDouble(), 12);
        var dimensions = root.GetProperty("dimensions");
        Assert.Equal(4, dimensions.GetArrayLength());
        Assert.Equal("Adoption", dimensions[3].GetProperty("dimension").GetString());
        Assert.Equal(JsonValueKind.Null, dimensions[3].GetProperty("score").ValueKind);
        Assert.False(dimensions[3].GetProperty("isMeasured").GetBoolean());
        Assert.Equal("LowerIsBetter", dimensions[0].GetProperty("metrics")[1].GetProperty("metric").GetProperty("direction").GetString());
        Assert.Equal("Business", root.GetProperty("weaknesses")[0].GetProperty("dimension").GetString());
        Assert.True(root.GetProperty("warnings").GetArrayLength() > 0);
    }

    [Fact]
    public void FromJson_RoundTrips_AndServesAsThePreviousPeriod()
    {
        var q1 = Scorecard.Evaluate("Credit decisioning", "2025-Q1", ScorecardExamples.Q1);
        var q2 = Scorecard.Evaluate("Credit decisioning", "2025-Q2", ScorecardExamples.Q2, q1);

        var restored = ScorecardReport.FromJson(q2.ToJson());
        Assert.Equal(q2.ToJson(), restored.ToJson());
        Assert.Equal(q2.ToMarkdown(), restored.ToMarkdown());

        var fromStored = Scorecard.Evaluate("Credit decisioning", "2025-Q2", ScorecardExamples.Q2, ScorecardReport.FromJson(q1.ToJson()));
        Assert.Equal(q2.ToJson(), fromStored.ToJson());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"systemName\":\"s\",\"period\":\"p\",\"weaknessThreshold\":0.6,\"dimensions\":[],\"weaknesses\":[],\"warnings\":[]}")]
    [InlineData("not json")]
    public void FromJson_NotAReport_ThrowsJsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => ScorecardReport.FromJson(json));
}
