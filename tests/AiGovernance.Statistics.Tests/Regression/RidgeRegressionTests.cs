using System.Text.Json;

namespace AiGovernance.Statistics.Tests.Regression;

public class RidgeRegressionTests
{
    private static readonly Lazy<JsonElement> Root = new(() => Reference.Load("ridge_reference.json"));

    [Fact]
    public void FitMany_MatchesScikitLearnRidgeAtTheGcvPenalty()
    {
        var cases = 0;
        foreach (var c in Root.Value.GetProperty("ridge").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var p = c.GetProperty("features").GetInt32();
            var x = Reference.GetDoubles(c.GetProperty("x"));
            var targets = c.GetProperty("targets").EnumerateArray().Select(Reference.GetDoubles).ToArray();
            var queries = Reference.GetDoubles(c.GetProperty("queries"));
            var fits = RidgeRegression.FitMany(x, p, targets);
            var expected = c.GetProperty("fits").EnumerateArray().ToArray();
            Assert.Equal(expected.Length, fits.Count);
            for (var t = 0; t < fits.Count; t++)
            {
                var e = expected[t];
                Reference.AssertClose(e.GetProperty("penalty").GetDouble(), fits[t].Penalty, $"{name}[{t}] penalty");
                Reference.AssertClose(e.GetProperty("df").GetDouble(), fits[t].EffectiveDegreesOfFreedom, $"{name}[{t}] df", rtol: 1e-9);
                Reference.AssertClose(e.GetProperty("gcv").GetDouble(), fits[t].GeneralizedCrossValidation, $"{name}[{t}] gcv", rtol: 1e-9);
                Reference.AssertClose(e.GetProperty("intercept").GetDouble(), fits[t].Intercept, $"{name}[{t}] intercept", rtol: 1e-9, atol: 1e-10);
                var coefficients = Reference.GetDoubles(e.GetProperty("coefficients"));
                for (var j = 0; j < p; j++)
                {
                    Reference.AssertClose(coefficients[j], fits[t].Coefficients[j], $"{name}[{t}] β{j}", rtol: 1e-9, atol: 1e-10);
                }

                var variances = Reference.GetDoubles(e.GetProperty("variances"));
                for (var q = 0; q < variances.Length; q++)
                {
                    Reference.AssertClose(variances[q], fits[t].FittedValueVariance(queries.AsSpan(q * p, p)), $"{name}[{t}] variance {q}", rtol: 1e-8, atol: 1e-14);
                }

                var predictions = Reference.GetDoubles(e.GetProperty("predictions"));
                for (var q = 0; q < predictions.Length; q++)
                {
                    Reference.AssertClose(predictions[q], fits[t].Predict(queries.AsSpan(q * p, p)), $"{name}[{t}] prediction {q}", rtol: 1e-9, atol: 1e-10);
                }
            }

            cases++;
        }

        Assert.Equal(4, cases);
    }

    [Fact]
    public void Fit_InSampleMeanOfPredictions_EqualsTheTargetMean()
    {
        // An unpenalised intercept reproduces the target's mean: the property the direct loss estimator relies on.
        var random = new Random(4);
        var x = new double[300];
        var y = new double[150];
        for (var i = 0; i < y.Length; i++)
        {
            x[2 * i] = random.NextDouble();
            x[(2 * i) + 1] = random.NextDouble() * 5;
            y[i] = x[2 * i] + (random.NextDouble() * 2);
        }

        var model = RidgeRegression.Fit(x, 2, y);
        var mean = Enumerable.Range(0, y.Length).Average(i => model.Predict(x.AsSpan(2 * i, 2)));
        Assert.Equal(y.Average(), mean, 10);
    }

    [Fact]
    public void Fit_ColumnConstantUpToRounding_IsLeftOutWithCoefficientZero()
    {
        // A column of 0.1 in every row is constant, but its computed mean (0.1 summed 40 times, / 40) is not exactly 0.1,
        // so its computed standard deviation is ~1e-17, not 0. It carries nothing and must be left out: the fit equals the
        // fit without that column (same penalty, degrees of freedom, coefficients) and gives it coefficient 0.
        var random = new Random(11);
        const int rows = 40;
        var with = new double[rows * 2];
        var without = new double[rows];
        var y = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            without[i] = with[2 * i] = random.NextDouble();
            with[(2 * i) + 1] = 0.1;
            y[i] = (2 * without[i]) + random.NextDouble();
        }

        Assert.NotEqual(0.1, Enumerable.Repeat(0.1, rows).Sum() / rows);
        var reduced = RidgeRegression.Fit(without, 1, y);
        var full = RidgeRegression.Fit(with, 2, y);
        Assert.Equal(0, full.Coefficients[1]);
        Assert.Equal(reduced.Penalty, full.Penalty);
        Reference.AssertClose(reduced.EffectiveDegreesOfFreedom, full.EffectiveDegreesOfFreedom, "df");
        Reference.AssertClose(reduced.Coefficients[0], full.Coefficients[0], "slope");
        Reference.AssertClose(reduced.Intercept, full.Intercept, "intercept");
    }

    [Fact]
    public void Fit_RaggedFeatures_Throws() =>
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => RidgeRegression.Fit(new double[7], 2, new double[3])).ParamName);

    [Fact]
    public void Fit_NaNFeature_NamesIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => RidgeRegression.Fit([1, 2, double.NaN, 4], 1, [1, 2, 3, 4]));
        Assert.Equal("features", e.ParamName);
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NonPositivePenalty_Throws() =>
        Assert.Equal("penalties", Assert.Throws<ArgumentException>(() => RidgeRegression.Fit([1, 2, 3], 1, [1, 2, 4], [1.0, 0])).ParamName);

    [Fact]
    public void Predict_WrongRowLength_Throws() =>
        Assert.Equal("row", Assert.Throws<ArgumentException>(() => RidgeRegression.Fit([1, 2, 3, 5], 1, [1, 2, 4, 4]).Predict([1, 2])).ParamName);
}
