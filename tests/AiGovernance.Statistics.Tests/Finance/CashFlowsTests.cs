using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.Finance;

public class CashFlowsTests
{
    public static TheoryData<string> FlowCases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Reference.Load("cash_flows_reference.json").GetProperty("flows").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    private static System.Text.Json.JsonElement FlowCase(string name)
    {
        foreach (var c in Reference.Load("cash_flows_reference.json").GetProperty("flows").EnumerateArray())
        {
            if (c.GetProperty("name").GetString() == name)
            {
                return c;
            }
        }

        throw new InvalidOperationException(name);
    }

    [Theory]
    [MemberData(nameof(FlowCases))]
    public void NetPresentValue_MatchesDirectSum(string name)
    {
        var c = FlowCase(name);
        var flows = Reference.GetDoubles(c.GetProperty("flows"));
        var rates = Reference.GetDoubles(c.GetProperty("rates"));
        var expected = Reference.GetDoubles(c.GetProperty("npv"));
        for (var i = 0; i < rates.Length; i++)
        {
            Reference.AssertClose(expected[i], CashFlows.NetPresentValue(rates[i], flows), $"{name} NPV at {rates[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(FlowCases))]
    public void InternalRateOfReturn_MatchesBrentq(string name)
    {
        var c = FlowCase(name);
        var flows = Reference.GetDoubles(c.GetProperty("flows"));
        var irr = CashFlows.InternalRateOfReturn(flows);
        Assert.NotNull(irr);
        Reference.AssertClose(Reference.GetDouble(c.GetProperty("irr")), irr.Value, $"{name} IRR");
    }

    [Fact]
    public void InternalRateOfReturn_TwoRoots_ReturnsTheOneClosestToZero()
    {
        // -100 + 230v - 132v² = 0 at v = 1/1.1 and v = 1/1.2.
        Assert.Equal(0.10, CashFlows.InternalRateOfReturn([-100, 230, -132])!.Value, 12);
        Assert.Equal(0.0, CashFlows.NetPresentValue(0.20, [-100, 230, -132]), 9);
    }

    [Theory]
    [InlineData(new[] { -100.0, -50.0, -25.0 })]
    [InlineData(new[] { -1.0 })]
    [InlineData(new[] { 10.0, 0.0, 20.0 })]
    [InlineData(new[] { 0.0, 0.0 })]
    public void InternalRateOfReturn_NoSignChange_IsNull(double[] flows) =>
        Assert.Null(CashFlows.InternalRateOfReturn(flows));

    public static TheoryData<double[]> OutflowsOnlyWithZeroYears() => new()
    {
        // The first outflow is the smallest double (2^-1074), and 61 periods discount the last flow below the double range
        // at high rates.
        { [-double.Epsilon, .. new double[60], -4] },
        // Sixty zero years after the outflow: at rates near -1 the outflow's weight (1 + r)^60 relative to the end underflows.
        { [-1, .. new double[60]] },
    };

    [Theory]
    [MemberData(nameof(OutflowsOnlyWithZeroYears))]
    public void InternalRateOfReturn_OutflowsOnlyWithZeroYearsBetweenOrAfter_IsNull(double[] flows)
    {
        // Every nonzero flow is an outflow, so the NPV is negative at every rate: no IRR. Zero years are no sign change.
        Assert.Null(CashFlows.InternalRateOfReturn(flows));
    }

    [Fact]
    public void InternalRateOfReturn_FlowsOfVeryDifferentSizes_FindsTheRoot()
    {
        // -1e-30 + 1e300·v⁶¹ = 0 at (1 + r)⁶¹ = 1e330, r = 10^(330/61) − 1 ≈ 256,942 (inside the searched window). The
        // first flow is below 2^-1074 of the last: scaled by the largest flow it underflowed to 0, and the search threw an
        // ArithmeticException (0/0 at extreme rates) instead of finding the root.
        var irr = CashFlows.InternalRateOfReturn([-1e-30, .. new double[60], 1e300]);

        Assert.NotNull(irr);
        Reference.AssertClose(Math.Pow(10, 330.0 / 61) - 1, irr.Value, "IRR", rtol: 1e-10, atol: 0);
    }

    [Fact]
    public void InternalRateOfReturn_SignChangesButNoRoot_IsNull()
    {
        // 100 - 100v + 100v² > 0 for every v: no rate zeroes the NPV although the signs change twice.
        Assert.Null(CashFlows.InternalRateOfReturn([100, -100, 100]));
    }

    [Fact]
    public void InternalRateOfReturn_ZeroYearsBeforeFlowsWithoutRoot_IsNull()
    {
        // v¹⁰⁰·(100 − 100v + 100v²) > 0 for every v = 1/(1 + r) > 0: the zero years change no sign, so there is still no IRR.
        Assert.Null(CashFlows.InternalRateOfReturn([.. new double[100], 100, -100, 100]));
    }

    [Fact]
    public void NetPresentValue_RateZero_IsTheSum() =>
        Assert.Equal(150.0, CashFlows.NetPresentValue(0, [-100, 50, 200]), 12);

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NetPresentValue_BadRate_NamesRate(double rate) =>
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => CashFlows.NetPresentValue(rate, [1.0])).ParamName);

    [Fact]
    public void NetPresentValue_EmptyOrNonFiniteFlows_NamesFlows()
    {
        Assert.Equal("flows", Assert.Throws<ArgumentException>(() => CashFlows.NetPresentValue(0.1, [])).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => CashFlows.InternalRateOfReturn([-1, double.NaN]));
        Assert.Equal("flows", ex.ParamName);
        Assert.Contains("flows[1]", ex.Message, StringComparison.Ordinal);
    }

    private static Gen<double[]> ConventionalFlows =>
        from investment in Gen.Choose(1, 100_000)
        from years in Gen.Choose(1, 12)
        from returns in Gen.ArrayOf(Gen.Choose(0, 50_000), years)
        where returns.Any(r => r > 0)
        select new[] { -(double)investment }.Concat(returns.Select(r => (double)r)).ToArray();

    [Property]
    public Property NetPresentValue_ConventionalFlows_DecreasesWithRate() =>
        Prop.ForAll(ConventionalFlows.ToArbitrary(), Gen.Choose(-90, 300).ToArbitrary(), Gen.Choose(1, 100).ToArbitrary(),
            (flows, ratePercent, stepPercent) =>
            {
                var low = ratePercent / 100.0;
                var high = low + (stepPercent / 100.0);
                return CashFlows.NetPresentValue(high, flows) < CashFlows.NetPresentValue(low, flows);
            });

    [Property]
    public Property InternalRateOfReturn_ConventionalFlows_ZeroesTheNpv() =>
        Prop.ForAll(ConventionalFlows.ToArbitrary(), flows =>
        {
            var irr = CashFlows.InternalRateOfReturn(flows);
            if (irr is null)
            {
                // Outside the searched window only when the return is astronomically large or the loss nearly total.
                return false;
            }

            var scale = flows.Sum(Math.Abs);
            return Math.Abs(CashFlows.NetPresentValue(irr.Value, flows)) <= 1e-9 * scale;
        });
}
