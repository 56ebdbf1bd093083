namespace AiGovernance.Statistics.Tests.PerformanceEstimation;

public class MulticlassConfidenceBasedPerformanceTests
{
    // Three predictions of three classes: predicted 0, 0, 2.
    private static readonly double[] HandProbabilities = [0.7, 0.2, 0.1, 0.5, 0.4, 0.1, 0.1, 0.3, 0.6];
    private static readonly int[] HandPredicted = [0, 0, 2];

    [Fact]
    public void Estimate_ExpectedConfusionMatrix_IsTheSumOfProbabilitiesByPredictedClass()
    {
        var e = MulticlassConfidenceBasedPerformance.Estimate(HandProbabilities, 3, HandPredicted);
        double[] expected = [1.2, 0.6, 0.2, 0, 0, 0, 0.1, 0.3, 0.6];
        for (var c = 0; c < expected.Length; c++)
        {
            Assert.Equal(expected[c], e.ExpectedConfusion[c], 12);
        }
    }

    [Fact]
    public void Estimate_MacroMetrics_AreMeansOfPerClassRatiosOfExpectedCounts()
    {
        // TP = (1.2, 0, 0.6); predicted = (2, 0, 1); actual = (1.3, 0.9, 0.8); n = 3.
        var e = MulticlassConfidenceBasedPerformance.Estimate(HandProbabilities, 3, HandPredicted);
        Assert.Equal(1.8 / 3, e.Accuracy.Estimate, 12);
        Assert.Equal(((1.2 / 2) + 0 + (0.6 / 1)) / 3, e.MacroPrecision.Estimate, 12);
        Assert.Equal(((1.2 / 1.3) + 0 + (0.6 / 0.8)) / 3, e.MacroRecall.Estimate, 12);

        // TN_k = n − predicted_k − actual_k + TP_k over n − actual_k.
        Assert.Equal((((3 - 2 - 1.3 + 1.2) / (3 - 1.3)) + ((3 - 0 - 0.9) / (3 - 0.9)) + ((3 - 1 - 0.8 + 0.6) / (3 - 0.8))) / 3,
            e.MacroSpecificity.Estimate, 12);
        Assert.Equal(((2.4 / 3.3) + 0 + (1.2 / 1.8)) / 3, e.MacroF1.Estimate, 12);
    }

    [Fact]
    public void Estimate_AccuracyVariance_IsExactCategorical()
    {
        // Var(correct) = Σ p_(predicted)(1 − p_(predicted)): 0.7·0.3 + 0.5·0.5 + 0.6·0.4.
        var e = MulticlassConfidenceBasedPerformance.Estimate(HandProbabilities, 3, HandPredicted);
        Assert.Equal(Math.Sqrt(0.21 + 0.25 + 0.24) / 3, e.Accuracy.StandardError, 12);
    }

    [Fact]
    public void Estimate_TwoClasses_AgreesWithBinaryCbpe()
    {
        var random = new Random(8);
        const int n = 3000;
        var rows = new double[2 * n];
        var p = new double[n];
        var predicted = new int[n];
        var decisions = new bool[n];
        for (var i = 0; i < n; i++)
        {
            p[i] = random.NextDouble();
            rows[(2 * i) + 1] = p[i];
            rows[2 * i] = 1 - p[i];
            decisions[i] = p[i] >= 0.4;
            predicted[i] = decisions[i] ? 1 : 0;
        }

        var multi = MulticlassConfidenceBasedPerformance.Estimate(rows, 2, predicted);
        var binary = ConfidenceBasedPerformance.Estimate(p, decisions);
        Assert.Equal(binary.Accuracy.Estimate, multi.Accuracy.Estimate, 12);
        Assert.Equal(binary.Accuracy.StandardError, multi.Accuracy.StandardError, 12);

        // Class 0's recall is class 1's specificity: macro recall is their mean.
        Assert.Equal((binary.Recall.Estimate + binary.Specificity.Estimate) / 2, multi.MacroRecall.Estimate, 12);
        Assert.Equal(binary.RocAuc.Estimate, multi.PerClass[1].RocAuc.Estimate, 12);
    }

