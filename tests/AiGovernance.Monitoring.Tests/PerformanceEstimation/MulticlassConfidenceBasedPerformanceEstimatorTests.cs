using AiGovernance.Monitoring.PerformanceEstimation;

namespace AiGovernance.Monitoring.Tests.PerformanceEstimation;

/// <summary>Multiclass CBPE by simulation: a perfectly calibrated three-class model (softmax of known logits of one input
/// x), 1,000 seeded windows of 5,000 predictions under covariate shift (x's distribution moves, P(y | x) does not), and
/// concept shift where the realised-versus-estimated alert must fire.</summary>
/// <remarks>Monte-Carlo slack as in <see cref="ConfidenceBasedPerformanceSimulationTests"/>: a correct 95% band covers in
/// 95% ± 0.69 points of 1,000 windows (one SD), so 93–97% is ±2.9 SD. The macro ROC AUC band is conservative by
/// construction (the mean of the classes' standard errors), so its coverage is only bounded below.</remarks>
public sealed class MulticlassConfidenceBasedPerformanceEstimatorTests
{
    private const int Classes = 3;
    private const int WindowSize = 5000;
    private const int Windows = 1000;

    private static readonly Lazy<Summary> Simulated = new(Simulate);

    [Fact]
    public void CovariateShift_RealisedAccuracyAndMacroF1_FallInsideTheBand_In93To97PercentOfWindows()
    {
        var s = Simulated.Value;
        TestContext.Current.TestOutputHelper?.WriteLine(s.ToString());
        Assert.InRange(s.AccuracyCoverage, 0.93, 0.97);
        Assert.InRange(s.F1Coverage, 0.93, 0.97);
        Assert.InRange(s.RecallCoverage, 0.93, 0.97);
    }

    [Fact]
    public void CovariateShift_MacroRocAucBand_IsConservative()
    {
        Assert.True(Simulated.Value.AucCoverage >= 0.95, $"AUC coverage {Simulated.Value.AucCoverage}");
    }

    [Fact]
    public void CovariateShift_PointEstimateMeanAbsoluteError_IsBelowOneHundredth()
    {
        var s = Simulated.Value;
        Assert.True(s.AccuracyMae < 0.01 && s.F1Mae < 0.01 && s.AucMae < 0.01, s.ToString());
        Assert.True(s.RealisedAccuracyRange > 0.05, $"the shift must move accuracy; range {s.RealisedAccuracyRange}");
    }

    [Fact]
    public void CovariateShift_WithIsotonicCalibratorsFittedOnTheReference_StillCovers()
    {
        // The calibrators' own error (20,000 reference rows) is not in the band: it shifts the standardised gaps by a few
        // tenths of an SD (seed 77: +0.23 accuracy, +0.17 F1), costing about a point of coverage. 300 windows: one SD of the
        // coverage is 1.26 points, so the floor of 91% is 95% minus ~1 point of bias minus 2.4 SD.
        var random = new Random(77);
        var estimator = new MulticlassConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { Calibration = CalibrationMethod.Isotonic });
        var (referenceScores, referenceLabels) = Draw(random, 20_000, 0, 1, TrueLogits, TrueLogits);
        var reference = estimator.Fit(referenceScores, Classes, referenceLabels);
        int accuracyInside = 0, f1Inside = 0, alerts = 0;
        const int windows = 300;
        for (var w = 0; w < windows; w++)
        {
            var (scores, labels) = Draw(random, WindowSize, 0.5, 1, TrueLogits, TrueLogits);
            var comparison = MulticlassConfidenceBasedPerformanceEstimator.CompareRealised(estimator.Estimate(reference, scores, $"w{w}"), scores, Classes, labels);
            accuracyInside += comparison.Get(EstimatedMetric.Accuracy).IsOutsideBand ? 0 : 1;
            f1Inside += comparison.Get(EstimatedMetric.F1).IsOutsideBand ? 0 : 1;
            alerts += comparison.IsAlert ? 1 : 0;
        }

