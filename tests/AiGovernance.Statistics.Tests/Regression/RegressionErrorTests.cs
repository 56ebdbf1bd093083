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
    public void RootMeanSquared_OnePair_Throws() =>
        Assert.Equal("actual", Assert.Throws<ArgumentException>(() => RegressionError.RootMeanSquared([1], [2])).ParamName);

    [Fact]
    public void MeanAbsolute_LengthMismatch_NamesPredicted() =>
        Assert.Equal("predicted", Assert.Throws<ArgumentException>(() => RegressionError.MeanAbsolute([1, 2], [2])).ParamName);
}
