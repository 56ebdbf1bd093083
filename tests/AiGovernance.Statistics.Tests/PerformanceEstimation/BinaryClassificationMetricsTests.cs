namespace AiGovernance.Statistics.Tests.PerformanceEstimation;

public class BinaryClassificationMetricsTests
{
    [Fact]
    public void Compute_HandWorkedExample()
    {
        // Scores 0.9 (pos), 0.8 (neg), 0.7 (pos), 0.4 (neg), 0.4 (pos), 0.1 (neg); decisions at 0.5.
        // TP 2, FP 1, FN 1, TN 2. AUC: 9 pairs; concordant (0.9>all 3 neg) + (0.7>0.4,0.1) + (0.4 vs 0.4 tie ½, >0.1) = 3 + 2 + 1.5 = 6.5.
        double[] scores = [0.9, 0.8, 0.7, 0.4, 0.4, 0.1];
        bool[] labels = [true, false, true, false, true, false];
        var decisions = scores.Select(s => s >= 0.5).ToArray();
        var m = BinaryClassificationMetrics.Compute(scores, decisions, labels);
        Assert.Equal((2L, 1L, 1L, 2L), (m.TruePositives, m.FalsePositives, m.FalseNegatives, m.TrueNegatives));
        Assert.Equal(4.0 / 6, m.Accuracy, 14);
        Assert.Equal(2.0 / 3, m.Precision, 14);
        Assert.Equal(2.0 / 3, m.Recall, 14);
        Assert.Equal(2.0 / 3, m.Specificity, 14);
        Assert.Equal(4.0 / 6, m.F1, 14);
        Assert.Equal(6.5 / 9, m.RocAuc, 14);
    }

    [Fact]
    public void Compute_OneClassOnly_LeavesAucAndRecallUndefined()
    {
        var m = BinaryClassificationMetrics.Compute([0.2, 0.7], [false, true], [false, false]);
        Assert.True(double.IsNaN(m.RocAuc));
        Assert.True(double.IsNaN(m.Recall));
        Assert.Equal(0.5, m.Specificity);
    }

    [Fact]
    public void Compute_LengthMismatch_NamesLabels() =>
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => BinaryClassificationMetrics.Compute([0.1, 0.2], [true, false], [true])).ParamName);
}
