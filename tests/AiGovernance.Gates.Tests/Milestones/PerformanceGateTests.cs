using System.Text.Json;
using AiGovernance.Gates.Milestones;
using AiGovernance.Statistics;

namespace AiGovernance.Gates.Tests.Milestones;

public class PerformanceGateTests
{
    private static readonly JsonElement Reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "milestones_reference.json"))).RootElement;

    /// <summary>n examples of which <paramref name="correct"/> are predicted correctly (labels alternate).</summary>
    private static (bool[] Truth, bool[] Predicted) WithAccuracy(int n, int correct)
    {
        var truth = new bool[n];
        var predicted = new bool[n];
        for (var i = 0; i < n; i++)
        {
            truth[i] = i % 2 == 0;
            predicted[i] = i < correct ? truth[i] : !truth[i];
        }

        return (truth, predicted);
    }

    private static PerformanceGate Gate(PerformanceMetric metric, double threshold) =>
        new(new PerformanceGateOptions { Metric = metric, Threshold = threshold });

    [Fact]
    public void Accuracy_LowerBoundClearsThreshold_IsGoWithWilsonInterval()
    {
        var (t, p) = WithAccuracy(1000, 950);
        var result = Gate(PerformanceMetric.Accuracy, 0.9).Evaluate(t, p);

        var wilson = ConfidenceInterval.Wilson(950, 1000);
        Assert.Equal(MilestoneVerdict.Go, result.Verdict);
        Assert.Equal(0.95, result.Estimate.Estimate, 12);
        Assert.Equal(wilson.Lower, result.Estimate.Lower, 15);
        Assert.Equal(wilson.Upper, result.Estimate.Upper, 15);
        Assert.Null(result.AdditionalExamplesNeeded);
        Assert.Contains("go", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Accuracy_UpperBoundBelowThreshold_IsNoGo()
    {
        var (t, p) = WithAccuracy(1000, 700);
        var result = Gate(PerformanceMetric.Accuracy, 0.9).Evaluate(t, p);
        Assert.Equal(MilestoneVerdict.NoGo, result.Verdict);
        Assert.True(result.Estimate.Upper < 0.9);
    }

    [Fact]
    public void Accuracy_IntervalStraddlesThreshold_IsInconclusiveWithSampleEstimate()
    {
        var (t, p) = WithAccuracy(400, 368);
        var result = Gate(PerformanceMetric.Accuracy, 0.9).Evaluate(t, p);

        Assert.Equal(MilestoneVerdict.Inconclusive, result.Verdict);
        // Estimate 0.92, Wilson half-width ≈ 0.027 at n = 400: about n·(h/0.02)² − n more examples.
        var h = Math.Max(result.Estimate.Estimate - result.Estimate.Lower, result.Estimate.Upper - result.Estimate.Estimate);
        var expected = (long)Math.Ceiling((400 * (h / 0.02) * (h / 0.02)) - 400);
        Assert.Equal(expected, result.AdditionalExamplesNeeded);
        Assert.InRange(result.AdditionalExamplesNeeded!.Value, 100, 1000);
    }

    [Fact]
    public void PrecisionAndRecall_UseTheirOwnDenominators()
    {
        // TP 80, FP 20, FN 40, TN 60.
        var t = new List<bool>();
        var p = new List<bool>();
        void Add(int count, bool truth, bool predicted)
        {
            for (var i = 0; i < count; i++)
            {
                t.Add(truth);
                p.Add(predicted);
            }
        }

        Add(80, true, true);
        Add(20, false, true);
        Add(40, true, false);
        Add(60, false, false);
        var precision = Gate(PerformanceMetric.Precision, 0.5).Evaluate(t.ToArray(), p.ToArray());
        var recall = Gate(PerformanceMetric.Recall, 0.5).Evaluate(t.ToArray(), p.ToArray());
        var f1 = Gate(PerformanceMetric.F1, 0.5).Evaluate(t.ToArray(), p.ToArray());

        Assert.Equal(0.8, precision.Estimate.Estimate, 12);
        Assert.Equal(ConfidenceInterval.Wilson(80, 100).Lower, precision.Estimate.Lower, 15);
        Assert.Equal(80.0 / 120, recall.Estimate.Estimate, 12);
        Assert.Equal(ConfidenceInterval.Wilson(80, 120).Upper, recall.Estimate.Upper, 15);
        Assert.Equal(160.0 / 220, f1.Estimate.Estimate, 12);
        Assert.True(f1.Estimate.Lower < f1.Estimate.Estimate && f1.Estimate.Estimate < f1.Estimate.Upper);
    }

    [Fact]
    public void F1Bootstrap_IsReproducibleForASeed_AndChangesWithIt()
    {
        var (t, p) = WithAccuracy(300, 240);
        var a = new PerformanceGate(new PerformanceGateOptions { Metric = PerformanceMetric.F1, Threshold = 0.7, Seed = 1 }).Evaluate(t, p);
        var b = new PerformanceGate(new PerformanceGateOptions { Metric = PerformanceMetric.F1, Threshold = 0.7, Seed = 1 }).Evaluate(t, p);
        var c = new PerformanceGate(new PerformanceGateOptions { Metric = PerformanceMetric.F1, Threshold = 0.7, Seed = 2 }).Evaluate(t, p);
        Assert.Equal(a.Estimate, b.Estimate);
        Assert.NotEqual(a.Estimate.Lower, c.Estimate.Lower);
    }

    [Fact]
    public void F1Bootstrap_CoverageIsCloseToNominal()
    {
        // Population: P(y=1) = 0.4, recall 0.8, false-positive rate 0.1 → TP 0.32, FN 0.08, FP 0.06, so F1 = 0.64/0.78.
        const double trueF1 = 0.64 / 0.78;
        var random = new Random(12345);
        const int simulations = 300;
        var covered = 0;
        for (var s = 0; s < simulations; s++)
        {
            var t = new bool[300];
            var p = new bool[300];
            for (var i = 0; i < t.Length; i++)
            {
                t[i] = random.NextDouble() < 0.4;
                p[i] = t[i] ? random.NextDouble() < 0.8 : random.NextDouble() < 0.1;
            }

            var gate = new PerformanceGate(new PerformanceGateOptions { Metric = PerformanceMetric.F1, Threshold = 0.5, BootstrapResamples = 400, Seed = s });
            var e = gate.Evaluate(t, p).Estimate;
            if (e.Lower <= trueF1 && trueF1 <= e.Upper)
            {
                covered++;
            }
        }

        // Nominal 95%; with 300 simulations the binomial standard error is ≈ 1.3 points.
        Assert.InRange((double)covered / simulations, 0.90, 0.985);
    }

    [Fact]
    public void Auc_MatchesDirectDeLongReference()
    {
        foreach (var c in Reference.GetProperty("auc").EnumerateArray())
        {
            var labels = c.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32() == 1).ToArray();
            var scores = c.GetProperty("scores").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var e = Gate(PerformanceMetric.Auc, 0.7).Evaluate(labels, scores).Estimate;
            AssertClose(c.GetProperty("auc").GetDouble(), e.Estimate);
            AssertClose(c.GetProperty("auc_from_u").GetDouble(), e.Estimate);
            AssertClose(c.GetProperty("lower").GetDouble(), e.Lower);
            AssertClose(c.GetProperty("upper").GetDouble(), e.Upper);
            Assert.Equal("DeLong", e.IntervalMethod);
        }
    }

    [Fact]
    public void NonInferiority_Accuracy_DecidesByPairedIntervalAndReportsMcNemar()
    {
        var (t, production) = WithAccuracy(1000, 900);
        var same = (bool[])production.Clone();
        var gate = Gate(PerformanceMetric.Accuracy, 0.8);

        var equal = gate.CompareNonInferiority(t, same, production, margin: 0.02);
        Assert.Equal(MilestoneVerdict.Go, equal.Verdict);
        Assert.Equal(1, equal.McNemarPValue);

        var (_, worse) = WithAccuracy(1000, 800);
        var inferior = gate.CompareNonInferiority(t, worse, production, margin: 0.02);
        Assert.Equal(MilestoneVerdict.NoGo, inferior.Verdict);
        Assert.Equal(-0.1, inferior.Difference, 12);
        Assert.Equal(McNemar.Exact(0, 100).PValue, inferior.McNemarPValue);
    }

    [Fact]
    public void NonInferiority_F1_UsesPairedBootstrap()
    {
        var (t, production) = WithAccuracy(600, 540);
        var result = Gate(PerformanceMetric.F1, 0.8).CompareNonInferiority(t, production, production, margin: 0.01);
        Assert.Equal(MilestoneVerdict.Go, result.Verdict);
        Assert.Equal(0, result.Lower);
        Assert.True(double.IsNaN(result.McNemarPValue));
    }

    [Fact]
    public void SubgroupFailure_BlocksTheGateEvenWhenTheAggregatePasses()
    {
        // 900 examples of group A almost all right, 100 of group B mostly wrong: aggregate accuracy ≈ 0.93.
        var t = new bool[1000];
        var p = new bool[1000];
        var g = new string[1000];
        for (var i = 0; i < 1000; i++)
        {
            t[i] = i % 2 == 0;
            g[i] = i < 900 ? "A" : "B";
            p[i] = i < 900 ? (i % 50 != 0 ? t[i] : !t[i]) : (i % 4 == 0 ? t[i] : !t[i]);
        }

        var gate = Gate(PerformanceMetric.Accuracy, 0.8);
        Assert.Equal(MilestoneVerdict.Go, gate.Evaluate(t, p).Verdict);
        var byGroup = gate.EvaluateByGroup(t, p, g);
        Assert.Equal(MilestoneVerdict.NoGo, byGroup.Verdict);
        Assert.Equal(MilestoneVerdict.Go, byGroup.Subgroups["A"].Verdict);
        Assert.Equal(MilestoneVerdict.NoGo, byGroup.Subgroups["B"].Verdict);
        Assert.Contains("Failing groups: B", byGroup.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void SmallGroup_CannotPassOnItsOwn()
    {
        var (t, p) = WithAccuracy(520, 520);
        var g = Enumerable.Range(0, 520).Select(i => i < 500 ? "A" : "tiny").ToArray();
        var result = Gate(PerformanceMetric.Accuracy, 0.5).EvaluateByGroup(t, p, g);
        Assert.Equal(MilestoneVerdict.Inconclusive, result.Subgroups["tiny"].Verdict);
        Assert.Equal(MilestoneVerdict.Inconclusive, result.Verdict);
    }

    [Fact]
    public void BadInput_ClearErrors()
    {
        var gate = Gate(PerformanceMetric.Accuracy, 0.9);
        Assert.Equal("yPred", Assert.Throws<ArgumentException>(() => gate.Evaluate([true, false], [true])).ParamName);
        Assert.Equal("yTrue", Assert.Throws<ArgumentException>(() => gate.Evaluate(ReadOnlySpan<bool>.Empty, ReadOnlySpan<bool>.Empty)).ParamName);
        var auc = Gate(PerformanceMetric.Auc, 0.7);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => auc.Evaluate([true, false, true, false], [0.1, 1.2, 0.3, 0.4])).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => auc.Evaluate([true, false], [0.1, double.NaN])).ParamName);
        var single = Assert.Throws<ArgumentException>(() => auc.Evaluate([true, true, true], [0.1, 0.2, 0.3]));
        Assert.Contains("undefined", single.Message, StringComparison.Ordinal);
        Assert.Contains("Threshold", Assert.Throws<ArgumentException>(() => Gate(PerformanceMetric.F1, 1.0)).Message, StringComparison.Ordinal);
        Assert.Contains("Threshold", Assert.Throws<ArgumentException>(() => Gate(PerformanceMetric.F1, 0)).Message, StringComparison.Ordinal);
        Assert.Equal("margin", Assert.Throws<ArgumentOutOfRangeException>(() => gate.CompareNonInferiority([true], [true], [true], 0)).ParamName);
        Assert.Equal("groups", Assert.Throws<ArgumentException>(() => gate.EvaluateByGroup([true], [true], [null!])).ParamName);
    }

    [Fact]
    public void Precision_WithNoPredictedPositive_IsUndefinedAndInconclusive()
    {
        var result = Gate(PerformanceMetric.Precision, 0.5).Evaluate([true, false, true], [false, false, false]);
        Assert.Equal(MilestoneVerdict.Inconclusive, result.Verdict);
        Assert.False(result.Estimate.IsDefined);
        Assert.Contains("undefined", result.Explanation, StringComparison.Ordinal);
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 + (1e-7 * Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
