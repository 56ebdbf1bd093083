using System.Text.Json;
using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.Distances;

public class PopulationStabilityIndexTests
{
    private static readonly JsonElement s_data = Reference.Load("psi_reference.json");

    public static TheoryData<string> NumericCases() => CaseNames("numeric");

    public static TheoryData<string> CategoricalCases() => CaseNames("categorical");

    [Theory]
    [MemberData(nameof(NumericCases))]
    public void Compute_MatchesNumPyConvention(string name)
    {
        var c = Case("numeric", name);
        var reference = Reference.GetDoubles(c.GetProperty("reference"));
        var current = Reference.GetDoubles(c.GetProperty("current"));
        var options = Options(c);

        var psi = PopulationStabilityIndex.Compute(reference, current, options);

        Reference.AssertClose(Reference.GetDouble(c.GetProperty("psi")), psi, name);
    }

    [Theory]
    [MemberData(nameof(NumericCases))]
    public void Analyze_MatchesCutPointsCountsAndContributions(string name)
    {
        var c = Case("numeric", name);
        var reference = Reference.GetDoubles(c.GetProperty("reference"));
        var current = Reference.GetDoubles(c.GetProperty("current"));

        var result = PopulationStabilityIndex.Analyze(reference, current, Options(c));

        var cuts = Reference.GetDoubles(c.GetProperty("cut_points"));
        var referenceCounts = Longs(c.GetProperty("reference_counts"));
        var currentCounts = Longs(c.GetProperty("current_counts"));
        var contributions = Reference.GetDoubles(c.GetProperty("contributions"));
        Assert.Equal(cuts.Length + 1, result.Bins.Count);
        for (var i = 0; i < result.Bins.Count; i++)
        {
            var bin = result.Bins[i];
            Assert.Equal(i, bin.Index);
            Assert.Equal(referenceCounts[i], bin.ReferenceCount);
            Assert.Equal(currentCounts[i], bin.CurrentCount);
            Assert.Equal(i == 0 ? double.NegativeInfinity : cuts[i - 1], bin.LowerBound);
            Assert.Equal(i == cuts.Length ? double.PositiveInfinity : cuts[i], bin.UpperBound);
            Reference.AssertClose(contributions[i], bin.Contribution, $"{name} bin {i}");
        }

        Reference.AssertClose(Reference.GetDouble(c.GetProperty("psi")), result.Value, name);
    }

    [Theory]
    [MemberData(nameof(NumericCases))]
    public void FittedEdgesAndSortedSampleOverloads_AgreeWithCompute(string name)
    {
        var c = Case("numeric", name);
        var reference = Reference.GetDoubles(c.GetProperty("reference"));
        var current = Reference.GetDoubles(c.GetProperty("current"));
        var options = Options(c);
        var sorted = SortedSample.Create(reference);
        var edges = options.Binning == BinningStrategy.Quantile ? BinEdges.Quantile(sorted, options.Bins) : BinEdges.EqualWidth(sorted, options.Bins);
        var expected = Reference.GetDouble(c.GetProperty("psi"));

        Reference.AssertClose(expected, PopulationStabilityIndex.Compute(sorted, current, options), name + " sorted");
        Reference.AssertClose(expected, PopulationStabilityIndex.Compute(edges, reference, current, options.Epsilon), name + " edges");

        var referenceCounts = new long[edges.BinCount];
        var currentCounts = new long[edges.BinCount];
        edges.Count(reference, referenceCounts);
        edges.Count(current, currentCounts);
        Reference.AssertClose(expected, PopulationStabilityIndex.FromCounts(referenceCounts, currentCounts, options.Epsilon), name + " counts");
    }

