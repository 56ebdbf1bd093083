namespace AiGovernance.Statistics.Tests.Intervals;

public class DeLongTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Reference.Load("delong_reference.json").GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    private static System.Text.Json.JsonElement Case(string name) =>
        Reference.Load("delong_reference.json").GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Auc_MatchesTheDirectKernelComputation(string name)
    {
        var c = Case(name);
        var labels = c.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32() == 1).ToArray();
        var scores = Reference.GetDoubles(c.GetProperty("scores"));

        var result = DeLong.Auc(labels, scores);
        var interval = result.ConfidenceInterval(c.GetProperty("confidence_level").GetDouble());

        Reference.AssertClose(c.GetProperty("auc").GetDouble(), result.Auc, name + " AUC");
        Reference.AssertClose(c.GetProperty("auc_from_u").GetDouble(), result.Auc, name + " AUC from U");
        Reference.AssertClose(c.GetProperty("variance").GetDouble(), result.Variance, name + " variance");
        Reference.AssertClose(c.GetProperty("lower").GetDouble(), interval.Lower, name + " lower");
        Reference.AssertClose(c.GetProperty("upper").GetDouble(), interval.Upper, name + " upper");
        Assert.Equal(labels.Count(l => l), result.Positives);
        Assert.Equal(labels.Count(l => !l), result.Negatives);
    }

    [Fact]
    public void PerfectSeparation_HasZeroVarianceAndAPointInterval()
    {
        var result = DeLong.Auc([true, true, false, false], [0.9, 0.8, 0.2, 0.1]);
        Assert.Equal(1, result.Auc);
        Assert.Equal(0, result.Variance);
        Assert.Equal(new Interval(1, 1), result.ConfidenceInterval());
    }

    [Fact]
    public void BadInput_NamesTheArgument()
    {
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => DeLong.Auc([true, false], [0.1])).ParamName);
        var nan = Assert.Throws<ArgumentException>(() => DeLong.Auc([true, false, true, false], [0.1, double.NaN, 0.2, 0.3]));
        Assert.Equal("scores", nan.ParamName);
        Assert.Contains("index 1", nan.Message, StringComparison.Ordinal);
        var single = Assert.Throws<ArgumentException>(() => DeLong.Auc([true, true, true, false], [0.1, 0.2, 0.3, 0.4]));
        Assert.Equal("yTrue", single.ParamName);
        Assert.Contains("undefined", single.Message, StringComparison.Ordinal);
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(
            () => DeLong.Auc([true, true, false, false], [0.9, 0.2, 0.4, 0.1]).ConfidenceInterval(1)).ParamName);
    }
}