    [Fact]
    public void Estimate_StandardErrors_MatchMonteCarloOfTheRealisedMacroMetrics()
    {
        // Fix three-class calibrated probabilities, draw the outcomes 2,000 times, compare the realised metrics' spread
        // with the analytic standard errors: within 6% (the SD of a 2,000-run sample SD is about 1.6% of it) for the
        // delta-method macro metrics; for macro ROC AUC the band is an upper bound, so its SE may exceed the spread.
        var random = new Random(2027);
        const int n = 2000, k = 3, runs = 2000;
        var rows = new double[n * k];
        var predicted = new int[n];
        for (var i = 0; i < n; i++)
        {
            var total = 0.0;
            for (var c = 0; c < k; c++)
            {
                rows[(i * k) + c] = Math.Exp(2 * ((random.NextDouble() * 2) - 1) + (c == 0 ? 0.5 : 0));
                total += rows[(i * k) + c];
            }

            var best = 0;
            for (var c = 0; c < k; c++)
            {
                rows[(i * k) + c] /= total;
                best = rows[(i * k) + c] > rows[(i * k) + best] ? c : best;
            }

            predicted[i] = best;
        }

        var estimate = MulticlassConfidenceBasedPerformance.Estimate(rows, k, predicted);
        var realised = new double[6][];
        for (var m = 0; m < realised.Length; m++)
        {
            realised[m] = new double[runs];
        }

        var labels = new int[n];
        for (var r = 0; r < runs; r++)
        {
            for (var i = 0; i < n; i++)
            {
                var u = random.NextDouble();
                var c = 0;
                while (c < k - 1 && u >= rows[(i * k) + c])
                {
                    u -= rows[(i * k) + c];
                    c++;
                }

                labels[i] = c;
            }

            var metrics = MulticlassClassificationMetrics.Compute(rows, k, predicted, labels);
            realised[0][r] = metrics.Accuracy;
            realised[1][r] = metrics.MacroPrecision;
            realised[2][r] = metrics.MacroRecall;
            realised[3][r] = metrics.MacroSpecificity;
            realised[4][r] = metrics.MacroF1;
            realised[5][r] = metrics.MacroRocAuc;
        }

        BandedEstimate[] bands =
            [estimate.Accuracy, estimate.MacroPrecision, estimate.MacroRecall, estimate.MacroSpecificity, estimate.MacroF1, estimate.MacroRocAuc];
        string[] names = ["accuracy", "precision", "recall", "specificity", "F1", "AUC"];
        for (var m = 0; m < bands.Length; m++)
        {
            var mean = realised[m].Average();
            var sd = Math.Sqrt(realised[m].Sum(v => (v - mean) * (v - mean)) / (runs - 1));
            var ratio = bands[m].StandardError / sd;
            TestContext.Current.TestOutputHelper?.WriteLine($"{names[m]}: estimate {bands[m].Estimate:F5}, mean {mean:F5}, SE/SD {ratio:F3}");
            Assert.True(m == 5 ? ratio is >= 0.94 and <= 2 : ratio is >= 0.94 and <= 1.06, $"{names[m]}: SE / SD = {ratio}");
            Assert.True(Math.Abs(mean - bands[m].Estimate) < (4 * sd / Math.Sqrt(runs)) + 2e-4, $"{names[m]}: mean {mean}, estimate {bands[m].Estimate}");
        }
    }

