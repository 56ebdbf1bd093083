namespace AiGovernance.Statistics.Tests.HypothesisTests;

public class CramerVonMisesTests
{
    [Fact]
    public void TwoSample_MatchesScipy_TinyTiedMediumAndLargeSamples_EveryMethod()
    {
        var checkedResults = 0;
        foreach (var c in ShapeData.Section("cramervonmises").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString();
            var x = ShapeData.Sample(c.GetProperty("x"));
            var y = ShapeData.Sample(c.GetProperty("y"));
            foreach (var r in c.GetProperty("results").EnumerateArray())
            {
                var method = ShapeData.CvmMethod(r.GetProperty("method").GetString()!);
                var result = CramerVonMises.TwoSample(x, y, method);
                var context = $"{name} {method}";
                Assert.Equal(ShapeData.CvmMethod(r.GetProperty("used").GetString()!), result.Method);
                Reference.AssertClose(Reference.GetDouble(r.GetProperty("statistic")), result.Statistic, context + " statistic");
                Reference.AssertClose(Reference.GetDouble(r.GetProperty("pvalue")), result.PValue, context + " p");
                checkedResults++;
            }
        }

        Assert.True(checkedResults >= 50, $"only {checkedResults} reference results");
    }

    [Fact]
    public void LimitingCdf_MatchesScipySeries_AcrossItsRange()
    {
        foreach (var c in ShapeData.Section("cvm_inf").EnumerateArray())
        {
            var x = c.GetProperty("x").GetDouble();
            Reference.AssertClose(Reference.GetDouble(c.GetProperty("cdf")), CramerVonMisesDistribution.LimitingCdf(x), $"cdf({x})");
        }
    }

    [Fact]
    public void TwoSample_IsSymmetric_InItsSamples()
    {
        double[] x = [0.3, 1.2, 2.2, 4.0, -1.0];
        double[] y = [0.1, 0.2, 1.0, 1.5, 3.0, 2.5];
        var forward = CramerVonMises.TwoSample(x, y);
        var backward = CramerVonMises.TwoSample(y, x);
        Assert.Equal(forward.Statistic, backward.Statistic, 14);
        Assert.Equal(forward.PValue, backward.PValue, 14);
    }

    [Fact]
    public void TwoSample_HandWorkedExample()
    {
        // x = {1, 3}, y = {2, 4}: pooled ranks x → 1, 3 and y → 2, 4, so U = 2·((1−1)² + (3−2)²) + 2·((2−1)² + (4−2)²) = 12
        // and T = 12/(4·4) − (16 − 1)/(6·4) = 0.75 − 0.625 = 0.125. Exact: of the C(4,2) = 6 arrangements, all have T ≥ 0.125.
        var result = CramerVonMises.TwoSample([1, 3], [2, 4], CramerVonMisesMethod.Exact);
        Assert.Equal(0.125, result.Statistic, 15);
        Assert.Equal(1.0, result.PValue);
    }

    [Theory]
    [InlineData(6000, 5000)]
    [InlineData(60_000, 50_000)]
    public void TwoSample_BucketedLargeSamples_EqualTheSortedMerge(int xCount, int yCount)
    {
        // Above 4,096 pooled values the ranks come from value buckets; they must equal the sorted merge exactly, including
        // ties that straddle bucket boundaries and a lone far outlier that leaves most buckets empty.
        var random = new Random(7);
        var x = new double[xCount];
        var y = new double[yCount];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = Math.Round(random.NextDouble() * 50, 1);
        }

        for (var i = 0; i < y.Length; i++)
        {
            y[i] = Math.Round((random.NextDouble() * 50) + 1, 1);
        }

