using System.Text.Json;
using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.Distances;

public class WassersteinTests
{
    private static readonly JsonElement s_data = Reference.Load("divergence_reference.json");

    public static TheoryData<string> SampleCases()
    {
        var names = new TheoryData<string>();
        foreach (var c in s_data.GetProperty("samples").EnumerateArray())
        {
            names.Add(c.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(SampleCases))]
    public void Distance_MatchesScipy(string name)
    {
        var (x, y, expected, _) = Case(name);

        Reference.AssertClose(expected, Wasserstein.Distance(x, y), name);
        Reference.AssertClose(expected, Wasserstein.Distance(SortedSample.Create(x), SortedSample.Create(y)), name + " sorted");
        Reference.AssertClose(expected, Wasserstein.Distance(SortedSample.Create(x), y), name + " sorted reference");
    }

    [Theory]
    [MemberData(nameof(SampleCases))]
    public void NormalizedDistance_DividesByPopulationStd_WithEvidentlyFloor(string name)
    {
        var (x, y, _, expected) = Case(name);

        Reference.AssertClose(expected, Wasserstein.NormalizedDistance(x, y), name);
        Reference.AssertClose(expected, Wasserstein.NormalizedDistance(SortedSample.Create(x), y), name + " sorted");
        Reference.AssertClose(expected, Wasserstein.NormalizedDistance(SortedSample.Create(x), SortedSample.Create(y)), name + " both sorted");
    }

    [Fact]
    public void NormalizedDistance_UsesPopulationNotSampleStandardDeviation()
    {
        double[] reference = [0, 2];
        double[] current = [1, 3];
        // W = 1; population σ = 1 (sample σ would be √2).
        Assert.Equal(1, Wasserstein.NormalizedDistance(reference, current), 15);
        Assert.Equal(0.5, Wasserstein.NormalizedDistance(SortedSample.Create([5.0, 5.0]), [5.0, 5.0, 5.0, 5.001], 0.0005), 9);
    }

    [Fact]
    public void BadInput_NamesTheArgument()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Wasserstein.Distance([], [1.0])).ParamName);
        var nan = Assert.Throws<ArgumentException>(() => Wasserstein.Distance([1.0], [2.0, double.NaN]));
        Assert.Equal("y", nan.ParamName);
        Assert.Contains("index 1", nan.Message, StringComparison.Ordinal);
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => Wasserstein.Distance(SortedSample.Create([1.0]), [])).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => Wasserstein.NormalizedDistance([double.NaN], [1.0])).ParamName);
        Assert.Equal("minimumScale", Assert.Throws<ArgumentOutOfRangeException>(() => Wasserstein.NormalizedDistance([1.0], [1.0], 0)).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NormalizedDistance_BothSorted_RefusesAFloorThatIsNotPositiveAndFinite(double minimumScale)
    {
        // Like the other overloads: a zero floor would divide by zero for a constant reference, NaN would give NaN.
        var reference = SortedSample.Create([1.0, 2.0, 3.0]);
        var current = SortedSample.Create([2.0, 4.0]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Wasserstein.NormalizedDistance(reference, current, minimumScale));
        Assert.Equal("minimumScale", error.ParamName);
    }

    [Property]
    public Property Distance_IsSymmetric_AndZeroOnItself(NonEmptyArray<int> xs, NonEmptyArray<int> ys)
    {
        var x = Scale(xs);
        var y = Scale(ys);
        var xy = Wasserstein.Distance(x, y);
        return (xy == Wasserstein.Distance(y, x) && xy >= 0 && Wasserstein.Distance(x, x.Reverse().ToArray()) == 0).Label($"W = {xy}");
    }

    [Property]
    public Property Distance_IsShiftEquivariant(NonEmptyArray<int> xs, NonEmptyArray<int> ys, int shift)
    {
        var x = Scale(xs);
        var y = Scale(ys);
        var a = shift / 7.0;
        var before = Wasserstein.Distance(x, y);
        var after = Wasserstein.Distance(x.Select(v => v + a).ToArray(), y.Select(v => v + a).ToArray());
        var magnitude = x.Concat(y).Max(Math.Abs) + Math.Abs(a);
        return (Math.Abs(after - before) <= 1e-12 * magnitude * (x.Length + y.Length)).Label($"{before} vs {after}");
    }

    [Property]
    public Property Distance_OfAShiftedCopy_IsTheShift(NonEmptyArray<int> xs, PositiveInt shift)
    {
        var x = Scale(xs);
        var a = shift.Get / 3.0;
        var distance = Wasserstein.Distance(x, x.Select(v => v + a).ToArray());
        return (Math.Abs(distance - a) <= 1e-9 * (a + x.Max(Math.Abs))).Label($"W = {distance}, shift = {a}");
    }

    private static double[] Scale(NonEmptyArray<int> values) => Array.ConvertAll(values.Get, v => v / 16.0);

    private static (double[] X, double[] Y, double W, double Normalized) Case(string name)
    {
        var c = s_data.GetProperty("samples").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        return (Reference.GetDoubles(c.GetProperty("x")), Reference.GetDoubles(c.GetProperty("y")),
            Reference.GetDouble(c.GetProperty("wasserstein")), Reference.GetDouble(c.GetProperty("wasserstein_normalized")));
    }
}