    [Fact]
    public void Merge_OfPartitions_EqualsTheWhole()
    {
        var random = new Random(6);
        var whole = new MulticlassProbabilityAccumulator(3, 50);
        var left = new MulticlassProbabilityAccumulator(3, 50);
        var right = new MulticlassProbabilityAccumulator(3, 50);
        for (var i = 0; i < 900; i++)
        {
            var a = random.NextDouble();
            var b = random.NextDouble() * (1 - a);
            double[] row = [a, b, 1 - a - b];
            int[] predicted = [a > 0.5 ? 0 : b > 0.25 ? 1 : 2];
            whole.Add(row, predicted);
            (i % 2 == 0 ? left : right).Add(row, predicted);
        }

        left.Merge(right);
        var x = MulticlassConfidenceBasedPerformance.Estimate(whole, 0.95);
        var y = MulticlassConfidenceBasedPerformance.Estimate(left, 0.95);
        Assert.Equal(x.Count, y.Count);
        Assert.Equal(x.MacroF1.Estimate, y.MacroF1.Estimate, 12);
        Assert.Equal(x.MacroF1.StandardError, y.MacroF1.StandardError, 12);
        Assert.Equal(x.MacroRocAuc.Estimate, y.MacroRocAuc.Estimate, 12);
    }

    [Fact]
    public void Estimate_ClassThatCannotOccur_AddsARecallOfZero_AndLeavesTheBandDefined()
    {
        // Class 2 has probability 0 everywhere: its recall is 0 by convention and constant, so macro recall is
        // (R₀ + R₁ + 0)/3 with R₁ the binary recall of class 1 and R₀ its specificity. Their delta-method gradient in
        // outcome i (y = 1 when class 1 occurs): recall (1 − R₁)/P if i is predicted 1, −R₁/P if not; specificity
        // Sp/N if predicted 1, (Sp − 1)/N if not; Var = Σ pᵢ(1 − pᵢ)·((gradient of R₀ + R₁)/3)².
        double[] p = [0.9, 0.8, 0.3, 0.6, 0.2, 0.1];
        var rows = p.SelectMany(v => new[] { 1 - v, v, 0.0 }).ToArray();
        var predicted = p.Select(v => v >= 0.5 ? 1 : 0).ToArray();
        var e = MulticlassConfidenceBasedPerformance.Estimate(rows, 3, predicted);

        double positives = p.Sum(), negatives = p.Length - positives;
        var recall = p.Where(v => v >= 0.5).Sum() / positives;
        var specificity = p.Where(v => v < 0.5).Sum(v => 1 - v) / negatives;
        var variance = p.Sum(v =>
        {
            var g = v >= 0.5 ? ((1 - recall) / positives) + (specificity / negatives) : (-recall / positives) + ((specificity - 1) / negatives);
            return v * (1 - v) * (g / 3) * (g / 3);
        });
        Assert.Equal((recall + specificity) / 3, e.MacroRecall.Estimate, 12);
        Assert.Equal(Math.Sqrt(variance), e.MacroRecall.StandardError, 12);
    }

    [Fact]
    public void Add_ProbabilityOfExactlyOne_IsAccepted()
    {
        // A certain prediction, right with probability 1: accuracy (1 + 0.5)/2, variance (0 + 0.5·0.5)/2².
        var accumulator = new MulticlassProbabilityAccumulator(3);
        accumulator.Add([0, 1, 0, 0.5, 0.5, 0], [1, 0]);
        Assert.Equal(2, accumulator.Count);
        var e = MulticlassConfidenceBasedPerformance.Estimate(accumulator, 0.95);
        Assert.Equal(0.75, e.Accuracy.Estimate, 15);
        Assert.Equal(0.25, e.Accuracy.StandardError, 15);
    }

    [Fact]
    public void Add_RowNotSummingToOne_NamesThePrediction()
    {
        var accumulator = new MulticlassProbabilityAccumulator(2);
        var e = Assert.Throws<ArgumentException>(() => accumulator.Add([0.5, 0.5, 0.6, 0.6], [0, 1]));
        Assert.Contains("prediction 1 sums to 1.2", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, accumulator.Count);
    }
}
