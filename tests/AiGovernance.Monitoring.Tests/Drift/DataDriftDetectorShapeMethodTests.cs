using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Tests.Drift;

/// <summary>The distribution-shape methods of issue 26, chosen per column through <see cref="DataDriftOptions.ColumnMethods"/>.</summary>
public class DataDriftDetectorShapeMethodTests
{
    private static ColumnDriftResult Compare(string column, DriftMethod method, int rows = 300)
    {
        var options = new DataDriftOptions();
        options.ColumnMethods[column] = method;
        var detector = new DataDriftDetector(options);
        var reference = SyntheticDrift.Reference(rows, 1);
        var report = detector.Compare(detector.Fit(reference), SyntheticDrift.Drifted(rows, 2));
        return report.Columns.Single(c => c.Column == column);
    }

    private static double[] Present(TabularData data, string column) => ((NumericColumn)data[column]).ToPresentValues();

    [Fact]
    public void CramerVonMises_ChosenPerColumn_IsTheStatisticsFunction_AndDetectsTheScaleChange()
    {
        var tenure = Compare("tenure", DriftMethod.CramerVonMises);
        var expected = CramerVonMises.TwoSample(Present(SyntheticDrift.Reference(300, 1), "tenure").Order().ToArray(), Present(SyntheticDrift.Drifted(300, 2), "tenure"));
        Assert.Equal(DriftMethod.CramerVonMises, tenure.Method);
        Assert.Equal(expected.Statistic, tenure.Statistic);
        Assert.Equal(expected.PValue, tenure.PValue);
        Assert.True(tenure.DistributionDrifted);
        Assert.Equal(0.05, tenure.Threshold);
    }

    [Fact]
    public void AndersonDarling_ChosenPerColumn_UsesTheCappedPValue_AndCorrectsIt()
    {
        var income = Compare("income", DriftMethod.AndersonDarling);
        Assert.Equal(DriftMethod.AndersonDarling, income.Method);
        Assert.Equal(0.001, income.PValue);
        Assert.True(income.AdjustedPValue >= income.PValue);
        Assert.True(income.IsDrifted);
    }

    [Fact]
    public void EppsSingleton_ChosenPerColumn_StaysQuietOnAnUnchangedColumn()
    {
        var age = Compare("age", DriftMethod.EppsSingleton);
        var expected = EppsSingleton.TwoSample(Present(SyntheticDrift.Reference(300, 1), "age").Order().ToArray(), Present(SyntheticDrift.Drifted(300, 2), "age"));
        Assert.Equal(expected.Statistic, age.Statistic);
        Assert.False(age.DistributionDrifted);
    }

    [Fact]
    public void EnergyDistance_ChosenPerColumn_IsADistanceOnStandardisedValues()
    {
        var income = Compare("income", DriftMethod.EnergyDistance);
        var reference = SortedSample.Create(Present(SyntheticDrift.Reference(300, 1), "income"));
        var expected = EnergyDistance.Compute(reference, Present(SyntheticDrift.Drifted(300, 2), "income")) / Math.Sqrt(reference.PopulationStandardDeviation);
        Assert.Equal(expected, income.Statistic, 12);
        Assert.True(double.IsNaN(income.PValue));
        Assert.Equal(0.1, income.Threshold);
        Assert.True(income.DistributionDrifted);
    }

    [Fact]
    public void ShapeMethod_OnACategoricalColumn_Throws()
    {
        var options = new DataDriftOptions();
        options.ColumnMethods["region"] = DriftMethod.CramerVonMises;
        var detector = new DataDriftDetector(options);
        Assert.Throws<InvalidOperationException>(() => detector.Compare(detector.Fit(SyntheticDrift.Reference(100, 1)), SyntheticDrift.Drifted(100, 2)));
    }

    [Fact]
    public void EppsSingleton_OnAColumnWithoutSpread_ThrowsNamingTheColumn()
    {
        // Claims per customer: 0 for 90 % of them, so both quartiles are 0 and the interquartile range is 0.
        static TabularData Claims(int seed) => TabularData.CreateBuilder()
            .AddNumeric("claims", Synthetic.Normal(200, 0, 1, seed).Select(z => z > 1.28 ? Math.Round(z * 3) : 0.0).ToArray())
            .Build();
        var options = new DataDriftOptions();
        options.ColumnMethods["claims"] = DriftMethod.EppsSingleton;
        var detector = new DataDriftDetector(options);
        var error = Assert.Throws<InvalidOperationException>(() => detector.Compare(detector.Fit(Claims(1)), Claims(2)));
        Assert.Contains("'claims'", error.Message, StringComparison.Ordinal);
        Assert.Contains("EppsSingleton", error.Message, StringComparison.Ordinal);
    }
}
