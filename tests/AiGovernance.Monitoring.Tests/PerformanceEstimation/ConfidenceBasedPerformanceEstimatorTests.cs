using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Monitoring.PerformanceEstimation;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Statistics;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Tests.PerformanceEstimation;

public class ConfidenceBasedPerformanceEstimatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 8, 3, 6, 0, 0, TimeSpan.Zero);

    private static (CbpeReference Reference, ConfidenceBasedPerformanceEstimator Estimator) FitCalibrated(CalibrationMethod method = CalibrationMethod.Isotonic, int seed = 1)
    {
        var estimator = new ConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { Calibration = method }, new FakeTimeProvider(Now));
        var (scores, labels) = SyntheticModels.Calibrated(new Random(seed), 20_000, 0, 1);
        return (estimator.Fit(scores, labels), estimator);
    }

    [Fact]
    public void Fit_CalibratedModel_PassesTheCalibrationCheck_AndRecordsTheReferencePerformance()
    {
        var estimator = new ConfidenceBasedPerformanceEstimator();
        var (scores, labels) = SyntheticModels.Calibrated(new Random(2), 20_000, 0, 1);
        var reference = estimator.Fit(scores, labels);
        Assert.True(reference.IsCalibrationAcceptable);
        Assert.True(reference.Calibration.ExpectedCalibrationError < 0.015, $"ECE {reference.Calibration.ExpectedCalibrationError}");
        var decisions = scores.Select(s => s >= 0.5).ToArray();
        Assert.Equal(BinaryClassificationMetrics.Compute(scores, decisions, labels), reference.Metrics);
        Assert.Equal(10, reference.Calibration.Bins.Count);
        Assert.NotNull(reference.RawScoreCalibration);
        Assert.StartsWith("isotonic regression (", reference.CalibratorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_IsotonicCalibration_RepairsMiscalibratedScores()
    {
        // The model reports p² instead of p: badly calibrated raw, monotone, so isotonic regression recovers p.
        var (scores, labels) = SyntheticModels.Classifier(new Random(3), 20_000, 0, 1,
            x => Math.Pow(SyntheticModels.Sigmoid(SyntheticModels.TrueLogOdds(x)), 2), SyntheticModels.TrueLogOdds);
        var reference = new ConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { DecisionThreshold = 0.25 }).Fit(scores, labels);
        Assert.True(reference.RawScoreCalibration!.ExpectedCalibrationError > 0.1);
        Assert.True(reference.IsCalibrationAcceptable, $"ECE {reference.Calibration.ExpectedCalibrationError}");
    }

    [Fact]
    public void Estimate_PoorlyCalibratedScoresUsedAsTheyAre_IsRefusedWithAClearMessage()
    {
        var estimator = new ConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { Calibration = CalibrationMethod.None });
        var (scores, labels) = SyntheticModels.Classifier(new Random(4), 10_000, 0, 1,
            x => Math.Pow(SyntheticModels.Sigmoid(SyntheticModels.TrueLogOdds(x)), 2), SyntheticModels.TrueLogOdds);
        var reference = estimator.Fit(scores, labels);
        Assert.False(reference.IsCalibrationAcceptable);
        var e = Assert.Throws<PoorCalibrationException>(() => estimator.Estimate(reference, scores, "2026-W31"));
        Assert.Same(reference, e.Reference);
        Assert.Contains("Refusing to estimate", e.Message, StringComparison.Ordinal);
        Assert.Contains("5-fold cross-validated, 10 equal-width bins", e.Message, StringComparison.Ordinal);
        Assert.Contains("above the limit of 0.0300", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<AiGovernanceException>(e);
    }

    [Fact]
    public void Estimate_PlattOnProbabilityScaleScores_IsRefused()
    {
        // Platt's sigmoid of a probability cannot be the identity: the cross-validated check catches the misfit (ECE ≈ 0.037),
        // which would otherwise bias the estimated accuracy by about 0.016, three times its band's standard error.
        var (reference, estimator) = FitCalibrated(CalibrationMethod.Platt, seed: 26);
        Assert.InRange(reference.Calibration.ExpectedCalibrationError, 0.03, 0.05);
        Assert.Throws<PoorCalibrationException>(() => estimator.Estimate(reference, [0.5], "w"));
    }

    [Fact]
    public void Estimate_PlattOnLogOdds_PassesAndEstimatesTheSameAsTheTruth()
    {
        var random = new Random(5);
        var (scores, labels) = SyntheticModels.Classifier(random, 20_000, 0, 1, SyntheticModels.TrueLogOdds, SyntheticModels.TrueLogOdds);
        var estimator = new ConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { Calibration = CalibrationMethod.Platt, DecisionThreshold = 0 });
        var reference = estimator.Fit(scores, labels);
        Assert.True(reference.IsCalibrationAcceptable);
        Assert.StartsWith("Platt scaling (A = -0.99", reference.CalibratorDescription, StringComparison.Ordinal); // the truth is A = −1, B = 0
        var window = SyntheticModels.Classifier(random, 5000, 0.5, 1, SyntheticModels.TrueLogOdds, SyntheticModels.TrueLogOdds);
        var truth = ConfidenceBasedPerformance.Estimate(window.Scores.Select(s => SyntheticModels.Sigmoid(s)).ToArray(), window.Scores.Select(s => s >= 0).ToArray());
        var estimate = estimator.Estimate(reference, window.Scores, "w");
        Assert.Equal(truth.Accuracy.Estimate, estimate.Get(EstimatedMetric.Accuracy).Estimate, 2);
        Assert.Equal(truth.RocAuc.Estimate, estimate.Get(EstimatedMetric.RocAuc).Estimate, 2);
    }

    [Fact]
    public void Fit_DecreasingPlattCalibration_IsRejected()
    {
        var (scores, labels) = SyntheticModels.Calibrated(new Random(6), 2000, 0, 1);
        var flipped = labels.Select(l => !l).ToArray();
        var e = Assert.Throws<ArgumentException>(() => new ConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { Calibration = CalibrationMethod.Platt }).Fit(scores, flipped));
        Assert.Contains("decreases with the score", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TooFewExamplesOfAClass_NamesTheMinimum()
    {
        var scores = Enumerable.Range(0, 100).Select(i => i / 100.0).ToArray();
        var labels = scores.Select(s => s > 0.9).ToArray();
        var e = Assert.Throws<ArgumentException>(() => new ConfidenceBasedPerformanceEstimator().Fit(scores, labels));
        Assert.Equal("labels", e.ParamName);
        Assert.Contains("at least 20 of each", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_NaNScore_NamesIndex()
    {
        var (reference, estimator) = FitCalibrated();
        var e = Assert.Throws<ArgumentException>(() => estimator.Estimate(reference, [0.2, double.NaN], "w"));
        Assert.Equal("scores", e.ParamName);
        Assert.Contains("Score 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_AllMetricsAndTheExpectedConfusionMatrix_WithBandsAndReferenceValues()
    {
        var (reference, estimator) = FitCalibrated();
        var (scores, _) = SyntheticModels.Calibrated(new Random(7), 5000, 0.5, 1);
        var estimate = estimator.Estimate(reference, scores, "2026-W31", Now);
        Assert.Equal(
            [EstimatedMetric.Accuracy, EstimatedMetric.Precision, EstimatedMetric.Recall, EstimatedMetric.Specificity, EstimatedMetric.F1, EstimatedMetric.RocAuc],
            estimate.Metrics.Select(m => m.Metric));
        foreach (var m in estimate.Metrics)
        {
            Assert.True(m.Lower < m.Estimate && m.Estimate < m.Upper, $"{m.Metric}: {m.Lower} {m.Estimate} {m.Upper}");
            Assert.Equal(reference.ReferenceValue(m.Metric), m.ReferenceValue);
        }

        var c = estimate.ExpectedConfusion!;
        Assert.Equal(5000, c.TruePositives.Estimate + c.FalsePositives.Estimate + c.FalseNegatives.Estimate + c.TrueNegatives.Estimate, 6);
        Assert.Equal(scores.Count(s => s >= 0.5), c.TruePositives.Estimate + c.FalsePositives.Estimate, 6);
        Assert.Equal("CBPE", estimate.Estimator);
        Assert.Equal(Now, estimate.GeneratedAt);
        Assert.Equal(Now, estimate.WindowEnd);
        Assert.True(estimate.RocAucResolution < 1e-3);
        Assert.Equal(reference.Calibration.ExpectedCalibrationError, estimate.ReferenceCalibrationError);
    }

    [Fact]
    public void Accumulator_StreamedInPartitions_EqualsTheWholeWindow()
    {
        var (reference, estimator) = FitCalibrated();
        var (scores, _) = SyntheticModels.Calibrated(new Random(8), 3001, 0.2, 1.1);
        var whole = estimator.Estimate(reference, scores, "w");
        var left = ConfidenceBasedPerformanceEstimator.CreateAccumulator(reference);
        var right = ConfidenceBasedPerformanceEstimator.CreateAccumulator(reference);
        left.Add(scores.AsSpan(0, 1000));
        right.Add(scores.AsSpan(1000));
        left.Merge(right);
        var merged = estimator.Estimate(left, "w", null);
        Assert.Equal(3001, left.Count);
        for (var i = 0; i < whole.Metrics.Count; i++)
        {
            Assert.Equal(whole.Metrics[i].Estimate, merged.Metrics[i].Estimate, 12);
            Assert.Equal(whole.Metrics[i].StandardError, merged.Metrics[i].StandardError, 12);
        }
    }

    [Fact]
    public void Accumulator_FromAnotherReference_CannotMerge()
    {
        var (a, _) = FitCalibrated(seed: 9);
        var (b, _) = FitCalibrated(seed: 10);
        var e = Assert.Throws<ArgumentException>(() => ConfidenceBasedPerformanceEstimator.CreateAccumulator(a).Merge(ConfidenceBasedPerformanceEstimator.CreateAccumulator(b)));
        Assert.Equal("other", e.ParamName);
    }

    [Fact]
    public void Estimate_EmptyAccumulator_Throws()
    {
        var (reference, estimator) = FitCalibrated();
        Assert.Equal("accumulator", Assert.Throws<ArgumentException>(() => estimator.Estimate(ConfidenceBasedPerformanceEstimator.CreateAccumulator(reference), "w", null)).ParamName);
    }

    [Fact]
    public void EstimatedPerformance_RoundTripsThroughJson()
    {
        var (reference, estimator) = FitCalibrated();
        var (scores, _) = SyntheticModels.Calibrated(new Random(11), 2000, 0, 1);
        var estimate = estimator.Estimate(reference, scores, "2026-W31", Now);
        var back = EstimatedPerformance.FromJson(estimate.ToJson());
        Assert.Equal(estimate.Window, back.Window);
        Assert.Equal(estimate.WindowEnd, back.WindowEnd);
        Assert.Equal(estimate.Metrics, back.Metrics);
        Assert.Equal(estimate.ExpectedConfusion, back.ExpectedConfusion);
        Assert.Equal(estimate.RocAucResolution, back.RocAucResolution);
        Assert.Contains("\"estimator\": \"CBPE\"", estimate.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EstimatedPerformance_IsKeptInTheReportHistory_AndReadBack()
    {
        var (reference, estimator) = FitCalibrated();
        var (scores, _) = SyntheticModels.Calibrated(new Random(15), 2000, 0.3, 1);
        var estimate = estimator.Estimate(reference, scores, "2026-W31", Now);
        var store = new InMemoryGovernanceReportStore(new InMemoryAuditLog(new FakeTimeProvider(Now)));
        await store.StoreAsync(estimate.ToGovernanceReport("credit-scoring"), "monitoring-job", TestContext.Current.CancellationToken);

        var latest = await store.GetLatestAsync("credit-scoring", GovernanceReportKinds.EstimatedPerformance, TestContext.Current.CancellationToken);
        Assert.Equal(Now, latest!.Report.CreatedAt);
        var back = EstimatedPerformance.FromJson(latest.Report.ContentJson);
        Assert.Equal(estimate.Metrics, back.Metrics);
    }

    [Fact]
    public void EstimatedPerformance_UndefinedMetric_IsWrittenAsNaN_AndReadBack()
    {
        var (reference, estimator) = FitCalibrated();
        var estimate = estimator.Estimate(reference, [0.01, 0.02, 0.03], "all negative");
        Assert.False(estimate.Get(EstimatedMetric.Precision).IsDefined);
        Assert.False(EstimatedPerformance.FromJson(estimate.ToJson()).Get(EstimatedMetric.Precision).IsDefined);
    }

    [Fact]
    public void ToMarkdown_ListsEveryMetricWithItsBand()
    {
        var (reference, estimator) = FitCalibrated();
        var (scores, _) = SyntheticModels.Calibrated(new Random(12), 2000, 0, 1);
        var markdown = estimator.Estimate(reference, scores, "week | 31").ToMarkdown();
        Assert.Contains("# Estimated performance — week \\| 31", markdown, StringComparison.Ordinal);
        Assert.Contains("| RocAuc |", markdown, StringComparison.Ordinal);
        Assert.Contains("Expected confusion matrix", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDriftEvent_CarriesTheDropAtTheBandsEdge()
    {
        var (reference, estimator) = FitCalibrated();
        var (scores, _) = SyntheticModels.Calibrated(new Random(13), 5000, -1.2, 0.5);
        var estimate = estimator.Estimate(reference, scores, "2026-W33");
        var auc = estimate.Get(EstimatedMetric.RocAuc);
        var driftEvent = estimate.ToDriftEvent("credit", EstimatedMetric.RocAuc);
        Assert.Equal(DriftEventKind.EstimatedPerformance, driftEvent.Kind);
        Assert.Equal("RocAuc", driftEvent.Subject);
        Assert.Equal(reference.Metrics.RocAuc - auc.Upper, driftEvent.Degradation, 12);
        Assert.True(driftEvent.Degradation > 0);
        Assert.Contains("estimated RocAuc (no labels, CBPE)", driftEvent.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownMetric_NamesWhatIsEstimated()
    {
        var (reference, estimator) = FitCalibrated();
        var estimate = estimator.Estimate(reference, [0.3, 0.7], "w");
        var e = Assert.Throws<KeyNotFoundException>(() => estimate.Get(EstimatedMetric.MeanAbsoluteError));
        Assert.Contains("Accuracy, Precision", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareRealised_UnderConceptShift_FlagsTheGapAndMakesAnAlertEvent()
    {
        var (reference, estimator) = FitCalibrated();
        var (scores, labels) = SyntheticModels.Classifier(new Random(14), 5000, 0, 1,
            x => SyntheticModels.Sigmoid(SyntheticModels.TrueLogOdds(x)), x => 0.5 + x);
        var estimate = estimator.Estimate(reference, scores, "2026-W34");
        var comparison = estimator.CompareRealised(estimate, scores, labels);
        Assert.True(comparison.IsAlert);
        Assert.Equal([EstimatedMetric.Accuracy, EstimatedMetric.RocAuc], comparison.AlertMetrics);
        var accuracy = comparison.Get(EstimatedMetric.Accuracy);
        Assert.True(accuracy.IsOutsideBand && accuracy.IsAlerting);
        Assert.Equal(accuracy.Realised - accuracy.Estimated, accuracy.Gap);
        var driftEvent = comparison.ToDriftEvent("credit");
        Assert.Equal(DriftEventKind.EstimationGap, driftEvent.Kind);
        Assert.Equal(Severity.Medium, driftEvent.MinimumSeverity);
        Assert.Contains("no longer holds", driftEvent.Summary, StringComparison.Ordinal);
        var back = RealisedPerformanceComparison.FromJson(comparison.ToJson());
        Assert.Equal(comparison.Gaps, back.Gaps);
        Assert.Contains("**Alert**", comparison.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void CompareRealised_WithAnotherEstimatorsEstimate_Throws()
    {
        var estimator = new ConfidenceBasedPerformanceEstimator();
        var e = Assert.Throws<ArgumentException>(() => estimator.CompareRealised(new EstimatedPerformance { Estimator = "DLE" }, [0.1], [true]));
        Assert.Equal("estimate", e.ParamName);
    }

    [Fact]
    public void Options_OutOfRange_NameTheSetting()
    {
        var e = Assert.Throws<ArgumentException>(() => new ConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { MaximumCalibrationError = 0 }));
        Assert.Equal("options", e.ParamName);
        Assert.Contains("MaximumCalibrationError", e.Message, StringComparison.Ordinal);
        var bins = Assert.Throws<ArgumentException>(() => new ConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { ProbabilityBins = 5 }));
        Assert.Contains("ProbabilityBins", bins.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_SeveralBroken_AllListed()
    {
        var options = new PerformanceEstimationOptions
        {
            Calibration = (CalibrationMethod)99, DecisionThreshold = double.NaN, CalibrationBins = 1, SplineKnots = 51,
        };
        var e = Assert.Throws<ArgumentException>(() => new DirectLossEstimator(options));
        foreach (var setting in new[] { "calibration method", "decision threshold", "CalibrationBins", "SplineKnots" })
        {
            Assert.Contains(setting, e.Message, StringComparison.Ordinal);
        }
    }
}
