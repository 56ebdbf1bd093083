using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Gates.Milestones;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.PerformanceEstimation;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Trends;
using AiGovernance.Statistics;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The label-free performance estimation blocks of src/AiGovernance.Monitoring/README.md.</summary>
public class PerformanceEstimationSnippets
{
    private sealed class Recorder : IDriftResponseHandler
    {
        public List<DriftEventKind> Kinds { get; } = [];

        public Severity MinimumSeverity => Severity.Low;

        public ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
        {
            Kinds.Add(context.Event.Kind);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A calibrated classifier: score = P(default) = σ(−1 + 2.5·x), x ~ N(mean, 1); outcomes drawn from the
    /// score, or from <paramref name="truthShift"/> added to its log-odds (concept shift).</summary>
    private static (double[] Scores, bool[] Outcomes) Scored(int n, double mean, int seed, double truthShift = 0)
    {
        var x = SnippetData.Normal(n, mean, 1, seed);
        var random = new Random(seed + 1);
        var scores = x.Select(v => 1 / (1 + Math.Exp(1 - (2.5 * v)))).ToArray();
        var outcomes = x.Select(v => random.NextDouble() < 1 / (1 + Math.Exp(1 - (2.5 * v) - truthShift))).ToArray();
        return (scores, outcomes);
    }

    [Fact]
    public void WorkedExample_NumbersAreWhatTheLibraryComputes()
    {
        var e = ConfidenceBasedPerformance.Estimate([0.9, 0.6, 0.2], [true, true, false]);
        Assert.Equal(0.767, e.Accuracy.Estimate, 3);
        Assert.Equal((1.5, 0.5, 0.2, 0.8), (Math.Round(e.TruePositives.Estimate, 12), Math.Round(e.FalsePositives.Estimate, 12),
            Math.Round(e.FalseNegatives.Estimate, 12), Math.Round(e.TrueNegatives.Estimate, 12)));
        Assert.Equal(0.7 / 3, e.Accuracy.StandardError, 12);
    }

    [Fact]
    public async Task Cbpe()
    {
        var (referenceScores, referenceOutcomes) = Scored(10_000, 0, seed: 1);
        var (weekScores, _) = Scored(5_000, 0.6, seed: 2);
        var (_, weekOutcomes) = Scored(5_000, 0.6, seed: 2, truthShift: 1.5);   // the world changed: concept shift
        var recorder = new Recorder();
        var time = TimeProvider.System;
        var workflow = new DriftResponseWorkflow([recorder], new InMemoryAuditLog(time), time, new DriftSeverityPolicy(), new DriftResponseOptions());
        var reports = new InMemoryGovernanceReportStore(new InMemoryAuditLog(time));

        // Once: calibrate on labelled reference predictions (the model's scores and what happened).
        var estimator = new ConfidenceBasedPerformanceEstimator();            // isotonic calibration, decision at score ≥ 0.5
        CbpeReference reference = estimator.Fit(referenceScores, referenceOutcomes);
        // reference.Calibration: cross-validated ECE, Brier, reliability bins; above the limit Estimate throws PoorCalibrationException

        // Every week: estimate from the scores alone, long before the outcomes arrive.
        EstimatedPerformance week = estimator.Estimate(reference, weekScores, "2026-W31");
        EstimatedMetricValue accuracy = week.Get(EstimatedMetric.Accuracy);   // Estimate, Lower, Upper (95% band), ReferenceValue
        await workflow.HandleAsync(week.ToDriftEvent("credit-scoring", EstimatedMetric.Accuracy));   // drop at the band's edge
        string json = week.ToJson();                                          // keep the history; EstimatedPerformance.FromJson reads it
        await reports.StoreAsync(week.ToGovernanceReport("credit-scoring"), "monitoring-job");   // or in an IGovernanceReportStore

        // Weeks later, when the outcomes are in: does the estimate still hold?
        RealisedPerformanceComparison check = estimator.CompareRealised(week, weekScores, weekOutcomes);
        if (check.IsAlert)
        {
            await workflow.HandleAsync(check.ToDriftEvent("credit-scoring"));   // EstimationGap: concept drift?
        }

        Assert.True(reference.IsCalibrationAcceptable);
        Assert.True(accuracy.Lower < accuracy.Estimate && accuracy.Estimate < accuracy.Upper);
        Assert.Equal(accuracy, EstimatedPerformance.FromJson(json).Get(EstimatedMetric.Accuracy));
        Assert.True(check.IsAlert);
        Assert.Equal([DriftEventKind.EstimatedPerformance, DriftEventKind.EstimationGap], recorder.Kinds);
        Assert.NotNull(await reports.GetLatestAsync("credit-scoring", GovernanceReportKinds.EstimatedPerformance));
    }

    [Fact]
    public void TrendAndGate()
    {
        var (referenceScores, referenceOutcomes) = Scored(10_000, 0, seed: 3);
        var estimator = new ConfidenceBasedPerformanceEstimator();
        var reference = estimator.Fit(referenceScores, referenceOutcomes);
        var history = Enumerable.Range(0, 8).Select(t => estimator.Estimate(reference, Scored(5_000, -0.8 + (0.12 * t), seed: 10 + t).Scores, $"W{t}")).ToList();
        var week = history[^1];
        var accuracy = week.Get(EstimatedMetric.Accuracy);

        var trend = new ConceptDriftDetector().DetectTrend(history, EstimatedMetric.Accuracy, threshold: 0.85);   // history: EstimatedPerformance per week
        var gate = new PerformanceGate(new PerformanceGateOptions { Metric = PerformanceMetric.Accuracy, Threshold = 0.85 });
        var decision = gate.EvaluateEstimated(new PerformanceEstimate(
            PerformanceMetric.Accuracy, accuracy.Estimate, accuracy.Lower, accuracy.Upper, week.Count, accuracy.BandMethod) { IsEstimated = true });
        // decision.Explanation starts "Estimated without labels: …"; a ModelCard lists it as "Accuracy (estimated, no labels)"

        Assert.True(trend.IsEstimated && trend.IsDeclining, $"slope {trend.Slope}, p {trend.PValue}");
        Assert.Equal(MilestoneVerdict.NoGo, decision.Verdict);
        Assert.StartsWith("Estimated without labels: ", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Dle()
    {
        static (TabularData Features, double[] Predictions, double[] Actuals) Data(int n, double mean, int seed)
        {
            var x = SnippetData.Normal(n, mean, 1, seed);
            var noise = SnippetData.Normal(n, 0, 1, seed + 1);
            var predictions = x.Select(v => 2 * v).ToArray();
            var actuals = x.Select((v, i) => (2 * v) + ((0.2 + (0.5 * Math.Abs(v))) * noise[i])).ToArray();
            return (TabularData.CreateBuilder().AddNumeric("x", x).Build(), predictions, actuals);
        }

        var (referenceFeatures, referencePredictions, referenceActuals) = Data(5_000, 0, seed: 20);
        var (weekFeatures, weekPredictions, weekActuals) = Data(5_000, 1.0, seed: 22);

        var dle = new DirectLossEstimator();
        DleReference lossModel = dle.Fit(referenceFeatures, referencePredictions, referenceActuals);
        EstimatedPerformance errors = dle.Estimate(lossModel, weekFeatures, weekPredictions, "2026-W31");
        // errors.Get(EstimatedMetric.MeanAbsoluteError), errors.Get(EstimatedMetric.RootMeanSquaredError); CompareRealised when actuals arrive

        var mae = errors.Get(EstimatedMetric.MeanAbsoluteError);
        Assert.True(mae.Estimate > lossModel.MeanAbsoluteError.Estimate * 1.3, "the shift to larger |x| raises the error");
        Assert.InRange(RegressionError.MeanAbsolute(weekActuals, weekPredictions).Estimate, mae.Lower, mae.Upper);
    }

    [Fact]
    public void Multiclass()
    {
        // A calibrated three-class model: softmax of (0, 2x, −2x); outcomes drawn from it; the week's x moves.
        static (double[] Scores, int[] Classes) Data(int n, double mean, int seed)
        {
            var x = SnippetData.Normal(n, mean, 1, seed);
            var random = new Random(seed + 1);
            var scores = new double[n * 3];
            var classes = new int[n];
            for (var i = 0; i < n; i++)
            {
                double e0 = 1, e1 = Math.Exp(2 * x[i]), e2 = Math.Exp(-2 * x[i]), total = e0 + e1 + e2;
                (scores[3 * i], scores[(3 * i) + 1], scores[(3 * i) + 2]) = (e0 / total, e1 / total, e2 / total);
                var u = random.NextDouble();
                classes[i] = u < scores[3 * i] ? 0 : u < scores[3 * i] + scores[(3 * i) + 1] ? 1 : 2;
            }

            return (scores, classes);
        }

        var (referenceClassScores, referenceClasses) = Data(20_000, 0, seed: 40);
        var (dayClassScores, dayClasses) = Data(5_000, 0.5, seed: 42);

        var multiclass = new MulticlassConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions());   // isotonic per class
        MulticlassCbpeReference classes = multiclass.Fit(referenceClassScores, classCount: 3, referenceClasses);   // scores row-major, i·K + k
        EstimatedPerformance day = multiclass.Estimate(classes, dayClassScores, "2026-08-03");   // accuracy; macro precision … ROC AUC
        RealisedPerformanceComparison later = MulticlassConfidenceBasedPerformanceEstimator.CompareRealised(day, dayClassScores, 3, dayClasses);

        // One window: a 95 % band misses one window in twenty by design, so check the realised value within 3.3 SE (99.9 %).
        var gap = later.Get(EstimatedMetric.Accuracy);
        Assert.True(Math.Abs(gap.StandardisedGap) < 3.3, $"realised {gap.Realised}, estimated {gap.Estimated} ± {gap.StandardError}");
    }
}
