namespace AiGovernance.Statistics.Tests.Clustered;

public class WeightedAllocationTestTests
{
    [Fact]
    public void TwoSided_MatchesEnumerationAndConvolution()
    {
        var checkedCases = 0;
        foreach (var c in ClusteredReference.Section("allocation"))
        {
            var name = c.GetProperty("name").GetString() + " (" + c.GetProperty("method").GetString() + ")";
            var p = WeightedAllocationTest.TwoSided(c.Longs("first"), c.Longs("second"), c.D("probability"));
            Reference.AssertClose(c.D("p"), p, name, atol: 1e-12);
            checkedCases++;
        }

        Assert.Equal(7, checkedCases);
    }

    [Fact]
    public void TwoSided_UnitWeightsAtAHalf_IsTheBinomialTest()
    {
        // Three single errors all in the first group at π = ½: P(S = 3) = P(S = 0) = 1/8, so p = 1/4.
        Assert.Equal(0.25, WeightedAllocationTest.TwoSided([1, 1, 1], [], 0.5), 15);
    }

    [Fact]
    public void TwoSided_OneHeavyCluster_IsWeakEvidence()
    {
        // 40 errors from one customer in a 10% arm: as likely as that customer landing there (p ≈ 0.1), while Fisher's
        // exact test on 40 of 45 errors would call it overwhelming.
        var p = WeightedAllocationTest.TwoSided([40], [1, 2, 1, 1], 0.1);
        Assert.InRange(p, 0.1, 0.2);
    }

    [Fact]
    public void TwoSided_NoWeight_IsOne() => Assert.Equal(1.0, WeightedAllocationTest.TwoSided([0], [], 0.3));

    [Fact]
    public void Guards_NameTheArgument()
    {
        Assert.Equal("firstProbability", Assert.Throws<ArgumentOutOfRangeException>(() => WeightedAllocationTest.TwoSided([1], [1], 0)).ParamName);
        Assert.Equal("secondWeights", Assert.Throws<ArgumentOutOfRangeException>(() => WeightedAllocationTest.TwoSided([1], [-1], 0.5)).ParamName);
        Assert.Equal("firstWeights", Assert.Throws<ArgumentOutOfRangeException>(
            () => WeightedAllocationTest.TwoSided([WeightedAllocationTest.MaxTotalWeight + 1], [], 0.5)).ParamName);
    }
}
