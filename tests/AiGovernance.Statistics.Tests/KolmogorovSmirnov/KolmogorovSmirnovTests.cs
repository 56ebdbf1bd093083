namespace AiGovernance.Statistics.Tests.KolmogorovSmirnov;

public class KolmogorovSmirnovTests
{
    [Fact]
    public void TwoSample_OneVersusThree_MatchesScipy()
    {
        // SciPy 1.10.1: ks_2samp([0.5], [0.1, 0.7, 2.0]) = (0.6666666666666666, 1.0), location 0.5, sign +1.
        var r = Statistics.KolmogorovSmirnov.TwoSample([0.5], [0.1, 0.7, 2.0]);
        Assert.Equal(0.6666666666666666, r.Statistic);
        Assert.Equal(1.0, r.PValue);
        Assert.Equal(0.5, r.StatisticLocation);
        Assert.Equal(1, r.StatisticSign);
        Assert.Equal(KolmogorovSmirnovMethod.Exact, r.Method);
    }

    [Fact]
    public void TwoSample_WithTies_UsesRightContinuousEcdfs()
    {
        // F_x − F_y: at 1: 2/3 − 1/3; at 2: 1 − 2/3; at 3: 0. In doubles 1 − 2/3 is the larger, so SciPy 1.10.1 reports
        // (0.33333333333333337, 0.9444444444444444) at location 2, sign +1.
        var r = Statistics.KolmogorovSmirnov.TwoSample([1, 1, 2], [1, 2, 3], Alternative.TwoSided, KolmogorovSmirnovMethod.Asymptotic);
        Assert.Equal(0.33333333333333337, r.Statistic);
        Reference.AssertClose(0.9444444444444444, r.PValue, "p");
        Assert.Equal(1, r.StatisticSign);
        Assert.Equal(2, r.StatisticLocation);
    }

    [Fact]
    public void TwoSample_IdenticalSamples_HaveStatisticZeroAndPValueOne()
    {
        double[] x = [3, 1, 2, 2];
        foreach (var method in new[] { KolmogorovSmirnovMethod.Auto, KolmogorovSmirnovMethod.Exact, KolmogorovSmirnovMethod.Asymptotic })
        {
            var r = Statistics.KolmogorovSmirnov.TwoSample(x, x, Alternative.TwoSided, method);
            Assert.Equal(0, r.Statistic);
            Assert.Equal(1, r.PValue);
        }
    }

    [Fact]
    public void TwoSample_AsymptoticWithOneValueEach_UsesEffectiveSizeOneInsteadOfScipysNaN()
    {
        // SciPy rounds n_eff = 0.5 to 0 and returns NaN; with n_eff = 1, kstwo.sf(1, 1) = 0.
        var r = Statistics.KolmogorovSmirnov.TwoSample([1.0], [2.0], Alternative.TwoSided, KolmogorovSmirnovMethod.Asymptotic);
        Assert.Equal(1, r.Statistic);
        Assert.Equal(0, r.PValue);
        Assert.Equal(KolmogorovSmirnovMethod.Asymptotic, r.Method);
    }

    [Fact]
    public void TwoSample_AutoAboveTenThousand_IsAsymptotic()
    {
        var x = new double[10001];
        var y = new double[20];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = i * 0.001;
        }

        for (var i = 0; i < y.Length; i++)
        {
            y[i] = i * 0.5;
        }

        Assert.Equal(KolmogorovSmirnovMethod.Asymptotic, Statistics.KolmogorovSmirnov.TwoSample(x, y).Method);
        Assert.Equal(KolmogorovSmirnovMethod.Exact, Statistics.KolmogorovSmirnov.TwoSample(x.AsSpan(0, 10000), y).Method);
    }

    [Fact]
    public void TwoSample_DoesNotModifyItsInputs()
    {
        double[] x = [3, 1, 2];
        double[] y = [9, 0, 4, 4];
        Statistics.KolmogorovSmirnov.TwoSample(x, y);
        Assert.Equal([3d, 1, 2], x);
        Assert.Equal([9d, 0, 4, 4], y);
    }

    [Fact]
    public void OneSample_UniformCdf_MatchesScipy()
    {
        // SciPy 1.10.1: ks_1samp([0.7, 0.1, 0.4], uniform.cdf) = (0.30000000000000004, 0.8862222222222221), location 0.7, sign +1.
        var r = Statistics.KolmogorovSmirnov.OneSample([0.7, 0.1, 0.4], v => Math.Clamp(v, 0, 1));
        Assert.Equal(0.30000000000000004, r.Statistic);
        Reference.AssertClose(0.8862222222222221, r.PValue, "p");
        Assert.Equal(0.7, r.StatisticLocation);
        Assert.Equal(1, r.StatisticSign);
        Assert.Equal(KolmogorovSmirnovMethod.Exact, r.Method);
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(4, 6)]
    [InlineData(5, 5)]
    [InlineData(2, 7)]
    [InlineData(6, 9)]
    public void TwoSampleExact_AllAlternatives_EqualBruteForceEnumeration(int n, int m)
    {
        // Every one of the C(n + m, n) equally likely orderings of n x's and m y's, with D measured in units of
        // 1/lcm(n, m): P(D ≥ h/lcm) counted directly for the two-sided and one-sided statistics.
        var g = (int)System.Numerics.BigInteger.GreatestCommonDivisor(n, m);
        var lcm = n / g * m;
        var plus = new int[lcm + 1];
        var both = new int[lcm + 1];
        var total = 0;
        for (var mask = 0; mask < 1 << (n + m); mask++)
        {
            if (int.PopCount(mask) != n)
            {
                continue;
            }

            total++;
            int i = 0, j = 0, dPlus = 0, dMinus = 0;
            for (var k = 0; k < n + m; k++)
            {
                if ((mask & (1 << k)) != 0)
                {
                    i++;
                }
                else
                {
                    j++;
                }

                var gap = (i * (m / g)) - (j * (n / g));
                dPlus = Math.Max(dPlus, gap);
                dMinus = Math.Max(dMinus, -gap);
            }

            plus[dPlus]++;
            both[Math.Max(dPlus, dMinus)]++;
        }

        for (var h = 1; h <= lcm; h++)
        {
            var plusAtLeast = plus.Skip(h).Sum();
            var bothAtLeast = both.Skip(h).Sum();
            Assert.True(KolmogorovSmirnovExact.TryPValue(n, m, g, h, Alternative.Greater, out var pOneSided));
            Assert.Equal((double)plusAtLeast / total, pOneSided, 13);
            if (KolmogorovSmirnovExact.TryPValue(n, m, g, h, Alternative.TwoSided, out var pTwoSided))
            {
                Assert.Equal((double)bothAtLeast / total, pTwoSided, 13);
            }
            else
            {
                // The n = m alternating series rounds just above 1 where the true value is 1; SciPy then switches to
                // the asymptotic method, and so does TwoSample.
                Assert.Equal(n, m);
                Assert.Equal(total, bothAtLeast);
                Assert.InRange(pTwoSided, 1.0, 1.0 + 1e-12);
            }
        }
    }
}
