namespace AiGovernance.Statistics.Tests.Multivariate;

public class MaximumMeanDiscrepancyTests
{
    [Fact]
    public void Statistic_EqualsADirectNumpyComputation_To1e12()
    {
        var compared = 0;
        foreach (var c in MultivariateData.Section("mmd").EnumerateArray())
        {
            var d = c.GetProperty("dimension").GetInt32();
            var x = c.Ds("x");
            var y = c.Ds("y");
            var isFloat = c.GetProperty("dtype").GetString() == "float32";
            foreach (var k in c.GetProperty("cases").EnumerateArray())
            {
                var sigma = k.D("sigma");
                var expected = k.D("unbiased");
                var actual = isFloat
                    ? MaximumMeanDiscrepancy.Statistic(x.Select(v => (float)v).ToArray(), y.Select(v => (float)v).ToArray(), d, sigma)
                    : MaximumMeanDiscrepancy.Statistic(x, y, d, sigma);
                Assert.True(Math.Abs(actual - expected) <= 1e-12, $"{c.Name()} σ={sigma}: {actual:R} vs NumPy {expected:R}");
                compared++;
            }
        }

        Assert.True(compared >= 9);
    }

    [Fact]
    public void MedianHeuristicBandwidth_IsSqrtOfHalfTheMedianSquaredDistance_AsNumpy()
    {
        foreach (var c in MultivariateData.Section("mmd").EnumerateArray())
        {
            var d = c.GetProperty("dimension").GetInt32();
            var sigma = MaximumMeanDiscrepancy.MedianHeuristicBandwidth(c.Ds("x"), c.Ds("y"), d, 1000, 1);
            Assert.True(Math.Abs(sigma - c.D("medianSigma")) <= 1e-12 * sigma, $"{c.Name()}: {sigma:R} vs {c.D("medianSigma"):R}");
        }
    }

    [Fact]
    public void LinearTimeTest_StatisticEqualsTheDirectPairedMean()
    {
        foreach (var c in MultivariateData.Section("mmd").EnumerateArray())
        {
            var d = c.GetProperty("dimension").GetInt32();
            var x = c.Ds("x");
            var y = c.Ds("y");
            if (Math.Min(x.Length, y.Length) / d < 4)
            {
                continue;
            }

            foreach (var k in c.GetProperty("cases").EnumerateArray())
            {
                var result = MaximumMeanDiscrepancy.LinearTimeTest(x, y, d, new MmdOptions { Bandwidth = k.D("sigma") });
                Assert.True(Math.Abs(result.Statistic - k.D("linear")) <= 1e-12, $"{c.Name()}: {result.Statistic:R} vs {k.D("linear"):R}");
                var pairs = Math.Min(x.Length, y.Length) / d / 2;
                var expectedP = MathNet.Numerics.Distributions.Normal.CDF(0, 1, -k.D("linear") / (k.D("linearSd") / Math.Sqrt(pairs)));
                Reference.AssertClose(expectedP, result.PValue, c.Name() + " linear p");
                Assert.Equal(MmdEstimator.LinearTime, result.Estimator);
            }
        }
    }

    [Fact]
    public void PermutationTest_ReportsTheDirectStatistic_AndTheMedianBandwidth()
    {
        var x = MultivariateData.Normal(30, 3, seed: 1);
        var y = MultivariateData.Normal(25, 3, seed: 2, shift: 1.0);
        var result = MaximumMeanDiscrepancy.PermutationTest(x, y, 3, new MmdOptions { Permutations = 199, Seed = 5 });
        var sigma = MaximumMeanDiscrepancy.MedianHeuristicBandwidth(x, y, 3, 1000, 5);
        Assert.Equal(sigma, result.Bandwidth);
        Assert.Equal(MaximumMeanDiscrepancy.Statistic(x, y, 3, sigma), result.Statistic);
        Assert.Equal(199, result.Permutations);
        Assert.True(result.PValue < 0.05, $"a 1 sd shift in 3 dimensions is detected: p = {result.PValue}");
    }

    [Fact]
    public void PermutationTest_LargeSides_AreReplacedBySeededSamples()
    {
        var x = MultivariateData.Normal(50, 2, seed: 21);
        var y = MultivariateData.Normal(8, 2, seed: 22);
        var options = new MmdOptions { Permutations = 19, MaxRowsPerSide = 20, Bandwidth = 1 };
        var result = MaximumMeanDiscrepancy.PermutationTest(x, y, 2, options);
        Assert.Equal(20, result.FirstRows);
        Assert.Equal(8, result.SecondRows);
        Assert.Equal(result, MaximumMeanDiscrepancy.PermutationTest(x, y, 2, options));
        Assert.NotEqual(MaximumMeanDiscrepancy.Statistic(x, y, 2, 1), result.Statistic);
    }

    [Fact]
    public void PermutationTest_SameSeed_SameResult_OtherSeed_OtherPermutations()
    {
        var x = MultivariateData.Normal(20, 2, seed: 3);
        var y = MultivariateData.Normal(20, 2, seed: 4, shift: 0.2);
        var options = new MmdOptions { Permutations = 99, Seed = 11 };
        Assert.Equal(MaximumMeanDiscrepancy.PermutationTest(x, y, 2, options), MaximumMeanDiscrepancy.PermutationTest(x, y, 2, options));
    }

