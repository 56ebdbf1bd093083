namespace AiGovernance.Statistics.Tests.PerformanceEstimation;

public class ConfidenceBasedPerformanceTests
{
    private static readonly double[] HandProbabilities = [0.9, 0.8, 0.3, 0.6, 0.2, 0.1];
    private static readonly bool[] HandDecisions = [true, true, false, true, false, false];

    [Fact]
    public void Estimate_ExpectedConfusionMatrix_IsTheSumOfProbabilities()
    {
        // Predicted positive: 0.9, 0.8, 0.6 → E[TP] = 2.3, E[FP] = 0.7. Predicted negative: 0.3, 0.2, 0.1 → E[FN] = 0.6, E[TN] = 2.4.
        var e = ConfidenceBasedPerformance.Estimate(HandProbabilities, HandDecisions);
        Assert.Equal(6, e.Count);
        Assert.Equal(3, e.PredictedPositives);
        Assert.Equal(2.3, e.TruePositives.Estimate, 12);
        Assert.Equal(0.7, e.FalsePositives.Estimate, 12);
        Assert.Equal(0.6, e.FalseNegatives.Estimate, 12);
        Assert.Equal(2.4, e.TrueNegatives.Estimate, 12);
    }

    [Fact]
    public void Estimate_RatioMetrics_AreRatiosOfExpectedCounts()
    {
        var e = ConfidenceBasedPerformance.Estimate(HandProbabilities, HandDecisions);
        Assert.Equal(4.7 / 6, e.Accuracy.Estimate, 12);
        Assert.Equal(2.3 / 3, e.Precision.Estimate, 12);
        Assert.Equal(2.3 / 2.9, e.Recall.Estimate, 12);
        Assert.Equal(2.4 / 3.1, e.Specificity.Estimate, 12);
        Assert.Equal(4.6 / (4.6 + 0.7 + 0.6), e.F1.Estimate, 12);
    }

    [Fact]
    public void Estimate_ExactVariances_ArePoissonBinomial()
    {
        var e = ConfidenceBasedPerformance.Estimate(HandProbabilities, HandDecisions);
        var vPositive = (0.9 * 0.1) + (0.8 * 0.2) + (0.6 * 0.4);
        var vNegative = (0.3 * 0.7) + (0.2 * 0.8) + (0.1 * 0.9);
        Assert.Equal(Math.Sqrt(vPositive), e.TruePositives.StandardError, 12);
        Assert.Equal(Math.Sqrt(vNegative), e.TrueNegatives.StandardError, 12);
        Assert.Equal(Math.Sqrt(vPositive + vNegative) / 6, e.Accuracy.StandardError, 12);
        Assert.Equal(Math.Sqrt(vPositive) / 3, e.Precision.StandardError, 12);
        Assert.Equal(e.Accuracy.Estimate - (1.959963984540054 * e.Accuracy.StandardError), e.Accuracy.Lower, 12);
    }

    [Fact]
    public void Estimate_RocAuc_EqualsThePairwiseDefinition()
    {
        var random = new Random(11);
        var p = new double[400];
        var decisions = new bool[p.Length];
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = random.NextDouble();
            decisions[i] = p[i] >= 0.5;
        }

        // Σ_{i≠j} pᵢ(1 − pⱼ)·[pᵢ > pⱼ, ½ when equal] / Σ_{i≠j} pᵢ(1 − pⱼ), in O(n²).
        double numerator = 0, denominator = 0;
        for (var i = 0; i < p.Length; i++)
        {
            for (var j = 0; j < p.Length; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var w = p[i] * (1 - p[j]);
                denominator += w;
                numerator += w * (p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0);
            }
        }

