using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.HypothesisTests;

public class MannWhitneyTests
{
    [Fact]
    public void Test_MatchesScipy_AllAlternativesMethodsAndSizes()
    {
        var checkedResults = 0;
        foreach (var c in Stats1Data.Section("mannwhitney").EnumerateArray())
        {
            var x = c.Ds("x");
            var y = c.Ds("y");
            foreach (var r in c.GetProperty("results").EnumerateArray())
            {
                var alternative = Stats1Data.Alternative(r.GetProperty("alternative"));
                var continuity = r.GetProperty("continuity").GetBoolean();
                var method = Stats1Data.Method(r.GetProperty("method"));
                var context = $"{c.Name()} {alternative} cc={continuity} {method}";
                var result = MannWhitney.Test(x, y, alternative, continuity, method);
                Assert.Equal(Stats1Data.Method(r.GetProperty("used")), result.Method);
                Reference.AssertClose(r.D("u"), result.U, context + " U");
                Reference.AssertClose(r.D("p"), result.PValue, context + " p");
                if (c.Name() == "all identical")
                {
                    Assert.Equal(0, result.Z);
                }
                else
                {
                    Reference.AssertClose(r.D("z"), result.Z, context + " z");
                }

                checkedResults++;
            }
        }

        Assert.True(checkedResults > 100);
    }

    [Fact]
    public void Test_SortedSampleOverloads_GiveIdenticalResults()
    {
        foreach (var c in Stats1Data.Section("mannwhitney").EnumerateArray())
        {
            var x = c.Ds("x");
            var y = c.Ds("y");
            var sx = SortedSample.Create(x);
            var sy = SortedSample.Create(y);
            foreach (var alternative in new[] { Alternative.TwoSided, Alternative.Less, Alternative.Greater })
            {
                var expected = MannWhitney.Test(x, y, alternative);
                Assert.Equal(expected, MannWhitney.Test(sx, sy, alternative));
                Assert.Equal(expected, MannWhitney.Test(x, sy, alternative));
                Assert.Equal(expected, MannWhitney.Test(sx, y, alternative));
            }
        }
    }

    [Fact]
    public void Test_HandWorkedExample()
    {
        // x = {1, 4}, y = {2, 3, 5}: pooled ranks x → 1, 4 so R1 = 5, U1 = 5 − 3 = 2 = #{(xi, yj): xi > yj} (4 > 2, 4 > 3).
        var result = MannWhitney.Test([1, 4], [2, 3, 5], Alternative.Greater);
        Assert.Equal(2, result.U);
        Assert.Equal(MannWhitneyMethod.Exact, result.Method);
        Assert.True(double.IsNaN(result.Z));

        // P(U ≥ 2) for n = 2, m = 3: counts of U = 0..6 are 1,1,2,2,2,1,1 over C(5,2) = 10 → 1 − 2/10.
        Assert.Equal(0.8, result.PValue, 14);
    }

    [Fact]
    public void Test_ForcedExactOnHugeSamples_FallsBackToAsymptotic()
    {
        var x = new double[20000];
        var y = new double[20000];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = i * 2;
            y[i] = (i * 2) + 1;
        }

