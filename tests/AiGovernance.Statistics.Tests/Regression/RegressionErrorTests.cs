namespace AiGovernance.Statistics.Tests.Regression;

public class RegressionErrorTests
{
    [Fact]
    public void MeanAbsoluteAndRootMeanSquared_MatchScipyTIntervals()
    {
        var cases = 0;
        foreach (var c in Reference.Load("ridge_reference.json").GetProperty("errors").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var actual = Reference.GetDoubles(c.GetProperty("actual"));
            var predicted = Reference.GetDoubles(c.GetProperty("predicted"));
            var level = c.GetProperty("level").GetDouble();
            var mae = RegressionError.MeanAbsolute(actual, predicted, level);
            Reference.AssertClose(c.GetProperty("mae").GetDouble(), mae.Estimate, name + " MAE");
            Reference.AssertClose(c.GetProperty("mae_se").GetDouble(), mae.StandardError, name + " MAE se");
            Reference.AssertClose(c.GetProperty("mae_lower").GetDouble(), mae.Lower, name + " MAE lower");
            Reference.AssertClose(c.GetProperty("mae_upper").GetDouble(), mae.Upper, name + " MAE upper");
            var rmse = RegressionError.RootMeanSquared(actual, predicted, level);
            Reference.AssertClose(c.GetProperty("rmse").GetDouble(), rmse.Estimate, name + " RMSE");
            Reference.AssertClose(c.GetProperty("rmse_lower").GetDouble(), rmse.Lower, name + " RMSE lower");
            Reference.AssertClose(c.GetProperty("rmse_upper").GetDouble(), rmse.Upper, name + " RMSE upper");
            Reference.AssertClose(c.GetProperty("rmse_se").GetDouble(), rmse.StandardError, name + " RMSE se (delta method)");
            Assert.Equal(actual.Length, mae.Count);
            cases++;
        }

        Assert.Equal(3, cases);
    }

    [Fact]
    public void MeanAbsolute_PerfectPredictions_IsZeroWithZeroWidth()
    {
        var e = RegressionError.MeanAbsolute([1, 2, 3], [1, 2, 3]);
        Assert.Equal((0.0, 0.0, 0.0), (e.Estimate, e.Lower, e.Upper));
    }

    [Fact]
    public void RootMeanSquared_PerfectPredictions_HasZeroStandardErrorNotNaN()
    {
        // se(MSE) / (2·RMSE) is 0/0 here; with every error 0 there is no spread, so the standard error is 0.
        var e = RegressionError.RootMeanSquared([1, 2, 3], [1, 2, 3]);
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (e.Estimate, e.StandardError, e.Lower, e.Upper));
    }

    [Fact]
    public void MeanAbsoluteAndRootMeanSquared_TwoPairs_UseOneDegreeOfFreedom()
    {
        // Two pairs are enough (df 1). Errors 1 and 3: |e| mean 2, sd √2, sem 1; scipy.stats.t.ppf(0.975, 1) =
        // 12.706204736432095, so stats.t.interval(0.95, 1, loc=2, scale=1) = (−10.706…, 14.706204736432095), clipped at 0.
        // e² = 1, 9: mean 5, sd √32, sem 4; interval 5 ± 50.82481894572838 → (0, √55.82481894572838).
        var mae = RegressionError.MeanAbsolute([0, 0], [1, 3]);
        Assert.Equal(2, mae.Estimate);
        Assert.Equal(1, mae.StandardError, 15);
        Assert.Equal(0, mae.Lower);
        Reference.AssertClose(14.706204736432095, mae.Upper, "MAE upper");
        var rmse = RegressionError.RootMeanSquared([0, 0], [1, 3]);
        Reference.AssertClose(Math.Sqrt(5), rmse.Estimate, "RMSE");
        Reference.AssertClose(4 / (2 * Math.Sqrt(5)), rmse.StandardError, "RMSE se");
        Reference.AssertClose(Math.Sqrt(55.82481894572838), rmse.Upper, "RMSE upper");
    }

    [Fact]
    public void RootMeanSquared_NonFinitePrediction_NamesPredicted()
    {
        var ex = Assert.Throws<ArgumentException>(() => RegressionError.RootMeanSquared([1, 2, 3], [1, double.NaN, 3]));
        Assert.Equal("predicted", ex.ParamName);
        Assert.Contains("index 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RootMeanSquared_OnePair_Throws() =>
        Assert.Equal("actual", Assert.Throws<ArgumentException>(() => RegressionError.RootMeanSquared([1], [2])).ParamName);

    [Fact]
    public void MeanAbsolute_LengthMismatch_NamesPredicted() =>
        Assert.Equal("predicted", Assert.Throws<ArgumentException>(() => RegressionError.MeanAbsolute([1, 2], [2])).ParamName);
}
