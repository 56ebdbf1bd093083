using System.Data;
using AiGovernance.Monitoring.Data;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Tests.Data;

public class TabularDataTests
{
    [Fact]
    public void Builder_NumericAndCategorical_KeepsValuesAndCountsMissing()
    {
        var data = TabularData.CreateBuilder()
            .AddNumeric("age", new[] { 30, double.NaN, 45 })
            .AddCategorical("region", new string?[] { "north", null, "north" })
            .Build();

        Assert.Equal(3, data.RowCount);
        var age = Assert.IsType<NumericColumn>(data["age"]);
        Assert.Equal(1, age.MissingCount);
        Assert.Equal(new double[] { 30, 45 }, age.ToPresentValues());
        var region = Assert.IsType<CategoricalColumn>(data["region"]);
        Assert.Equal(["north"], region.Categories);
        Assert.Null(region.GetValue(1));
        Assert.Equal("north", region.GetValue(2));
        Assert.Equal(1.0 / 3, region.MissingRate, 12);
        Assert.Equal(2, region.CountByCategory()["north"]);
    }

    [Fact]
    public void Builder_ColumnsOfDifferentLengths_NamesArgument()
    {
        var builder = TabularData.CreateBuilder().AddNumeric("a", new double[] { 1, 2 });
        var ex = Assert.Throws<ArgumentException>(() => builder.AddNumeric("b", new double[] { 1, 2, 3 }));
        Assert.Equal("values", ex.ParamName);
        Assert.Contains("'b' has 3 rows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_DuplicateName_Throws()
    {
        var builder = TabularData.CreateBuilder().AddNumeric("a", new double[] { 1 });
        Assert.Throws<ArgumentException>(() => builder.AddCategorical("a", new string?[] { "x" }));
    }

    [Fact]
    public void Builder_NoColumns_Throws() =>
        Assert.Throws<InvalidOperationException>(() => TabularData.CreateBuilder().Build());

    [Fact]
    public void NumericColumn_Infinity_NamesArgumentAndRow()
    {
        var ex = Assert.Throws<ArgumentException>(() => new NumericColumn("x", new[] { 1, double.PositiveInfinity }));
        Assert.Equal("values", ex.ParamName);
        Assert.Contains("row 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CategoricalColumn_CodeOutOfRange_NamesArgument()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CategoricalColumn("c", new[] { 0, 2 }, ["a", "b"]));
        Assert.Equal("codes", ex.ParamName);
    }

    [Fact]
    public void Indexer_UnknownColumn_NamesArgument()
    {
        var data = TabularData.CreateBuilder().AddNumeric("a", new double[] { 1 }).Build();
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => data["b"]).ParamName);
        Assert.False(data.TryGetColumn("b", out _));
    }

    [Fact]
    public void FromDataReader_InfersKindsAndReadsNullsAsMissing()
    {
        using var table = new DataTable();
        table.Columns.Add("income", typeof(decimal));
        table.Columns.Add("owner", typeof(bool));
        table.Columns.Add("segment", typeof(string));
        table.Rows.Add(1000.5m, true, "retail");
        table.Rows.Add(DBNull.Value, false, DBNull.Value);
        table.Rows.Add(2000m, true, "business");
        using var reader = table.CreateDataReader();

        var data = TabularData.FromDataReader(reader);

        Assert.Equal(3, data.RowCount);
        var income = Assert.IsType<NumericColumn>(data["income"]);
        Assert.Equal(1000.5, income.Values.Span[0]);
        Assert.True(double.IsNaN(income.Values.Span[1]));
        Assert.Equal(new double[] { 1, 0, 1 }, Assert.IsType<NumericColumn>(data["owner"]).Values.ToArray());
        var segment = Assert.IsType<CategoricalColumn>(data["segment"]);
        Assert.Equal(1, segment.MissingCount);
        Assert.Equal("business", segment.GetValue(2));
    }

    [Fact]
    public void FromDataReader_KindOverride_ReadsNumbersAsCategories()
    {
        using var table = new DataTable();
        table.Columns.Add("zip", typeof(int));
        table.Rows.Add(10115);
        table.Rows.Add(20095);
        using var reader = table.CreateDataReader();

        var data = TabularData.FromDataReader(reader, new Dictionary<string, ColumnKind> { ["zip"] = ColumnKind.Categorical });

        Assert.Equal(["10115", "20095"], Assert.IsType<CategoricalColumn>(data["zip"]).Categories);
    }

    [Fact]
    public void FromDataReader_OverrideForUnknownField_NamesArgument()
    {
        using var table = new DataTable();
        table.Columns.Add("a", typeof(int));
        using var reader = table.CreateDataReader();
        var ex = Assert.Throws<ArgumentException>(() => TabularData.FromDataReader(reader, new Dictionary<string, ColumnKind> { ["b"] = ColumnKind.Numeric }));
        Assert.Equal("kinds", ex.ParamName);
    }

    [Fact]
    public void FromDataReader_NonNumericTextInNumericColumn_NamesRow()
    {
        using var table = new DataTable();
        table.Columns.Add("v", typeof(string));
        table.Rows.Add("1.5");
        table.Rows.Add("abc");
        using var reader = table.CreateDataReader();
        var ex = Assert.Throws<ArgumentException>(() => TabularData.FromDataReader(reader, new Dictionary<string, ColumnKind> { ["v"] = ColumnKind.Numeric }));
        Assert.Equal("reader", ex.ParamName);
        Assert.Contains("Row 1", ex.Message, StringComparison.Ordinal);
    }
}