    [Fact]
    public void PermutationTest_UnderNoShift_RejectsAtRateAlpha_Over500SeededRuns()
    {
        // With B = 99 permutations and α(B + 1) = 5 an integer, the permutation p-value is exactly level α = 0.05 for
        // continuous data. 500 runs: the count of p ≤ 0.05 is Binomial(500, 0.05), mean 25, sd 4.87; ±3.3 sd (two-sided
        // 0.1 % Monte-Carlo slack) is [9, 41].
        var rejections = 0;
        for (var run = 0; run < 500; run++)
        {
            var x = MultivariateData.Normal(30, 2, seed: 1000 + (2 * run));
            var y = MultivariateData.Normal(30, 2, seed: 1001 + (2 * run));
            var result = MaximumMeanDiscrepancy.PermutationTest(x, y, 2, new MmdOptions { Permutations = 99, Seed = run });
            rejections += result.PValue <= 0.05 ? 1 : 0;
        }

        Assert.InRange(rejections, 9, 41);
    }

    [Fact]
    public void LinearTimeTest_UnderNoShift_RejectsNearAlpha_AndDetectsAShift()
    {
        // The normal approximation of MMD²_l: 200 runs of 400 pairs (a fixed σ keeps the run short); rejections ~
        // Binomial(200, 0.05) = 10 ± 3.1, slack ±3.5 sd: [1, 21].
        var rejections = 0;
        for (var run = 0; run < 200; run++)
        {
            var x = MultivariateData.Normal(800, 3, seed: 5000 + (2 * run));
            var y = MultivariateData.Normal(800, 3, seed: 5001 + (2 * run));
            rejections += MaximumMeanDiscrepancy.LinearTimeTest(x, y, 3, new MmdOptions { Bandwidth = 1.7 }).PValue <= 0.05 ? 1 : 0;
        }

        Assert.InRange(rejections, 1, 21);
        var shifted = MaximumMeanDiscrepancy.LinearTimeTest(MultivariateData.Normal(4000, 3, 1), MultivariateData.Normal(4000, 3, 2, shift: 0.5), 3, null);
        Assert.True(shifted.PValue < 1e-6, $"p = {shifted.PValue}");
    }

    [Fact]
    public void MedianHeuristic_OnMostlyDuplicateRows_FallsBackToTheMeanDistance()
    {
        double[] x = [1, 1, 1, 1, 1, 1];
        double[] y = [1, 1, 1, 4];
        // 45 pairs of 10 rows, 9 with squared distance 9: the median is 0, the mean 9·9/45 = 1.8, σ = √0.9.
        Assert.Equal(Math.Sqrt(0.9), MaximumMeanDiscrepancy.MedianHeuristicBandwidth(x, y, 1, 1000, 0), 14);
        Assert.Equal(1.0, MaximumMeanDiscrepancy.MedianHeuristicBandwidth([2.0, 2.0], [2.0], 1, 1000, 0));
    }

    [Fact]
    public void MedianHeuristic_RowCap_AcceptsTheDocumentedMaximum_AndRejectsOneMore()
    {
        // maxRows ∈ [2, 20,000]: at the maximum the 10 pooled rows all enter (σ = √0.9 as above); one more is refused.
        double[] x = [1, 1, 1, 1, 1, 1];
        double[] y = [1, 1, 1, 4];
        Assert.Equal(Math.Sqrt(0.9), MaximumMeanDiscrepancy.MedianHeuristicBandwidth(x, y, 1, MmdDefaults.MaximumMedianHeuristicRows, 0), 14);
        Assert.Equal(20_000, MmdDefaults.MaximumMedianHeuristicRows);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MaximumMeanDiscrepancy.MedianHeuristicBandwidth(x, y, 1, 20_001, 0));
        Assert.Equal("maxRows", e.ParamName);
    }

    [Fact]
    public void Inputs_NotWholeRows_OrNonFinite_OrTooFew_Throw()
    {
        Assert.Throws<ArgumentException>(() => MaximumMeanDiscrepancy.Statistic([1, 2, 3], [1, 2, 3, 4], 2, 1));
        var nan = Assert.Throws<ArgumentException>(() => MaximumMeanDiscrepancy.Statistic([1, 2, 3, 4], [1, 2, float.NaN, 4], 2, 1));
        Assert.Contains("Row 1, column 0", nan.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MaximumMeanDiscrepancy.Statistic([1, 2], [1, 2, 3, 4], 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaximumMeanDiscrepancy.Statistic([1, 2, 3, 4], [1, 2, 3, 4], 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaximumMeanDiscrepancy.PermutationTest([1.0, 2, 3], [1.0, 2, 3], 1, new MmdOptions { Permutations = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaximumMeanDiscrepancy.LinearTimeTest([1.0, 2, 3, 4], [1.0, 2, 3, 4], 0, null));
    }
}
