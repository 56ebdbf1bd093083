using AiGovernance.Monitoring.Data;
using AiGovernance.Reporting.Drift;

namespace AiGovernance.Reporting.Tests.Drift;

public sealed class DriftDistributionTests
{
    [Fact]
    public void Numeric_SharesSumToOne_AndExtremesLandInTheEndBins()
    {
        var reference = new NumericColumn("x", Enumerable.Range(0, 1000).Select(i => (double)i).Append(double.NaN).ToArray());
        var current = new NumericColumn("x", Enumerable.Range(0, 500).Select(i => 500.0 + i).Append(1e9).ToArray());

        var bins = DriftDistribution.Numeric(reference, current);

        Assert.Equal(DriftDistribution.NumericBins + 1, bins.Edges.Count);
        Assert.Equal(1, bins.Reference.Sum(), 12);
        Assert.Equal(1, bins.Current.Sum(), 12);
        Assert.True(bins.Current[^1] > 0); // 1e9 is clipped into the last bin, not dropped
        Assert.Equal(0, bins.Current[0]);
        Assert.True(bins.Reference[0] > 0);
    }

    [Fact]
    public void Categorical_OrdersByReferenceShare_AndMarksNewCategoriesLast()
    {
        var reference = CategoricalColumn.FromValues("c", ["a", "b", "b", "c", "b", null]);
        var current = CategoricalColumn.FromValues("c", ["a", "new", "b", "new"]);

        var bins = DriftDistribution.Categorical(reference, current);

        Assert.Equal(["b", "a", "c", "new"], bins.Labels);
        Assert.Equal([false, false, false, true], bins.IsNew);
        Assert.Equal([0.6, 0.2, 0.2, 0], bins.Reference.Select(v => Math.Round(v, 12)));
        Assert.Equal([0.25, 0.25, 0, 0.5], bins.Current.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Categorical_ManyCategories_FoldIntoOther()
    {
        var labels = Enumerable.Range(0, 60).Select(i => "cat" + i).ToArray();
        var reference = CategoricalColumn.FromValues("c", labels.SelectMany((l, i) => Enumerable.Repeat<string?>(l, 60 - i)).ToArray());
        var current = CategoricalColumn.FromValues("c", labels.Select(l => (string?)l).ToArray());

        var bins = DriftDistribution.Categorical(reference, current);

        Assert.Equal(ReportingDefaults.MaxCategories, bins.Labels.Count);
        Assert.Equal(DriftDistribution.OtherLabel, bins.Labels[^1]);
        Assert.Equal(1, bins.Reference.Sum(), 12);
        Assert.Equal(1, bins.Current.Sum(), 12);
        Assert.Equal("cat0", bins.Labels[0]);
    }
}
