using System.Text.Json;

namespace AiGovernance.Statistics.Tests.PerformanceEstimation;

public class MulticlassClassificationMetricsTests
{
    private static readonly Lazy<JsonElement> Root = new(() => Reference.Load("multiclass_metrics_reference.json"));

    [Fact]
    public void Compute_MacroMetrics_MatchScikitLearn()
    {
        // multiclass_metrics_reference.py: scikit-learn 1.2.1 macro precision/recall/F1 (zero_division=0), OvR macro ROC AUC.
        foreach (var c in Root.Value.GetProperty("cases").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var k = c.GetProperty("k").GetInt32();
            var m = MulticlassClassificationMetrics.Compute(
                Reference.GetDoubles(c.GetProperty("scores")), k, Ints(c, "predicted"), Ints(c, "labels"));
            Reference.AssertClose(c.GetProperty("accuracy").GetDouble(), m.Accuracy, name + " accuracy");
            Reference.AssertClose(c.GetProperty("precision").GetDouble(), m.MacroPrecision, name + " precision");
            Reference.AssertClose(c.GetProperty("recall").GetDouble(), m.MacroRecall, name + " recall");
            Reference.AssertClose(c.GetProperty("f1").GetDouble(), m.MacroF1, name + " F1");
            Reference.AssertClose(c.GetProperty("specificity").GetDouble(), m.MacroSpecificity, name + " specificity");
            Reference.AssertClose(c.GetProperty("auc").GetDouble(), m.MacroRocAuc, name + " ROC AUC");
            Assert.Equal(Ints(c, "confusion").Select(v => (long)v), m.Confusion);
        }
    }

    [Fact]
    public void Compute_ClassWithoutActualExamples_HasNoAuc()
    {
        double[] scores = [0.7, 0.2, 0.1, 0.6, 0.3, 0.1, 0.2, 0.7, 0.1];
        var m = MulticlassClassificationMetrics.Compute(scores, 3, [0, 0, 1], [0, 1, 1]);
        Assert.True(double.IsNaN(m.MacroRocAuc));
        Assert.Equal(2.0 / 3, m.Accuracy, 12);
    }

    [Fact]
    public void Compute_ClassOutOfRange_NamesTheIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => MulticlassClassificationMetrics.Compute([0.5, 0.5, 0.4, 0.6], 2, [0, 1], [0, 2]));
        Assert.Equal("labels", e.ParamName);
        Assert.Contains("labels[1] is 2", e.Message, StringComparison.Ordinal);
    }

    private static int[] Ints(JsonElement c, string property) => [.. c.GetProperty(property).EnumerateArray().Select(e => e.GetInt32())];
}
