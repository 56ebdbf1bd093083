using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Gates.Milestones;
using AiGovernance.Gates.ModelCards;
using AiGovernance.Statistics;

namespace AiGovernance.Gates.Tests.Milestones;

/// <summary>The performance gate on regression metrics (MAE, RMSE) and on values estimated without labels.</summary>
public class PerformanceGateRegressionAndEstimateTests
{
    private static PerformanceGate Gate(PerformanceMetric metric, double threshold) =>
        new(new PerformanceGateOptions { Metric = metric, Threshold = threshold });

    private static (double[] Actual, double[] Predicted) Errors(int n, double scale)
    {
        var random = new Random(3);
        var actual = new double[n];
        var predicted = new double[n];
        for (var i = 0; i < n; i++)
        {
            actual[i] = random.NextDouble() * 100;
            predicted[i] = actual[i] + (scale * ((2 * random.NextDouble()) - 1));
        }

        return (actual, predicted);
    }

    [Fact]
    public void EvaluateRegression_MaeUpperBoundBelowThreshold_IsGo()
    {
        // |error| uniform on [0, 2]: MAE ≈ 1 with a t interval of about ±0.04 at n = 2,000.
        var (actual, predicted) = Errors(2000, 2);
        var result = Gate(PerformanceMetric.MeanAbsoluteError, 1.2).EvaluateRegression(actual, predicted);
        var expected = RegressionError.MeanAbsolute(actual, predicted, 0.95);
        Assert.Equal(MilestoneVerdict.Go, result.Verdict);
        Assert.Equal(expected.Estimate, result.Estimate.Estimate, 12);
        Assert.Equal(expected.Upper, result.Estimate.Upper, 12);
        Assert.True(result.Estimate.IsLowerBetter);
        Assert.Contains("(lower is better): go", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateRegression_RmseLowerBoundAboveThreshold_IsNoGo()
    {
        // Uniform errors on [−2, 2]: RMSE = 2/√3 ≈ 1.155.
        var (actual, predicted) = Errors(2000, 2);
        var result = Gate(PerformanceMetric.RootMeanSquaredError, 1.0).EvaluateRegression(actual, predicted);
        Assert.Equal(MilestoneVerdict.NoGo, result.Verdict);
        Assert.InRange(result.Estimate.Estimate, 1.12, 1.19);
    }

    [Fact]
    public void EvaluateRegression_IntervalStraddlesThreshold_IsInconclusiveWithMoreExamples()
    {
        var (actual, predicted) = Errors(200, 2);
        var result = Gate(PerformanceMetric.MeanAbsoluteError, 1.0).EvaluateRegression(actual, predicted);
        Assert.Equal(MilestoneVerdict.Inconclusive, result.Verdict);
        Assert.NotNull(result.AdditionalExamplesNeeded);
    }

    [Fact]
    public void EvaluateRegression_OnAClassificationGate_Throws() =>
        Assert.Throws<ArgumentException>(() => Gate(PerformanceMetric.Accuracy, 0.9).EvaluateRegression([1, 2], [1, 2]));

    [Fact]
    public void Evaluate_LabelsOnARegressionGate_PointsToEvaluateRegression()
    {
        var e = Assert.Throws<ArgumentException>(() => Gate(PerformanceMetric.RootMeanSquaredError, 3).Evaluate([true, false], [true, true]));
        Assert.Contains("EvaluateRegression", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_RegressionThresholdAboveOne_IsAccepted_ClassificationIsNot()
    {
        Assert.Equal(250.0, Gate(PerformanceMetric.MeanAbsoluteError, 250).Threshold);
        // The options' validators name the broken property in the message (the house convention for options; see OptionsGuard).
        Assert.Contains("Threshold", Assert.Throws<ArgumentException>(() => Gate(PerformanceMetric.Accuracy, 1.5)).Message, StringComparison.Ordinal);
        Assert.Contains("Threshold",
            Assert.Throws<ArgumentException>(() => Gate(PerformanceMetric.MeanAbsoluteError, double.PositiveInfinity)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateEstimated_LabelFreeAccuracyBelowThreshold_IsNoGo_AndSaysItIsEstimated()
    {
        var estimate = new PerformanceEstimate(PerformanceMetric.Accuracy, 0.842, 0.832, 0.852, 5000, "CBPE band (exact variance)") { IsEstimated = true };
        var result = Gate(PerformanceMetric.Accuracy, 0.86).EvaluateEstimated(estimate);
        Assert.Equal(MilestoneVerdict.NoGo, result.Verdict);
        Assert.True(result.IsEstimated);
        Assert.StartsWith("Estimated without labels: Accuracy 0.8420", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateEstimated_Straddling_IsInconclusive_AndAsksForMorePredictions()
    {
        var estimate = new PerformanceEstimate(PerformanceMetric.Auc, 0.80, 0.79, 0.81, 5000, "CBPE band") { IsEstimated = true };
        var result = Gate(PerformanceMetric.Auc, 0.805).EvaluateEstimated(estimate);
        Assert.Equal(MilestoneVerdict.Inconclusive, result.Verdict);
        Assert.Contains("more predictions would settle it", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateEstimated_EstimatedMaeBelowThreshold_IsGo()
    {
        var estimate = new PerformanceEstimate(PerformanceMetric.MeanAbsoluteError, 0.52, 0.50, 0.54, 5000, "DLE band") { IsEstimated = true };
        Assert.Equal(MilestoneVerdict.Go, Gate(PerformanceMetric.MeanAbsoluteError, 0.6).EvaluateEstimated(estimate).Verdict);
    }

    [Fact]
    public void EvaluateEstimated_OtherMetric_Throws() =>
        Assert.Equal("estimate", Assert.Throws<ArgumentException>(() =>
            Gate(PerformanceMetric.F1, 0.8).EvaluateEstimated(new PerformanceEstimate(PerformanceMetric.Accuracy, 0.9, 0.8, 0.95, 10, "x"))).ParamName);

    [Fact]
    public void EvaluateEstimated_BoundsNotAroundTheEstimate_Throws() =>
        Assert.Throws<ArgumentException>(() =>
            Gate(PerformanceMetric.Accuracy, 0.8).EvaluateEstimated(new PerformanceEstimate(PerformanceMetric.Accuracy, 0.9, 0.92, 0.95, 10, "x")));

    [Fact]
    public void ModelCard_MarksEstimatedResults_InMarkdownAndJson()
    {
        var gate = Gate(PerformanceMetric.Accuracy, 0.85);
        var measured = gate.Evaluate(Enumerable.Range(0, 400).Select(i => i % 2 == 0).ToArray(), Enumerable.Range(0, 400).Select(i => i % 2 == 0 || i % 13 == 0).ToArray());
        var estimated = gate.EvaluateEstimated(new PerformanceEstimate(PerformanceMetric.Accuracy, 0.9, 0.89, 0.91, 5000, "CBPE band") { IsEstimated = true });
        var card = new ModelCard(
            new AiSystem("credit-scoring", "Credit scoring", "2.1", new AiSystemOwners("ana", "bo", "chen"), RiskTier.High),
            ModelArtifact.FromBytes("scorer", "2.1.0", "weights"u8),
            "Ranks applications for underwriters.",
            new ModelCardRisk(RiskTier.High, "High-risk", []),
            new Dictionary<string, PerformanceGateResult> { ["holdout accuracy"] = measured, ["week 31 accuracy"] = estimated },
            [],
            new Dictionary<string, string>(),
            [],
            new DateTimeOffset(2026, 8, 3, 9, 0, 0, TimeSpan.Zero));
        var markdown = card.ToMarkdown();
        Assert.Contains("| week 31 accuracy | Accuracy (estimated, no labels) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| holdout accuracy | Accuracy |", markdown, StringComparison.Ordinal);
        Assert.Contains("rest on performance estimated before the labels arrived", markdown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(card.Json);
        var performance = json.RootElement.GetProperty("performance");
        Assert.False(performance[0].GetProperty("estimated").GetBoolean());
        Assert.True(performance[1].GetProperty("estimated").GetBoolean());
    }
}
