using System.Text.Json;

namespace AiGovernance.Statistics.Tests.HypothesisTests;

public class FisherExactTests
{
    // The log-pmf route is accurate to about 1e-8 relative on tables of 10⁶ rows; 1e-6 (the tolerance the canary's
    // Fisher test has always used) leaves room for that.
    private const double RelativeTolerance = 1e-6;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Reference.Load("fisher_reference.json").GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    private static JsonElement Case(string name) =>
        Reference.Load("fisher_reference.json").GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_AllThreeAlternatives_MatchScipy(string name)
    {
        var c = Case(name);
        var t = c.GetProperty("table").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(v => v.GetInt64()).ToArray();
        foreach (var (alternative, key) in new[] { (Alternative.TwoSided, "two-sided"), (Alternative.Less, "less"), (Alternative.Greater, "greater") })
        {
            var result = FisherExact.Test(t[0], t[1], t[2], t[3], alternative);
            var expected = c.GetProperty("p_" + key).GetDouble();
            Reference.AssertClose(expected, result.PValue, $"{name} {key}", rtol: RelativeTolerance);
            if (expected > 1e-300)
            {
                // Small p-values are held relatively too (the absolute 1e-9 alone would let any tiny value pass).
                Reference.AssertClose(expected, result.PValue, $"{name} {key} (relative)", rtol: RelativeTolerance, atol: 0);
            }

            Reference.AssertClose(Reference.GetDouble(c.GetProperty("odds_ratio")), result.OddsRatio, $"{name} odds ratio");
        }
    }

    [Fact]
    public void Test_EmptyRowOrColumn_IsPOneWithUndefinedOddsRatio()
    {
        var result = FisherExact.Test(0, 50, 0, 60);
        Assert.Equal(1, result.PValue);
        Assert.True(double.IsNaN(result.OddsRatio));
    }

    [Fact]
    public void Test_OneSidedTailsOverlapAtTheObservedTable()
    {
        // P(X ≤ a) + P(X ≥ a) = 1 + P(X = a).
        var less = FisherExact.Test(3, 7, 7, 3, Alternative.Less).PValue;
        var greater = FisherExact.Test(3, 7, 7, 3, Alternative.Greater).PValue;
        var pointMass = MathNet.Numerics.Distributions.Hypergeometric.PMF(20, 10, 10, 3);
        Assert.Equal(1 + pointMass, less + greater, 12);
    }

    [Fact]
    public void BadArguments_NameTheArgument()
    {
        Assert.Equal("c", Assert.Throws<ArgumentOutOfRangeException>(() => FisherExact.Test(1, 1, -1, 1)).ParamName);
        Assert.Equal("alternative", Assert.Throws<ArgumentOutOfRangeException>(() => FisherExact.Test(1, 1, 1, 1, (Alternative)9)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentOutOfRangeException>(() => FisherExact.Test(int.MaxValue, int.MaxValue, 1, 1)).ParamName);
    }
}