    [Theory]
    [MemberData(nameof(CategoricalCases))]
    public void Categorical_MatchesNumPyConvention(string name)
    {
        var c = Case("categorical", name);
        var reference = Strings(c.GetProperty("reference"));
        var current = Strings(c.GetProperty("current"));
        var epsilon = c.GetProperty("epsilon").GetDouble();

        var result = PopulationStabilityIndex.Analyze(reference, current, epsilon);

        Assert.Equal(Strings(c.GetProperty("categories")), result.Bins.Select(b => b.Category!).ToArray());
        Assert.Equal(Longs(c.GetProperty("reference_counts")), result.Bins.Select(b => b.ReferenceCount).ToArray());
        Assert.Equal(Longs(c.GetProperty("current_counts")), result.Bins.Select(b => b.CurrentCount).ToArray());
        Reference.AssertClose(Reference.GetDouble(c.GetProperty("psi")), result.Value, name);
        Reference.AssertClose(Reference.GetDouble(c.GetProperty("psi")), PopulationStabilityIndex.Compute(reference, current, epsilon), name);
    }

    [Fact]
    public void Analyze_LargestContribution_IsTheBinThatMoved()
    {
        double[] reference = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        double[] current = [1, 2, 3, 4, 5, 6, 7, 8, 10, 10, 10, 10, 10, 10];

        var result = PopulationStabilityIndex.Analyze(BinEdges.FromCutPoints([3, 6, 9]), reference, current, 1e-4);

        var moved = result.LargestContribution();
        Assert.Equal(3, moved.Index);
        Assert.Equal(9, moved.LowerBound);
        Assert.Equal(double.PositiveInfinity, moved.UpperBound);
        Assert.Equal(1, moved.ReferenceCount);
        Assert.Equal(6, moved.CurrentCount);
        Assert.Equal(0.1, moved.ReferenceProportion, 15);
        Assert.Equal(6.0 / 14, moved.CurrentProportion, 15);
        Assert.Equal(((6.0 / 14) - 0.1) * Math.Log(6.0 / 14 / 0.1), moved.Contribution, 14);
    }

    [Fact]
    public void EmptyBin_UsesEpsilonWithoutRenormalisation()
    {
        // Reference has nothing above 2, current has half its mass there: r = ε, c = 0.5.
        var psi = PopulationStabilityIndex.FromCounts([4, 0], [2, 2], 1e-4);
        var expected = ((0.5 - 1.0) * Math.Log(0.5 / 1.0)) + ((0.5 - 1e-4) * Math.Log(0.5 / 1e-4));
        Assert.Equal(expected, psi, 14);
    }

    [Fact]
    public void DefaultOptions_AreTenQuantileBinsAndEpsilon1e4()
    {
        var options = new PsiOptions();
        Assert.Equal(10, options.Bins);
        Assert.Equal(BinningStrategy.Quantile, options.Binning);
        Assert.Equal(1e-4, options.Epsilon);

        var c = Case("numeric", "normal_shift_quantile");
        var reference = Reference.GetDoubles(c.GetProperty("reference"));
        var current = Reference.GetDoubles(c.GetProperty("current"));
        Reference.AssertClose(Reference.GetDouble(c.GetProperty("psi")), PopulationStabilityIndex.Compute(reference, current), "defaults");
    }

