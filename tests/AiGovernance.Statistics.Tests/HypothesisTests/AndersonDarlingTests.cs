namespace AiGovernance.Statistics.Tests.HypothesisTests;

public class AndersonDarlingTests
{
    [Fact]
    public void KSample_MatchesScipy_TwoToFiveSamplesTiesAndBothCaps()
    {
        var checkedResults = 0;
        var capped = 0;
        foreach (var c in ShapeData.Section("anderson").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString();
            var samples = c.GetProperty("samples").EnumerateArray().Select(Reference.GetDoubles).ToArray();
            foreach (var r in c.GetProperty("results").EnumerateArray())
            {
                var midrank = r.GetProperty("midrank").GetBoolean();
                var result = AndersonDarling.KSample(samples, midrank);
                var context = $"{name} midrank={midrank}";
                Reference.AssertClose(Reference.GetDouble(r.GetProperty("statistic")), result.Statistic, context + " statistic");
                Reference.AssertClose(Reference.GetDouble(r.GetProperty("pvalue")), result.PValue, context + " p");
                var critical = Reference.GetDoubles(r.GetProperty("critical"));
                Assert.Equal(critical.Length, result.CriticalValues.Count);
                for (var i = 0; i < critical.Length; i++)
                {
                    Reference.AssertClose(critical[i], result.CriticalValues[i], context + $" critical[{i}]");
                }

                Assert.Equal(result.PValue is 0.25 or 0.001 && result.PValueCapped, result.PValueCapped);
                capped += result.PValueCapped ? 1 : 0;
                checkedResults++;
            }
        }

        Assert.True(checkedResults >= 28, $"only {checkedResults} reference results");
        Assert.True(capped >= 4, "the reference cases exercise both caps");
    }

    [Fact]
    public void KSample_PValueCaps_AreMarked()
    {
        var apart = AndersonDarling.KSample([[1, 2, 3, 4, 5, 6, 7, 8], [101, 102, 103, 104, 105, 106, 107, 108]]);
        Assert.Equal(0.001, apart.PValue);
        Assert.True(apart.PValueCapped);
        Assert.True(apart.Statistic > apart.CriticalValues[^1]);

        var same = AndersonDarling.KSample([[1, 2, 3, 4, 5, 6, 7, 8], [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5]]);
        Assert.Equal(0.25, same.PValue);
        Assert.True(same.PValueCapped);
    }

    [Fact]
    public void SignificanceLevels_AreScipysTable() =>
        Assert.Equal([0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001], AndersonDarling.SignificanceLevels);

    [Fact]
    public void KSample_OneSample_Throws() =>
        Assert.Throws<ArgumentException>(() => AndersonDarling.KSample([[1, 2, 3, 4]]));

    [Fact]
    public void KSample_EmptySample_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => AndersonDarling.KSample([[1, 2, 3], []]));
        Assert.Contains("Sample 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KSample_FewerThanFourValues_Throws() =>
        Assert.Throws<ArgumentException>(() => AndersonDarling.KSample([[1, 2], [3]]));

    [Fact]
    public void KSample_OneDistinctValue_Throws() =>
        Assert.Throws<ArgumentException>(() => AndersonDarling.KSample([[2, 2, 2], [2, 2]]));

    [Fact]
    public void KSample_InfiniteValue_ThrowsNamingSampleAndIndex()
    {
        var error = Assert.Throws<ArgumentException>(() => AndersonDarling.KSample([[1, 2, 3], [4, double.PositiveInfinity]]));
        Assert.Equal("samples", error.ParamName);
        Assert.Contains("Sample 1 holds ∞ at index 1", error.Message.Replace("Infinity", "∞", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void KSample_NullSample_Throws() =>
        Assert.Throws<ArgumentNullException>(() => AndersonDarling.KSample([[1, 2, 3], null!]));
}
