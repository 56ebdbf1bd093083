using System.Text.Json;
using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.Distances;

public class DivergenceTests
{
    private static readonly JsonElement s_data = Reference.Load("divergence_reference.json");

    public static TheoryData<string> VectorCases()
    {
        var names = new TheoryData<string>();
        foreach (var c in s_data.GetProperty("vectors").EnumerateArray())
        {
            names.Add(c.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(VectorCases))]
    public void JensenShannon_MatchesScipy_InBasesEAnd2(string name)
    {
        var c = Case(name);
        var p = Reference.GetDoubles(c.GetProperty("p"));
        var q = Reference.GetDoubles(c.GetProperty("q"));
        var distanceE = Reference.GetDouble(c.GetProperty("js_distance_e"));
        var distance2 = Reference.GetDouble(c.GetProperty("js_distance_2"));

        Reference.AssertClose(distanceE, Divergence.JensenShannonDistance(p, q), name + " distance e");
        Reference.AssertClose(distance2, Divergence.JensenShannonDistance(p, q, 2), name + " distance 2");
        Reference.AssertClose(distanceE * distanceE, Divergence.JensenShannonDivergence(p, q), name + " divergence e");
        Reference.AssertClose(distance2 * distance2, Divergence.JensenShannonDivergence(p, q, 2), name + " divergence 2");
    }

    [Theory]
    [MemberData(nameof(VectorCases))]
    public void KullbackLeibler_MatchesScipyEntropy(string name)
    {
        var c = Case(name);
        var p = Reference.GetDoubles(c.GetProperty("p"));
        var q = Reference.GetDoubles(c.GetProperty("q"));

        Reference.AssertClose(Reference.GetDouble(c.GetProperty("kl_pq_e")), Divergence.KullbackLeibler(p, q), name + " KL e");
        Reference.AssertClose(Reference.GetDouble(c.GetProperty("kl_pq_2")), Divergence.KullbackLeibler(p, q, 2), name + " KL 2");
    }

    [Theory]
    [MemberData(nameof(VectorCases))]
    public void HellingerAndTotalVariation_MatchNumPyDefinitions(string name)
    {
        var c = Case(name);
        var p = Reference.GetDoubles(c.GetProperty("p"));
        var q = Reference.GetDoubles(c.GetProperty("q"));

        Reference.AssertClose(Reference.GetDouble(c.GetProperty("hellinger")), Divergence.Hellinger(p, q), name + " Hellinger");
        Reference.AssertClose(Reference.GetDouble(c.GetProperty("total_variation")), Divergence.TotalVariation(p, q), name + " TV");
    }

    [Fact]
    public void SampleOverloads_BinOnTheEdges_AndEqualTheVectorForms()
    {
        double[] reference = [0.1, 0.5, 1.2, 2.2, 2.8, 3.3, 4.0, 4.5];
        double[] current = [0.2, 2.5, 2.6, 2.9, 3.1, 5.5];
        var edges = BinEdges.FromCutPoints([1, 2, 3, 4]);
        double[] referenceCounts = [2, 1, 2, 2, 1];
        double[] currentCounts = [1, 0, 3, 1, 1];

        Assert.Equal(Divergence.JensenShannonDivergence(referenceCounts, currentCounts), Divergence.JensenShannonDivergence(edges, reference, current), 15);
        Assert.Equal(Divergence.JensenShannonDistance(referenceCounts, currentCounts, 2), Divergence.JensenShannonDistance(edges, reference, current, 2), 15);
        Assert.Equal(Divergence.KullbackLeibler(currentCounts, referenceCounts), Divergence.KullbackLeibler(edges, reference, current), 15);
        Assert.Equal(Divergence.Hellinger(referenceCounts, currentCounts), Divergence.Hellinger(edges, reference, current), 15);
        Assert.Equal(Divergence.TotalVariation(referenceCounts, currentCounts), Divergence.TotalVariation(edges, reference, current), 15);
        Assert.Equal(double.PositiveInfinity, Divergence.KullbackLeibler(edges, [0.5, 1.5], [2.5]));
    }

    [Fact]
    public void SampleOverloads_CountIntoCleanBins_WhateverThePoolLastHeld()
    {
        // Bin counting adds to its counters, which come from ArrayPool<long>.Shared: leave a dirty array of the size the
        // call rents (2 × 3 bins) in this thread's pool first, so stale counters would show up in the result.
        var dirty = System.Buffers.ArrayPool<long>.Shared.Rent(6);
        Array.Fill(dirty, 1000);
        System.Buffers.ArrayPool<long>.Shared.Return(dirty);

        // Bins (−∞, 1], (1, 2], (2, ∞): reference counts 1, 1, 2 → Q = (¼, ¼, ½); current counts 3, 1, 0 → P = (¾, ¼, 0);
        // TV = ½(|¾ − ¼| + 0 + |0 − ½|) = ½.
        var total = Divergence.TotalVariation(BinEdges.FromCutPoints([1, 2]), [0.5, 1.5, 2.5, 2.5], [0.5, 0.5, 0.5, 1.5]);
        Assert.Equal(0.5, total, 15);
    }

    [Fact]
    public void BadVectors_NameTheArgument()
    {
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => Divergence.JensenShannonDivergence([], [1.0])).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => Divergence.JensenShannonDivergence([1.0, 2], [1.0])).ParamName);
        var negative = Assert.Throws<ArgumentException>(() => Divergence.Hellinger([0.5, -0.1, 0.6], [1.0, 1, 1]));
        Assert.Equal("p", negative.ParamName);
        Assert.Contains("index 1", negative.Message, StringComparison.Ordinal);
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => Divergence.TotalVariation([1.0, 1], [0.0, 0])).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => Divergence.KullbackLeibler([1.0, 1], [double.NaN, 1])).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => Divergence.JensenShannonDistance([double.PositiveInfinity, 1], [1.0, 1])).ParamName);
        Assert.Equal("logBase", Assert.Throws<ArgumentOutOfRangeException>(() => Divergence.JensenShannonDivergence([1.0], [1.0], 1)).ParamName);
        Assert.Equal("logBase", Assert.Throws<ArgumentOutOfRangeException>(() => Divergence.JensenShannonDivergence([1.0], [1.0], -2)).ParamName);
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => Divergence.Hellinger(BinEdges.FromCutPoints([0]), [1.0], [])).ParamName);
        Assert.Equal("edges", Assert.Throws<ArgumentNullException>(() => Divergence.TotalVariation(null!, [1.0], [1.0])).ParamName);
    }

    [Property]
    public Property JensenShannon_IsSymmetric_AndWithinZeroAndLn2(NonEmptyArray<PositiveInt> pCounts, NonEmptyArray<NonNegativeInt> qCounts)
    {
        var (p, q) = Pair(pCounts, qCounts);
        var pq = Divergence.JensenShannonDivergence(p, q);
        var qp = Divergence.JensenShannonDivergence(q, p);
        var bits = Divergence.JensenShannonDivergence(p, q, 2);
        return (pq == qp && pq >= 0 && pq <= Math.Log(2) + 1e-15 && bits <= 1 + 1e-15 && Divergence.JensenShannonDivergence(p, p) == 0)
            .Label($"JS(p,q) = {pq}, JS(q,p) = {qp}, bits = {bits}");
    }

    [Property]
    public Property HellingerAndTotalVariation_AreSymmetric_AndWithinZeroAndOne(NonEmptyArray<PositiveInt> pCounts, NonEmptyArray<NonNegativeInt> qCounts)
    {
        var (p, q) = Pair(pCounts, qCounts);
        var h = Divergence.Hellinger(p, q);
        var tv = Divergence.TotalVariation(p, q);
        return (h >= 0 && h <= 1 && tv >= 0 && tv <= 1 && h == Divergence.Hellinger(q, p) && tv == Divergence.TotalVariation(q, p)
                && Divergence.Hellinger(p, p) == 0 && Divergence.TotalVariation(p, p) == 0
                && h * h <= tv + 1e-12 && tv <= Math.Sqrt(2) * h + 1e-12)
            .Label($"H = {h}, TV = {tv}");
    }

    private static (double[] P, double[] Q) Pair(NonEmptyArray<PositiveInt> pCounts, NonEmptyArray<NonNegativeInt> qCounts)
    {
        var length = pCounts.Get.Length;
        var p = Array.ConvertAll(pCounts.Get, x => (double)x.Get);
        var q = new double[length];
        for (var i = 0; i < length; i++)
        {
            q[i] = qCounts.Get[i % qCounts.Get.Length].Get;
        }

        if (q.Sum() == 0)
        {
            q[0] = 1;
        }

        return (p, q);
    }

    private static JsonElement Case(string name) =>
        s_data.GetProperty("vectors").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
