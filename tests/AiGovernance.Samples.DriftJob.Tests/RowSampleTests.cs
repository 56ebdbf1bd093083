using AiGovernance.Monitoring.Data;
using AiGovernance.Samples.DriftJob.Pipeline;

namespace AiGovernance.Samples.DriftJob.Tests;

/// <summary>The joint comparison's row sample: small tables untouched, large ones sampled in order and reproducibly.</summary>
public sealed class RowSampleTests
{
    private static TabularData Table(int rows)
    {
        var numbers = new double[rows];
        var codes = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            numbers[i] = i;
            codes[i] = i % 7 == 0 ? CategoricalColumn.MissingCode : i % 3;
        }

        return TabularData.CreateBuilder().AddNumeric("row", numbers).AddCategorical("kind", codes, ["a", "b", "c"]).Build();
    }

    [Fact]
    public void WithinTheLimit_ReturnsTheTableItself()
    {
        var table = Table(MultivariateStage.MaxRows);

        Assert.Same(table, RowSample.Take(table, MultivariateStage.MaxRows, seed: 21));
    }

    [Fact]
    public void AboveTheLimit_KeepsLimitDistinctRowsInFileOrder_WithTheirCategories()
    {
        var sample = RowSample.Take(Table(50_000), 1_000, seed: 21);

        Assert.Equal(1_000, sample.RowCount);
        var rows = ((NumericColumn)sample["row"]).Values.Span;
        var kinds = (CategoricalColumn)sample["kind"];
        for (var k = 0; k < rows.Length; k++)
        {
            Assert.True(k == 0 || rows[k] > rows[k - 1], $"sampled row {k} is out of order");
            var row = (int)rows[k];
            Assert.Equal(row % 7 == 0 ? null : kinds.Categories[row % 3], kinds.GetValue(k));
        }

        // A uniform sample of 0..49,999 spreads over the whole file, not its start.
        Assert.InRange(rows[^1], 45_000, 49_999);
        Assert.InRange(rows[0], 0, 5_000);
    }

    [Fact]
    public void SameSeed_SameRows_OtherSeed_OtherRows()
    {
        var table = Table(50_000);

        var first = ((NumericColumn)RowSample.Take(table, 1_000, seed: 21)["row"]).Values.ToArray();
        var again = ((NumericColumn)RowSample.Take(table, 1_000, seed: 21)["row"]).Values.ToArray();
        var other = ((NumericColumn)RowSample.Take(table, 1_000, seed: 22)["row"]).Values.ToArray();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }
}
