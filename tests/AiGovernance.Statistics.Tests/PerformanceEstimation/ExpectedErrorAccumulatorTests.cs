namespace AiGovernance.Statistics.Tests.PerformanceEstimation;

public class ExpectedErrorAccumulatorTests
{
    [Fact]
    public void Estimate_HandWorkedMomentsAndBands()
    {
        // Two predictions with E|e| = 1, 2; E[e²] = 2, 5; E[e⁴] = 8, 30.
        // MAE = 1.5, Var = ((2 − 1) + (5 − 4))/4 = 0.5; MSE = 3.5, Var = ((8 − 4) + (30 − 25))/4 = 2.25.
        var accumulator = new ExpectedErrorAccumulator();
        accumulator.Add(1, 2, 8);
        accumulator.Add(2, 5, 30);
        var e = accumulator.Estimate(0.95);
        Assert.Equal(2, e.Count);
        Assert.Equal(1.5, e.MeanAbsoluteError.Estimate, 14);
        Assert.Equal(Math.Sqrt(0.5), e.MeanAbsoluteError.StandardError, 14);
        Assert.Equal(3.5, e.MeanSquaredError.Estimate, 14);
        Assert.Equal(1.5, e.MeanSquaredError.StandardError, 14);
        Assert.Equal(Math.Sqrt(3.5), e.RootMeanSquaredError.Estimate, 14);
        Assert.Equal(Math.Sqrt(3.5 + (1.959963984540054 * 1.5)), e.RootMeanSquaredError.Upper, 12);
        Assert.Equal(1.5 - (1.959963984540054 * Math.Sqrt(0.5)), e.MeanAbsoluteError.Lower, 12);
    }

    [Fact]
    public void Estimate_ModelVarianceIsAddedToTheBands()
    {
        var accumulator = new ExpectedErrorAccumulator();
        accumulator.Add(1, 2, 8);
        accumulator.Add(2, 5, 30);
        var e = accumulator.Estimate(0.95, absoluteModelVariance: 0.25, squaredModelVariance: 1);
        Assert.Equal(Math.Sqrt(0.75), e.MeanAbsoluteError.StandardError, 14);
        Assert.Equal(Math.Sqrt(3.25), e.MeanSquaredError.StandardError, 14);
    }

    [Fact]
    public void Add_InconsistentMoments_AreMadeConsistent()
    {
        // A fitted model may predict E|e| < 0 or E[e²] < E|e|²; Jensen's inequalities are restored before summing.
        var accumulator = new ExpectedErrorAccumulator();
        accumulator.Add(-0.5, -1, -2);
        accumulator.Add(2, 1, 1);
        var e = accumulator.Estimate(0.9);
        Assert.Equal(1.0, e.MeanAbsoluteError.Estimate, 14);   // (0 + 2)/2
        Assert.Equal(2.0, e.MeanSquaredError.Estimate, 14);    // (0 + 4)/2
        Assert.Equal(0, e.MeanAbsoluteError.StandardError);
    }

    [Fact]
    public void Merge_EqualsAddingEverything()
    {
        var a = new ExpectedErrorAccumulator();
        var b = new ExpectedErrorAccumulator();
        var whole = new ExpectedErrorAccumulator();
        for (var i = 1; i <= 10; i++)
        {
            (i % 2 == 0 ? a : b).Add(i, i * i * 1.5, i * i * i * i * 4.0);
            whole.Add(i, i * i * 1.5, i * i * i * i * 4.0);
        }

        a.Merge(b);
        Assert.Equal(whole.Estimate(0.95), a.Estimate(0.95));
    }

    [Fact]
    public void Estimate_Empty_IsUndefined() => Assert.False(new ExpectedErrorAccumulator().Estimate(0.95).MeanAbsoluteError.IsDefined);

    [Fact]
    public void Add_NaN_Throws() => Assert.Throws<ArgumentException>(() => new ExpectedErrorAccumulator().Add(double.NaN, 1, 1));

    [Fact]
    public void Estimate_NegativeModelVariance_Throws() =>
        Assert.Equal("absoluteModelVariance", Assert.Throws<ArgumentOutOfRangeException>(() => new ExpectedErrorAccumulator().Estimate(0.95, -1)).ParamName);
}