        Assert.InRange((double)accuracyInside / windows, 0.91, 0.99);
        Assert.InRange((double)f1Inside / windows, 0.91, 0.99);
        Assert.True(alerts <= 0.08 * windows, $"false alerts in {alerts} of {windows} windows");
    }

    [Fact]
    public void ConceptShift_RealisedVersusEstimatedAlertFires()
    {
        var random = new Random(31);
        var estimator = new MulticlassConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { Calibration = CalibrationMethod.None });
        var (referenceScores, referenceLabels) = Draw(random, 20_000, 0, 1, TrueLogits, TrueLogits);
        var reference = estimator.Fit(referenceScores, Classes, referenceLabels);
        var alerts = 0;
        const int windows = 200;
        for (var w = 0; w < windows; w++)
        {
            // The world changes (class 1 now takes over from x > 0.5, and class 0 grows) while the model scores as before.
            var (scores, labels) = Draw(random, WindowSize, 0, 1, TrueLogits, x => [0.6, 2 * (x - 0.5), -2 * x]);
            var estimate = estimator.Estimate(reference, scores, $"w{w}");
            alerts += MulticlassConfidenceBasedPerformanceEstimator.CompareRealised(estimate, scores, Classes, labels).IsAlert ? 1 : 0;
        }

        Assert.True(alerts >= 0.95 * windows, $"{alerts} of {windows} windows alerted");
    }

    [Fact]
    public void Fit_OverconfidentScoresUsedAsTheyAre_IsRefusedNamingTheClass()
    {
        // The model's logits are twice the truth: overconfident, so the raw softmax is badly calibrated.
        var random = new Random(32);
        var (scores, labels) = Draw(random, 10_000, 0, 1, x => [.. TrueLogits(x).Select(v => 2 * v)], TrueLogits);
        var estimator = new MulticlassConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { Calibration = CalibrationMethod.None });
        var reference = estimator.Fit(scores, Classes, labels);
        Assert.False(reference.IsCalibrationAcceptable);
        var e = Assert.Throws<PoorCalibrationException>(() => estimator.Estimate(reference, scores, "w"));
        Assert.Same(reference, e.MulticlassReference);
        Assert.Null(e.Reference);
        Assert.Contains("(one-vs-rest, the worst of 3 classes) expected calibration error is", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_OverconfidentScoresCalibratedIsotonically_RecoverTheRealisedAccuracy()
    {
        var random = new Random(33);
        Func<double, double[]> overconfident = x => [.. TrueLogits(x).Select(v => 2 * v)];
        var (referenceScores, referenceLabels) = Draw(random, 50_000, 0, 1, overconfident, TrueLogits);
        var estimator = new MulticlassConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { Calibration = CalibrationMethod.Isotonic });
        var reference = estimator.Fit(referenceScores, Classes, referenceLabels);
        Assert.True(reference.IsCalibrationAcceptable, $"worst ECE {reference.WorstCalibrationError}");
        double error = 0;
        const int windows = 50;
        for (var w = 0; w < windows; w++)
        {
            var (scores, labels) = Draw(random, WindowSize, 0.3 * (w % 3), 1, overconfident, TrueLogits);
            var estimate = estimator.Estimate(reference, scores, $"w{w}");
            error += Math.Abs(MulticlassConfidenceBasedPerformanceEstimator.CompareRealised(estimate, scores, Classes, labels)
                .Get(EstimatedMetric.Accuracy).Gap) / windows;
        }

        Assert.True(error < 0.01, $"accuracy MAE {error}");
    }

    [Fact]
    public void Estimate_ScoresNotAMultipleOfTheClassCount_AreRejected()
    {
        var random = new Random(34);
        var (scores, labels) = Draw(random, 2000, 0, 1, TrueLogits, TrueLogits);
        var estimator = new MulticlassConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { Calibration = CalibrationMethod.None });
        var reference = estimator.Fit(scores, Classes, labels);
        var e = Assert.Throws<ArgumentException>(() => estimator.Estimate(reference, scores.AsSpan(0, 7), "w"));
        Assert.Equal("scores", e.ParamName);
        Assert.Contains("7 values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ClassTooRare_IsRejectedNamingTheClass()
    {
        double[] scores = [.. Enumerable.Range(0, 300).SelectMany(i => new[] { 0.5, 0.3, 0.2 })];
        int[] labels = [.. Enumerable.Range(0, 300).Select(i => i < 5 ? 2 : i % 2)];
        var estimator = new MulticlassConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions());
        var e = Assert.Throws<ArgumentException>(() => estimator.Fit(scores, Classes, labels));
        Assert.Contains("5 examples of class 2", e.Message, StringComparison.Ordinal);
    }

    internal static double[] TrueLogits(double x) => [0, 2 * x, -2 * x];

    internal static (double[] Scores, int[] Labels) Draw(
        Random random, int n, double mean, double sd, Func<double, double[]> modelLogits, Func<double, double[]> trueLogits)
    {
        var scores = new double[n * Classes];
        var labels = new int[n];
        Span<double> truth = stackalloc double[Classes];
        for (var i = 0; i < n; i++)
        {
            var x = mean + (sd * SyntheticModels.Gaussian(random));
            Softmax(modelLogits(x), scores.AsSpan(i * Classes, Classes));
            Softmax(trueLogits(x), truth);
            var u = random.NextDouble();
            var c = 0;
            while (c < Classes - 1 && u >= truth[c])
            {
                u -= truth[c];
                c++;
            }

            labels[i] = c;
        }

        return (scores, labels);
    }

    private static void Softmax(double[] logits, Span<double> into)
    {
        var max = logits.Max();
        var total = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            into[c] = Math.Exp(logits[c] - max);
            total += into[c];
        }

        for (var c = 0; c < logits.Length; c++)
        {
            into[c] /= total;
        }
    }

    private static Summary Simulate()
    {
        var random = new Random(30);
        var estimator = new MulticlassConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { Calibration = CalibrationMethod.None });
        var (referenceScores, referenceLabels) = Draw(random, 20_000, 0, 1, TrueLogits, TrueLogits);
        var reference = estimator.Fit(referenceScores, Classes, referenceLabels);
        int accuracyInside = 0, f1Inside = 0, recallInside = 0, aucInside = 0;
        double accuracyError = 0, f1Error = 0, aucError = 0, low = 1, high = 0;
        for (var w = 0; w < Windows; w++)
        {
            // A different covariate shift in every window: the mean moves by up to ±0.5 SD, the spread from 0.6 to 1.4.
            var (scores, labels) = Draw(random, WindowSize, 0.25 * ((w % 5) - 2), 0.6 + (0.2 * (w % 4)), TrueLogits, TrueLogits);
            var estimate = estimator.Estimate(reference, scores, $"w{w}");
            var comparison = MulticlassConfidenceBasedPerformanceEstimator.CompareRealised(estimate, scores, Classes, labels);
            var accuracy = comparison.Get(EstimatedMetric.Accuracy);
            var f1 = comparison.Get(EstimatedMetric.F1);
            var auc = comparison.Get(EstimatedMetric.RocAuc);
            accuracyInside += accuracy.IsOutsideBand ? 0 : 1;
            f1Inside += f1.IsOutsideBand ? 0 : 1;
            recallInside += comparison.Get(EstimatedMetric.Recall).IsOutsideBand ? 0 : 1;
            aucInside += auc.IsOutsideBand ? 0 : 1;
            accuracyError += Math.Abs(accuracy.Gap);
            f1Error += Math.Abs(f1.Gap);
            aucError += Math.Abs(auc.Gap);
            low = Math.Min(low, accuracy.Realised);
            high = Math.Max(high, accuracy.Realised);
        }

        return new Summary(
            (double)accuracyInside / Windows,
            (double)f1Inside / Windows,
            (double)recallInside / Windows,
            (double)aucInside / Windows,
            accuracyError / Windows,
            f1Error / Windows,
            aucError / Windows,
            high - low);
    }

    private sealed record Summary(
        double AccuracyCoverage,
        double F1Coverage,
        double RecallCoverage,
        double AucCoverage,
        double AccuracyMae,
        double F1Mae,
        double AucMae,
        double RealisedAccuracyRange);
}