    [Theory]
    [InlineData(1, 1e-4)]
    [InlineData(0, 1e-4)]
    [InlineData(10, 0)]
    [InlineData(10, -1e-4)]
    [InlineData(10, 0.0100001)]
    [InlineData(10, double.NaN)]
    public void InvalidOptions_NameTheOptionsArgument(int bins, double epsilon)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => PopulationStabilityIndex.Compute([1.0, 2, 3], [1.0, 2], new PsiOptions { Bins = bins, Epsilon = epsilon }));
        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void EpsilonAtUpperLimit_IsAccepted()
    {
        Assert.True(PopulationStabilityIndex.Compute([1.0, 2, 3], [1.0, 2], new PsiOptions { Bins = 2, Epsilon = 0.01 }) >= 0);
    }

    [Fact]
    public void BinsAtTheMaximum_AreAccepted()
    {
        // 100,000 equal-width bins over the reference [0, 1]: 0 falls in the first bin and 1 in the last. Reference 1/2 and
        // 1/2, current 1 and 0 (ε = 1e-4 substituted); the 99,998 bins empty on both sides contribute (ε − ε)·ln 1 = 0.
        // The documented maximum (PsiOptions.Bins: "at most 100,000").
        var options = new PsiOptions { Bins = 100_000, Binning = BinningStrategy.EqualWidth };
        var expected = ((1 - 0.5) * Math.Log(1 / 0.5)) + ((1e-4 - 0.5) * Math.Log(1e-4 / 0.5));

        Assert.Equal(expected, PopulationStabilityIndex.Compute([0.0, 1.0], [0.0, 0.0], options), 14);
    }

    [Fact]
    public void FittedEdges_Null_NamesEdges() =>
        Assert.Equal("edges", Assert.Throws<ArgumentNullException>(
            () => PopulationStabilityIndex.Compute(null!, [1.0], [1.0], 1e-4)).ParamName);

    [Fact]
    public void BadSamples_NameTheArgument()
    {
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute([], [1.0])).ParamName);
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute([1.0], [])).ParamName);
        var nan = Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute([1.0, double.NaN], [1.0]));
        Assert.Equal("reference", nan.ParamName);
        Assert.Contains("index 1", nan.Message, StringComparison.Ordinal);
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute([1.0], [double.PositiveInfinity])).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(
            () => PopulationStabilityIndex.Compute(BinEdges.FromCutPoints([0]), [1.0], [1.0], 0.02)).ParamName);
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute(["a"], ["b", null!])).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute(Array.Empty<string>(), ["b"])).ParamName);
    }

    [Fact]
    public void BadCounts_NameTheArgument()
    {
        Assert.Equal("currentCounts", Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.FromCounts([1, 2], [1, 2, 3])).ParamName);
        Assert.Equal("referenceCounts", Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.FromCounts([1], [1])).ParamName);
        Assert.Equal("referenceCounts", Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.FromCounts([-1, 2], [1, 2])).ParamName);
        Assert.Equal("currentCounts", Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.FromCounts([1, 2], [0, 0])).ParamName);
    }

    [Property]
    public Property Psi_IsNonNegative(NonEmptyArray<NormalFloat> reference, NonEmptyArray<NormalFloat> current, PositiveInt bins)
    {
        var options = new PsiOptions { Bins = 2 + (bins.Get % 15), Binning = bins.Get % 2 == 0 ? BinningStrategy.Quantile : BinningStrategy.EqualWidth };
        var psi = PopulationStabilityIndex.Compute(Values(reference), Values(current), options);
        return (psi >= 0).Label($"psi = {psi}");
    }

    [Property]
    public Property Psi_OfIdenticalSamples_IsZero(NonEmptyArray<NormalFloat> sample, PositiveInt bins)
    {
        var values = Values(sample);
        var options = new PsiOptions { Bins = 2 + (bins.Get % 15), Binning = bins.Get % 2 == 0 ? BinningStrategy.Quantile : BinningStrategy.EqualWidth };
        return (PopulationStabilityIndex.Compute(values, values.Reverse().ToArray(), options) == 0).ToProperty();
    }

    [Property]
    public Property CategoricalPsi_IsNonNegative_AndZeroForAPermutation(NonEmptyArray<byte> reference, NonEmptyArray<byte> current)
    {
        var r = Array.ConvertAll(reference.Get, b => ((char)('a' + (b % 6))).ToString());
        var c = Array.ConvertAll(current.Get, b => ((char)('a' + (b % 6))).ToString());
        return (PopulationStabilityIndex.Compute(r, c) >= 0 && PopulationStabilityIndex.Compute(r, r.Reverse().ToArray()) == 0).ToProperty();
    }

    private static double[] Values(NonEmptyArray<NormalFloat> a) => Array.ConvertAll(a.Get, f => f.Get);

    private static PsiOptions Options(JsonElement c) => new()
    {
        Bins = c.GetProperty("bins").GetInt32(),
        Binning = Enum.Parse<BinningStrategy>(c.GetProperty("binning").GetString()!),
        Epsilon = c.GetProperty("epsilon").GetDouble(),
    };

    private static TheoryData<string> CaseNames(string section)
    {
        var names = new TheoryData<string>();
        foreach (var c in s_data.GetProperty(section).EnumerateArray())
        {
            names.Add(c.GetProperty("name").GetString()!);
        }

        return names;
    }

    private static JsonElement Case(string section, string name) =>
        s_data.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    internal static long[] Longs(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt64()).ToArray();

    internal static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();
}