        y[17] = 1e6;
        AssertBucketedEqualsSortedMerge(x, y, x.Min(), 1e6, simd: true);
    }

    [Fact]
    public void TwoSample_BucketedHeavyTailedContinuousData_EqualsTheSortedMerge()
    {
        // 200,000 pooled continuous values with heavy tails (crowded buckets near 0, single values far out), 80 shared.
        var random = new Random(11);
        var x = new double[120_000];
        var y = new double[80_000];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = Math.Exp(3 * (random.NextDouble() - 0.5)) * (random.NextDouble() < 0.5 ? -1 : 1);
        }

        for (var i = 0; i < y.Length; i++)
        {
            y[i] = i % 1000 == 0 ? x[i] : Math.Exp(3 * (random.NextDouble() - 0.4));
        }

        AssertBucketedEqualsSortedMerge(x, y, Math.Min(x.Min(), y.Min()), Math.Max(x.Max(), y.Max()), simd: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TwoSample_BucketedContinuousDataWithScatteredTies_EqualsTheSortedMerge(bool simd)
    {
        // Normal-shaped data (crowded central buckets, sparse tails) where most buckets are ranked by counting
        // comparisons; a few ties inside x, inside y and across the samples send their buckets to the sort-and-merge path.
        var random = new Random(23);
        var x = new double[70_000];
        var y = new double[50_000];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5;
        }

        for (var i = 0; i < y.Length; i++)
        {
            y[i] = (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.4) * 1.1;
        }

        for (var i = 0; i < 40; i++)
        {
            x[(i * 997) + 1] = x[i * 991];
            y[(i * 887) + 2] = y[i * 883];
            y[(i * 1201) + 3] = x[(i * 1601) + 5];
        }

        AssertBucketedEqualsSortedMerge(x, y, Math.Min(x.Min(), y.Min()), Math.Max(x.Max(), y.Max()), simd);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TwoSample_BucketedDiscreteData_EqualsTheSortedMerge(bool simd)
    {
        // 60 distinct values over 100,000 pooled ones: every occupied bucket holds one repeated value, some of one sample.
        var random = new Random(29);
        var x = Enumerable.Range(0, 60_000).Select(_ => (double)random.Next(0, 50)).ToArray();
        var y = Enumerable.Range(0, 40_000).Select(_ => (double)random.Next(10, 60)).ToArray();
        AssertBucketedEqualsSortedMerge(x, y, 0, 59, simd);
    }

    [Fact]
    public void TwoSample_ExactAtTheSmallestStatistic_IsOneEvenWhenThePathCountOverflowsADouble()
    {
        // Two identical samples of 600 (SciPy's cramervonmises_2samp statistic: 0.0): midranks give U = 86 399 940 000, so
        // SciPy's ζ = lcm²·N·(6U − mn(4mn − 1)) // (6m²n²) is 0 and every one of the C(1200, 600) ≈ 4e359 lattice paths
        // has a sum of squares ≥ ζ: the exact p-value is 1. That count overflows a double, so the answer must come from
        // ζ ≤ 0 itself rather than from dividing path counts (∞/∞); the 601² cells are well within the exact budget.
        var x = Enumerable.Range(1, 600).Select(i => (double)i).ToArray();
        var result = CramerVonMises.TwoSample(x, x, CramerVonMisesMethod.Exact);
        Assert.Equal(CramerVonMisesMethod.Exact, result.Method);
        Assert.Equal(1.0, result.PValue);
        Reference.AssertClose(0.0, result.Statistic, "statistic");
    }

    [Fact]
    public void TwoSample_ExactRequestBeyondTheBudget_FallsBackToAsymptotic()
    {
        var x = Enumerable.Range(0, 3000).Select(i => i * 0.37 % 11).ToArray();
        var y = Enumerable.Range(0, 2999).Select(i => (i * 0.61 % 11) + 0.2).ToArray();
        var exact = CramerVonMises.TwoSample(x, y, CramerVonMisesMethod.Exact);
        var asymptotic = CramerVonMises.TwoSample(x, y, CramerVonMisesMethod.Asymptotic);
        Assert.Equal(CramerVonMisesMethod.Asymptotic, exact.Method);
        Assert.Equal(asymptotic, exact);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(5, 1)]
    [InlineData(0, 3)]
    public void TwoSample_FewerThanTwoValues_Throws(int n, int m)
    {
        var error = Assert.Throws<ArgumentException>(() => CramerVonMises.TwoSample(new double[n], Enumerable.Range(0, m).Select(i => (double)i).ToArray()));
        Assert.Equal(n < 2 ? "x" : "y", error.ParamName);
    }

    [Fact]
    public void TwoSample_NaN_ThrowsNamingTheIndex()
    {
        var error = Assert.Throws<ArgumentException>(() => CramerVonMises.TwoSample([1, 2, 3], [1, double.NaN, 3]));
        Assert.Equal("y", error.ParamName);
        Assert.Contains("index 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSample_UndefinedMethod_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CramerVonMises.TwoSample([1, 2], [3, 4], (CramerVonMisesMethod)9));

    [Fact]
    public void PythonFloorDivide_MatchesPythonOnRoundingEdges()
    {
        // Python: 7.0 // 2.0 = 3.0, -7.0 // 2.0 = -4.0, 1.0 // 0.1 = 9.0 (fmod makes the quotient 9.999… → 9), 0.0 // 5 = 0.
        Assert.Equal(3.0, CramerVonMisesDistribution.PythonFloorDivide(7.0, 2.0));
        Assert.Equal(-4.0, CramerVonMisesDistribution.PythonFloorDivide(-7.0, 2.0));
        Assert.Equal(9.0, CramerVonMisesDistribution.PythonFloorDivide(1.0, 0.1));
        Assert.Equal(0.0, CramerVonMisesDistribution.PythonFloorDivide(0.0, 5.0));
    }

    private static void AssertBucketedEqualsSortedMerge(double[] x, double[] y, double low, double high, bool simd)
    {
        var bucketed = CramerVonMises.RankSums(x, y, low, high, simd);
        var (expectedX, expectedY) = BruteForceRankSums(x.Order().ToArray(), y.Order().ToArray());
        Assert.Equal(expectedX, bucketed.X);
        Assert.Equal(expectedY, bucketed.Y);
    }

    /// <summary>Σ(2(r − i))² by explicit midranks of the pooled sample (the definition: values below plus half of the
    /// tied ones, found by binary search in the sorted pooled sample).</summary>
    private static (Int128 X, Int128 Y) BruteForceRankSums(double[] xs, double[] ys)
    {
        var pooled = xs.Concat(ys).Order().ToArray();
        double Midrank(double v)
        {
            var below = Bound(pooled, p => p < v);
            var equal = Bound(pooled, p => p <= v) - below;
            return below + ((equal + 1) / 2.0);
        }

        var ranks = pooled.Distinct().ToDictionary(v => v, Midrank);
        Int128 sx = 0, sy = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            var d = (long)(2 * (ranks[xs[i]] - (i + 1)));
            sx += (Int128)d * d;
        }

        for (var j = 0; j < ys.Length; j++)
        {
            var d = (long)(2 * (ranks[ys[j]] - (j + 1)));
            sy += (Int128)d * d;
        }

        return (sx, sy);
    }

    /// <summary>The number of leading elements of the sorted array that satisfy the (monotone) predicate.</summary>
    private static int Bound(double[] sorted, Func<double, bool> isBefore)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (isBefore(sorted[mid]))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
