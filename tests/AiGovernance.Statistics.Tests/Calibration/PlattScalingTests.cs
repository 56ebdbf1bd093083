namespace AiGovernance.Statistics.Tests.Calibration;

public class PlattScalingTests
{
    [Fact]
    public void Predict_MatchesTheTightlySolvedOptimumToOneInTenMillion()
    {
        // The oracle is the optimum of scikit-learn's _sigmoid_calibration objective solved with SciPy's trust-region
        // Newton (gtol 1e-13), not scikit-learn's own BFGS result, which stops at gtol 1e-5.
        var cases = 0;
        foreach (var c in CalibrationData.Cases("platt"))
        {
            var model = PlattScaling.Fit(c.Ds("scores"), c.Bs("labels"));
            var queries = c.Ds("queries");
            var expected = c.Ds("predictions");
            for (var i = 0; i < queries.Length; i++)
            {
                Reference.AssertClose(expected[i], model.Predict(queries[i]), $"{c.Name()} at {queries[i]}", rtol: 1e-7, atol: 1e-12);
            }

            cases++;
        }

        Assert.Equal(9, cases);
    }

    [Fact]
    public void PredictSpan_FillsOneProbabilityPerScore_AndLeavesTheRestOfDestinationAlone()
    {
        // The same oracle as the scalar Predict: the optimum of scikit-learn's objective solved tightly with SciPy.
        foreach (var c in CalibrationData.Cases("platt"))
        {
            var model = PlattScaling.Fit(c.Ds("scores"), c.Bs("labels"));
            var queries = c.Ds("queries");
            var expected = c.Ds("predictions");
            var destination = new double[queries.Length + 1];
            destination[^1] = -1;

            model.Predict(queries, destination);

            for (var i = 0; i < queries.Length; i++)
            {
                Reference.AssertClose(expected[i], destination[i], $"{c.Name()} at {queries[i]}", rtol: 1e-7, atol: 1e-12);
            }

            Assert.Equal(-1, destination[^1]);
        }
    }

    [Fact]
    public void Fit_ParametersEqualTheOptimum()
    {
        foreach (var c in CalibrationData.Cases("platt"))
        {
            var model = PlattScaling.Fit(c.Ds("scores"), c.Bs("labels"));
            Reference.AssertClose(c.D("a"), model.A, c.Name() + " A", rtol: 1e-8, atol: 1e-10);
            Reference.AssertClose(c.D("b"), model.B, c.Name() + " B", rtol: 1e-8, atol: 1e-10);
        }
    }

    [Fact]
    public void Fit_IsCloserToTheOptimumThanScikitLearnsBfgs()
    {
        // The separable case is where scikit-learn's early stop shows most (a prediction gap of about 1.6e-7).
        var c = CalibrationData.Cases("platt").Single(x => x.Name() == "separable");
        var model = PlattScaling.Fit(c.Ds("scores"), c.Bs("labels"));
        var oursToOptimum = Math.Abs(model.A - c.D("a")) + Math.Abs(model.B - c.D("b"));
        var sklearnToOptimum = Math.Abs(c.D("sklearn_a") - c.D("a")) + Math.Abs(c.D("sklearn_b") - c.D("b"));
        Assert.True(oursToOptimum < sklearnToOptimum / 100, $"ours {oursToOptimum}, scikit-learn {sklearnToOptimum}");
    }

    [Fact]
    public void Fit_ConstantScores_PredictsTheSmoothedRate()
    {
        // 3 positives, 1 negative: targets 4/5 and 1/3, mean (3·0.8 + 1/3)/4 = 0.68333…
        var model = PlattScaling.Fit([2, 2, 2, 2], [true, true, true, false]);
        Assert.Equal(0, model.A);
        Assert.Equal(((3 * 0.8) + (1.0 / 3)) / 4, model.Predict(2), 14);
        Assert.Equal(model.Predict(2), model.Predict(-100), 14);
    }

    [Fact]
    public void Predict_ExtremeArguments_DoNotOverflow()
    {
        var model = PlattScaling.FromParameters(-1, 0);
        Assert.Equal(1.0, model.Predict(1e6));
        Assert.Equal(0.0, model.Predict(-1e6));
        Assert.Equal(0.5, model.Predict(0));
    }

    [Fact]
    public void Fit_LengthMismatch_NamesLabels() =>
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => PlattScaling.Fit([1, 2], [true])).ParamName);

    [Fact]
    public void Fit_InfiniteScore_NamesScoresAndIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => PlattScaling.Fit([1, double.PositiveInfinity], [true, false]));
        Assert.Equal("scores", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ScoresOneSubnormalStepApart_NamesScores()
    {
        // Separating 0 from 4.9e-324 takes a slope near 1e324, beyond the double range: refused, not returned as ±∞ or NaN.
        var e = Assert.Throws<ArgumentException>(() => PlattScaling.Fit([0, double.Epsilon, 0, double.Epsilon], [false, true, false, true]));
        Assert.Equal("scores", e.ParamName);
    }

    [Fact]
    public void FromParameters_NaN_Throws() =>
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => PlattScaling.FromParameters(double.NaN, 0)).ParamName);
}
