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
    public void Test_SmallCase_FollowsTheDocumentedFormula()
    {
        // f = (2, 0, 1), s = (1, 3, 0), π = ¼: T = 7, Σt² = 19, Ŝ = (3·19 − 49)/2 = 4, V = ¼·¾·4 = 0.75,
        // D = 3 − 7/4 = 1.25, Z = 1.25/√0.75; p = 2·t.sf(Z, 2) = 0.2857142857142855 (SciPy 1.10.1).
        var result = ClusteredShareTest.Test([2, 0, 1], [1, 3, 0], 0.25);
        Assert.Equal(3.0 / 7.0, result.ObservedShare, 15);
        Assert.Equal(1.25 / Math.Sqrt(0.75), result.Z, 14);
        Reference.AssertClose(0.2857142857142855, result.PValue, "p");
        Assert.Equal(3, result.Clusters);
    }

    [Fact]
    public void Test_EqualClusterTotalsOffPlan_FailClosed()
    {
        // Identical totals in every cluster cannot come from a random partition of units: no variance estimate, so any
        // deviation from the plan is reported as a mismatch rather than waved through.
        var result = ClusteredShareTest.Test([2, 2], [2, 2], 0.25);
        Assert.Equal(double.PositiveInfinity, result.Z);
        Assert.Equal(0, result.PValue);
    }

    [Fact]
    public void Test_ExactlyOnPlan_IsNoEvidence()
    {
        var result = ClusteredShareTest.Test([1, 1, 0], [9, 9, 0], 0.1);
        Assert.Equal(0, result.Z);
        Assert.Equal(1, result.PValue);
        Assert.Equal(2, result.Clusters);
    }

    [Fact]
    public void Guards_NameTheArgument()
    {
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => ClusteredShareTest.Test([1], [1, 2], 0.5)).ParamName);
        Assert.Equal("plannedFirstShare", Assert.Throws<ArgumentOutOfRangeException>(() => ClusteredShareTest.Test([1, 1], [1, 1], 1.0)).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentOutOfRangeException>(() => ClusteredShareTest.Test([-1, 1], [1, 1], 0.5)).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentException>(() => ClusteredShareTest.Test([0, 0], [0, 0], 0.5)).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentException>(() => ClusteredShareTest.Test([1], [1], 0.5)).ParamName);
    }
}