        var exact = numerator / denominator;
        var fine = ConfidenceBasedPerformance.Estimate(p, decisions, binCount: 1_000_000);
        Assert.Equal(exact, fine.RocAuc.Estimate, 6);
        var coarse = ConfidenceBasedPerformance.Estimate(p, decisions, binCount: 50);
        Assert.True(Math.Abs(coarse.RocAuc.Estimate - exact) <= coarse.RocAucResolution, $"{coarse.RocAuc.Estimate} vs {exact}, bound {coarse.RocAucResolution}");
        Assert.True(coarse.RocAucResolution < 0.01);
    }

    [Fact]
    public void Estimate_RocAucStandardError_IsTheDeltaMethodOfThePairwiseDefinition()
    {
        // TestData/cbpe_auc_reference.py differentiates U − AUC·D over all ordered pairs in exact fractions; with one
        // prediction per bin the per-cell gradient must agree to rounding. Small windows, where the O(1) terms of the
        // gradient (the cell's own ½(N_c − S_c)) are a visible part of the band.
        foreach (var c in Reference.Load("cbpe_auc_reference.json").GetProperty("cases").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var p = Reference.GetDoubles(c.GetProperty("probabilities"));
            var threshold = c.GetProperty("threshold").GetDouble();
            var e = ConfidenceBasedPerformance.Estimate(p, p.Select(v => v >= threshold).ToArray(), 0.95, c.GetProperty("bins").GetInt32());
            Reference.AssertClose(c.GetProperty("auc").GetDouble(), e.RocAuc.Estimate, name + " AUC");
            Reference.AssertClose(c.GetProperty("se").GetDouble(), e.RocAuc.StandardError, name + " SE");
        }
    }

    [Fact]
    public void Estimate_StandardErrors_MatchMonteCarloOfTheRealisedMetrics()
    {
        // Fix the calibrated probabilities, draw the outcomes 2,000 times, and compare the spread of the realised metrics
        // with the analytic standard errors (exact for accuracy and precision, delta method for the ratios and AUC).
        var random = new Random(2026);
        const int n = 2000;
        var p = new double[n];
        var scores = new double[n];
        var decisions = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var logit = (random.NextDouble() * 6) - 3.5;
            p[i] = 1 / (1 + Math.Exp(-logit));
            scores[i] = p[i];
            decisions[i] = p[i] >= 0.4;
        }

        var estimate = ConfidenceBasedPerformance.Estimate(p, decisions);
        const int runs = 2000;
        var realised = new double[6][];
        for (var m = 0; m < realised.Length; m++)
        {
            realised[m] = new double[runs];
        }

        var labels = new bool[n];
        for (var r = 0; r < runs; r++)
        {
            for (var i = 0; i < n; i++)
            {
                labels[i] = random.NextDouble() < p[i];
            }

            var metrics = BinaryClassificationMetrics.Compute(scores, decisions, labels);
            realised[0][r] = metrics.Accuracy;
            realised[1][r] = metrics.Precision;
            realised[2][r] = metrics.Recall;
            realised[3][r] = metrics.Specificity;
            realised[4][r] = metrics.F1;
            realised[5][r] = metrics.RocAuc;
        }

        BandedEstimate[] bands = [estimate.Accuracy, estimate.Precision, estimate.Recall, estimate.Specificity, estimate.F1, estimate.RocAuc];
        string[] names = ["accuracy", "precision", "recall", "specificity", "F1", "AUC"];
        for (var m = 0; m < bands.Length; m++)
        {
            var mean = realised[m].Average();
            var sd = Math.Sqrt(realised[m].Sum(v => (v - mean) * (v - mean)) / (runs - 1));

            // The standard deviation of a 2,000-run sample SD is about 1.6% of it; 6% is nearly four of those.
            Assert.InRange(bands[m].StandardError / sd, 0.94, 1.06);
            Assert.True(Math.Abs(mean - bands[m].Estimate) < 4 * sd / Math.Sqrt(runs) + 2e-4, $"{names[m]}: mean {mean}, estimate {bands[m].Estimate}");
        }
    }

    [Fact]
    public void Merge_OfPartitions_EqualsTheWhole()
    {
        var random = new Random(5);
        var whole = new CalibratedProbabilityHistogram(100);
        var left = new CalibratedProbabilityHistogram(100);
        var right = new CalibratedProbabilityHistogram(100);
        for (var i = 0; i < 1000; i++)
        {
            var p = random.NextDouble();
            whole.Add(p, p > 0.3);
            (i % 2 == 0 ? left : right).Add(p, p > 0.3);
        }

        left.Merge(right);
        var a = ConfidenceBasedPerformance.Estimate(whole, 0.95);
        var b = ConfidenceBasedPerformance.Estimate(left, 0.95);
        Assert.Equal(a.Count, b.Count);
        Assert.Equal(a.Accuracy.Estimate, b.Accuracy.Estimate, 12);
        Assert.Equal(a.RocAuc.Estimate, b.RocAuc.Estimate, 12);
        Assert.Equal(a.F1.StandardError, b.F1.StandardError, 12);
    }

    [Fact]
    public void Estimate_NoPredictedPositive_LeavesPrecisionUndefined()
    {
        var e = ConfidenceBasedPerformance.Estimate([0.1, 0.2, 0.3], [false, false, false]);
        Assert.False(e.Precision.IsDefined);
        Assert.True(double.IsNaN(e.Precision.Lower));
        Assert.Equal(0, e.TruePositives.Estimate);
        Assert.Equal((0.9 + 0.8 + 0.7) / 3, e.Accuracy.Estimate, 12);
    }

    [Fact]
    public void Estimate_EmptyHistogram_IsUndefined()
    {
        var e = ConfidenceBasedPerformance.Estimate(new CalibratedProbabilityHistogram(), 0.9);
        Assert.Equal(0, e.Count);
        Assert.False(e.Accuracy.IsDefined);
        Assert.False(e.RocAuc.IsDefined);
    }

    [Fact]
    public void Add_ProbabilityOutsideUnitInterval_NamesIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => new CalibratedProbabilityHistogram().Add([0.5, -0.1], [true, false]));
        Assert.Equal("probabilities", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_DifferentBinCounts_Throws() =>
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => new CalibratedProbabilityHistogram(10).Merge(new CalibratedProbabilityHistogram(20))).ParamName);

    [Fact]
    public void Estimate_ConfidenceLevelOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceBasedPerformance.Estimate(new CalibratedProbabilityHistogram(), 1.0));
}