        var result = MannWhitney.Test(x, y, method: MannWhitneyMethod.Exact);
        Assert.Equal(MannWhitneyMethod.Asymptotic, result.Method);
        Assert.InRange(result.PValue, 0, 1);
    }

    [Fact]
    public void Test_ExactWithLargeOtherSample_IsExact()
    {
        var x = new double[] { 0.5, 1.5, 2.5 };
        var y = new double[30000];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = i + 3;
        }

        // x lies entirely below y: U1 = 0, so P(U ≤ 0) = 1/C(30003, 3) for "less".
        var result = MannWhitney.Test(x, y, Alternative.Less);
        Assert.Equal(MannWhitneyMethod.Exact, result.Method);
        var binomial = 30003.0 * 30002 * 30001 / 6;
        Reference.AssertClose(1 / binomial, result.PValue, "exact 3 vs 30000");
    }

    [Fact]
    public void ExactDistribution_SumsToOne_AndMatchesBruteForce()
    {
        // All C(7, 3) = 35 arrangements of 3 x-ranks among 7: U counts by enumeration.
        var counts = new int[13];
        for (var a = 0; a < 7; a++)
        {
            for (var b = a + 1; b < 7; b++)
            {
                for (var c = b + 1; c < 7; c++)
                {
                    counts[a + b + c - 3]++;
                }
            }
        }

        double cumulative = 0;
        for (var u = 0; u <= 12; u++)
        {
            cumulative += counts[u] / 35.0;
            Assert.Equal(cumulative, MannWhitneyDistribution.Cdf(3, 4, u), 14);
        }
    }

    [Fact]
    public void ExactDistribution_BeyondDoubleRange_IsRescaled()
    {
        // C(20100, 100) ≈ 10²⁷³ forces the power-of-two rescaling; compare with the normal approximation, which is
        // accurate to a few parts in 10⁴ at these sizes, and check the symmetry P(U ≤ nm/2 − 1) < 1/2.
        const int n1 = 100, n2 = 20000;
        var mean = n1 * (double)n2 / 2;
        var sigma = Math.Sqrt(n1 * (double)n2 * (n1 + n2 + 1) / 12);
        var u = (long)(mean - (2 * sigma));
        var exact = MannWhitneyDistribution.Cdf(n1, n2, u);
        var normal = MathNet.Numerics.Distributions.Normal.CDF(0, 1, (u + 0.5 - mean) / sigma);
        Assert.InRange(exact / normal, 0.99, 1.01);
        Assert.InRange(MannWhitneyDistribution.Cdf(n1, n2, (long)mean - 1), 0.499, 0.5);
        Assert.False(MannWhitneyDistribution.IsAffordable(101, 101, 10));
    }

    [Fact]
    public void HodgesLehmann_MatchesSortedPairwiseDifferences()
    {
        foreach (var c in Stats1Data.Section("hodges_lehmann").EnumerateArray())
        {
            var x = c.Ds("x");
            var y = c.Ds("y");
            var level = c.D("confidence");
            var result = MannWhitney.HodgesLehmann(x, y, level);
            var name = c.Name();
            Reference.AssertClose(c.D("estimate"), result.Estimate, name + " estimate");
            Reference.AssertClose(c.D("lower"), result.Lower, name + " lower");
            Reference.AssertClose(c.D("upper"), result.Upper, name + " upper");
            Assert.Equal(Stats1Data.Method(c.GetProperty("method")), result.Method);
            Assert.Equal(level, result.ConfidenceLevel);
            Assert.Equal(result, MannWhitney.HodgesLehmann(SortedSample.Create(x), SortedSample.Create(y), level));
        }
    }

    [Fact]
    public void HodgesLehmann_HandWorkedExample()
    {
        // Differences of {3, 5} − {1, 2}: 2, 1, 4, 3 → sorted 1, 2, 3, 4, median 2.5; exact n = m = 2 gives k = 1: [1, 4].
        var result = MannWhitney.HodgesLehmann([3, 5], [1, 2]);
        Assert.Equal(2.5, result.Estimate);
        Assert.Equal(new Interval(1, 4), new Interval(result.Lower, result.Upper));
        Assert.Equal(MannWhitneyMethod.Exact, result.Method);
    }

    [Property(MaxTest = 200)]
    public Property HodgesLehmann_SelectionEqualsBruteForce(NonEmptyArray<NormalFloat> a, NonEmptyArray<NormalFloat> b)
    {
        var x = Array.ConvertAll(a.Get, v => Math.Round(v.Get, 1));
        var y = Array.ConvertAll(b.Get, v => Math.Round(v.Get, 1));
        var differences = new List<double>();
        foreach (var xi in x)
        {
            foreach (var yj in y)
            {
                differences.Add(xi - yj);
            }
        }

        differences.Sort();
        var total = differences.Count;
        var median = total % 2 == 1 ? differences[total / 2] : (differences[(total / 2) - 1] + differences[total / 2]) / 2;
        var result = MannWhitney.HodgesLehmann(x, y);
        return (result.Estimate == median && result.Lower <= result.Estimate && result.Estimate <= result.Upper
            && differences.Contains(result.Lower) && differences.Contains(result.Upper)).ToProperty();
    }

    [Fact]
    public void PairwiseSelection_LargeBandPath_MatchesBruteForce()
    {
        var random = new Random(7);
        var x = new double[300];
        var y = new double[250];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = Math.Round(random.NextDouble() * 10, 2);
        }

        for (var i = 0; i < y.Length; i++)
        {
            y[i] = Math.Round(random.NextDouble() * 10, 2);
        }

        Array.Sort(x);
        Array.Sort(y);
        var all = new List<double>(x.Length * y.Length);
        foreach (var xi in x)
        {
            foreach (var yj in y)
            {
                all.Add(xi - yj);
            }
        }

        all.Sort();
        foreach (var k in new long[] { 1, 2, 777, 37500, 37501, 74999, 75000 })
        {
            Assert.Equal(all[(int)k - 1], PairwiseDifferenceSelection.KthSmallest(x, y, k));
        }
    }

    [Property]
    public Property U1PlusU2_EqualsProductOfSizes(NonEmptyArray<NormalFloat> a, NonEmptyArray<NormalFloat> b)
    {
        var x = Array.ConvertAll(a.Get, v => v.Get);
        var y = Array.ConvertAll(b.Get, v => v.Get);
        var u1 = MannWhitney.Test(x, y).U;
        var u2 = MannWhitney.Test(y, x).U;
        return (u1 + u2 == (double)x.Length * y.Length).ToProperty();
    }

    [Property]
    public Property PValue_IsInUnitInterval(NonEmptyArray<NormalFloat> a, NonEmptyArray<NormalFloat> b, bool continuity)
    {
        var x = Array.ConvertAll(a.Get, v => v.Get);
        var y = Array.ConvertAll(b.Get, v => v.Get);
        var ok = true;
        foreach (var alternative in new[] { Alternative.TwoSided, Alternative.Less, Alternative.Greater })
        {
            foreach (var method in new[] { MannWhitneyMethod.Auto, MannWhitneyMethod.Exact, MannWhitneyMethod.Asymptotic })
            {
                var p = MannWhitney.Test(x, y, alternative, continuity, method).PValue;
                ok &= p >= 0 && p <= 1;
            }
        }

        return ok.ToProperty();
    }

    [Property]
    public Property Invariant_UnderPermutationAndMonotoneTransform(NonEmptyArray<NormalFloat> a, NonEmptyArray<NormalFloat> b)
    {
        var x = Array.ConvertAll(a.Get, v => Math.Round(v.Get, 3));
        var y = Array.ConvertAll(b.Get, v => Math.Round(v.Get, 3));
        var expected = MannWhitney.Test(x, y);
        var reversedX = x.Reverse().ToArray();
        var reversedY = y.Reverse().ToArray();

        // A strictly increasing transform keeps every rank and tie, so U, p and z are unchanged.
        var transformedX = Array.ConvertAll(x, v => (3 * v) + 7);
        var transformedY = Array.ConvertAll(y, v => (3 * v) + 7);
        return (MannWhitney.Test(reversedX, reversedY) == expected
            && MannWhitney.Test(transformedX, transformedY) == expected).ToProperty();
    }

    [Fact]
    public void BadInput_NamesTheArgument()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => MannWhitney.Test([], [1.0])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => MannWhitney.Test([1.0], [])).ParamName);
        var nan = Assert.Throws<ArgumentException>(() => MannWhitney.Test([1.0, double.NaN], [1.0]));
        Assert.Equal("x", nan.ParamName);
        Assert.Contains("index 1", nan.Message, StringComparison.Ordinal);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => MannWhitney.Test([1.0], [double.PositiveInfinity])).ParamName);
        Assert.Equal("alternative", Assert.Throws<ArgumentOutOfRangeException>(() => MannWhitney.Test([1.0], [2.0], (Alternative)9)).ParamName);
        Assert.Equal("method", Assert.Throws<ArgumentOutOfRangeException>(() => MannWhitney.Test([1.0], [2.0], method: (MannWhitneyMethod)9)).ParamName);
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => MannWhitney.HodgesLehmann([1.0], [2.0], 1.0)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => MannWhitney.HodgesLehmann([double.NaN], [2.0])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => MannWhitney.Test([1.0], (SortedSample)null!)).ParamName);
    }
}
