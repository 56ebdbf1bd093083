namespace AiGovernance.Statistics.Tests.Clustered;

public class ClusteredShareTestTests
{
    [Fact]
    public void Test_MatchesNumpyAndScipyStudentT()
    {
        var checkedCases = 0;
        foreach (var c in ClusteredReference.Section("share"))
        {
            var name = c.GetProperty("name").GetString();
            var result = ClusteredShareTest.Test(c.Longs("first"), c.Longs("second"), c.D("planned"));
            Reference.AssertClose(c.D("observed"), result.ObservedShare, name + " observed");
            Reference.AssertClose(c.D("z"), result.Z, name + " z");
            Reference.AssertClose(c.D("p"), result.PValue, name + " p", atol: 0);
            Assert.Equal(c.GetProperty("clusters").GetInt32(), result.Clusters);
            checkedCases++;
        }

        Assert.Equal(3, checkedCases);
    }

    [Fact]
    public void Test_OneRequestPerCluster_IsTheBinomialGoodnessOfFitUpToTheVarianceEstimate()
    {
        // 10,000 clusters of one request, 1,100 in the first group at π = 0.1: V = Σ(f − πt)² = 1,100·0.9² + 8,900·0.1²
        // = 980 (the binomial Tπ(1 − π) = 900 is its null expectation), so Z = 100/√980, within 5% of the binomial z.
        var first = new long[10_000];
        var second = new long[10_000];
        for (var k = 0; k < first.Length; k++)
        {
            (k < 1_100 ? first : second)[k] = 1;
        }

        var result = ClusteredShareTest.Test(first, second, 0.1);
        Assert.Equal(0.11, result.ObservedShare, 12);
        Assert.Equal(100 / Math.Sqrt(980), result.Z, 12);
        Assert.Equal(10_000, result.Clusters);
    }

    [Fact]
    public void Test_ExactlyOnPlan_IsNoEvidence()
    {
        var result = ClusteredShareTest.Test([1, 2, 0], [9, 18, 0], 0.1);
        Assert.Equal(0, result.Z);
        Assert.Equal(1, result.PValue);
        Assert.Equal(2, result.Clusters);
    }

    [Fact]
    public void Guards_NameTheArgument()
    {
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => ClusteredShareTest.Test([1], [1, 2], 0.5)).ParamName);
        Assert.Equal("plannedFirstShare", Assert.Throws<ArgumentOutOfRangeException>(() => ClusteredShareTest.Test([1], [1], 1.0)).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentOutOfRangeException>(() => ClusteredShareTest.Test([-1], [1], 0.5)).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentException>(() => ClusteredShareTest.Test([0], [0], 0.5)).ParamName);
    }
}
