using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.Calibration;

public class IsotonicRegressionTests
{
    [Fact]
    public void Predict_MatchesScikitLearnToOneInATrillion()
    {
        var cases = 0;
        foreach (var c in CalibrationData.Cases("isotonic"))
        {
            var weights = c.GetProperty("weights").ValueKind == JsonValueKind.Null ? default : c.Ds("weights");
            var model = IsotonicRegression.Fit(c.Ds("x"), c.Ds("y"), weights, c.GetProperty("increasing").GetBoolean());
            var queries = c.Ds("queries");
            var expected = c.Ds("predictions");
            for (var i = 0; i < queries.Length; i++)
            {
                Reference.AssertClose(expected[i], model.Predict(queries[i]), $"{c.Name()} at {queries[i]}", rtol: 1e-12, atol: 1e-14);
            }

            cases++;
        }

        Assert.Equal(10, cases);
    }

    [Fact]
    public void Fit_KeepsScikitLearnsThresholdsAndClipRange()
    {
        foreach (var c in CalibrationData.Cases("isotonic"))
        {
            var weights = c.GetProperty("weights").ValueKind == JsonValueKind.Null ? default : c.Ds("weights");
            var model = IsotonicRegression.Fit(c.Ds("x"), c.Ds("y"), weights, c.GetProperty("increasing").GetBoolean());
            Assert.Equal(c.Ds("x_thresholds"), model.XThresholds.ToArray());
            var expectedY = c.Ds("y_thresholds");
            Assert.Equal(expectedY.Length, model.YThresholds.Length);
            for (var i = 0; i < expectedY.Length; i++)
            {
                Reference.AssertClose(expectedY[i], model.YThresholds[i], $"{c.Name()} y_thresholds[{i}]", rtol: 1e-12, atol: 1e-14);
            }

            Assert.Equal(c.D("x_min"), model.XMin);
            Assert.Equal(c.D("x_max"), model.XMax);
        }
    }

    [Fact]
    public void Fit_HandWorkedPooling()
    {
        // y = 1, 3, 2, 4: the violating pair (3, 2) pools to 2.5; interpolation halfway between x = 1 and x = 2 gives 1.75.
        var model = IsotonicRegression.Fit([0, 1, 2, 3], [1, 3, 2, 4]);
        Assert.Equal([0.0, 1, 2, 3], model.XThresholds.ToArray());
        Assert.Equal([1.0, 2.5, 2.5, 4], model.YThresholds.ToArray());
        Assert.Equal(1.75, model.Predict(0.5));
        Assert.Equal(2.5, model.Predict(1.5));
        Assert.Equal(1.0, model.Predict(-10));
        Assert.Equal(4.0, model.Predict(10));
    }

    [Fact]
    public void Fit_TiesInXArePooledByWeightedMean()
    {
        // x = 1 twice with y 0 (weight 3) and 1 (weight 1): one point at mean 0.25.
        var model = IsotonicRegression.Fit([1, 1, 2], [0, 1, 1], [3, 1, 1]);
        Assert.Equal([1.0, 2], model.XThresholds.ToArray());
        Assert.Equal([0.25, 1], model.YThresholds.ToArray());
    }

    [Fact]
    public void Fit_NonPositiveWeightsDropTheExampleAndItsClipRange()
    {
        var model = IsotonicRegression.Fit([-5, 0, 1, 9], [7, 0, 1, 7], [0, 1, 1, -2]);
        Assert.Equal(0, model.XMin);
        Assert.Equal(1, model.XMax);
        Assert.Equal(1, model.Predict(9));
    }

    [Fact]
    public void Fit_NoPositiveWeight_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => IsotonicRegression.Fit([1, 2], [0, 1], [0, -1]));
        Assert.Equal("sampleWeight", e.ParamName);
    }

    [Fact]
    public void Fit_NaNTarget_NamesArgumentAndIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => IsotonicRegression.Fit([1, 2, 3], [0, double.NaN, 1]));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_LengthMismatch_Throws()
    {
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => IsotonicRegression.Fit([1, 2, 3], [0, 1])).ParamName);
        Assert.Equal("sampleWeight", Assert.Throws<ArgumentException>(() => IsotonicRegression.Fit([1, 2], [0, 1], [1])).ParamName);
    }

    [Fact]
    public void Predict_NaN_IsNaN() => Assert.True(double.IsNaN(IsotonicRegression.Fit([1, 2], [0, 1]).Predict(double.NaN)));

    [Fact]
    public void PredictSpan_EqualsScalarPredict()
    {
        var model = IsotonicRegression.Fit([0, 1, 2, 3, 4], [0, 2, 1, 3, 5]);
        double[] x = [-1, 0.3, 1.7, 2.5, 3.9, 7];
        var destination = new double[x.Length];
        model.Predict(x, destination);
        Assert.Equal(x.Select(model.Predict), destination);
    }

    [Fact]
    public void Predict_GridLookup_EqualsAPlainScanOfTheThresholds()
    {
        // Thresholds clustered near 0 and spread to 1e3, queried at, between and beside every threshold: the cell lookup must
        // find the same interval as a scan (NumPy interp semantics: exact at a threshold, slope·(v − xⱼ) + yⱼ between).
        var random = new Random(17);
        var x = new double[3000];
        var y = new double[3000];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = i % 3 == 0 ? random.NextDouble() * 1e-3 : Math.Pow(random.NextDouble(), 4) * 1000;
            y[i] = (random.NextDouble() < 0.5 ? 1 : 0) + (x[i] / 2000);
        }

        var model = IsotonicRegression.Fit(x, y);
        var xs = model.XThresholds.ToArray();
        var ys = model.YThresholds.ToArray();
        var queries = xs.Concat(xs.Select(v => Math.BitIncrement(v))).Concat(xs.Select(v => Math.BitDecrement(v)))
            .Concat(Enumerable.Range(0, 5000).Select(_ => random.NextDouble() * 1001 - 0.5)).ToArray();
        foreach (var q in queries)
        {
            var v = Math.Clamp(q, xs[0], xs[^1]);
            var j = 0;
            while (j + 1 < xs.Length && xs[j + 1] <= v)
            {
                j++;
            }

            var expected = j == xs.Length - 1 || xs[j] == v ? ys[j] : ((ys[j + 1] - ys[j]) / (xs[j + 1] - xs[j]) * (v - xs[j])) + ys[j];
            Assert.Equal(expected, model.Predict(q));
        }
    }

    [Property(MaxTest = 200)]
    public Property Predictions_AreMonotoneAndWithinTheTargetRange(int seed)
    {
        var random = new Random(seed);
        var n = 2 + random.Next(60);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = Math.Round(random.NextDouble() * 10, 1);
            y[i] = random.NextDouble() * 4 - 2;
        }

        var increasing = IsotonicRegression.Fit(x, y);
        var decreasing = IsotonicRegression.Fit(x, y, increasing: false);
        var ok = true;
        var previousUp = double.NegativeInfinity;
        var previousDown = double.PositiveInfinity;
        for (var q = -1.0; q <= 11; q += 0.05)
        {
            var up = increasing.Predict(q);
            var down = decreasing.Predict(q);
            ok &= up >= previousUp - 1e-12 && down <= previousDown + 1e-12;
            ok &= up >= y.Min() - 1e-12 && up <= y.Max() + 1e-12;
            previousUp = up;
            previousDown = down;
        }

        return ok.ToProperty();
    }
}
