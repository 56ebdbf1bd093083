using System.Text.Json;
using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.Profiles;

public class ColumnProfileTests
{
    private static readonly BinEdges s_edges = BinEdges.FromCutPoints([-1, -0.25, 0, 0.5, 1.5]);

    [Fact]
    public void NumericProfile_AddingASpan_EqualsAddingEachValue()
    {
        // The span path counts bins per run of present values with the vectorised counter; it must give exactly the
        // profile that one value at a time (binary search per value) gives, values on cut points and missing ones included.
        var random = new Random(31);
        var edges = BinEdges.FromCutPoints([-1.5, -0.5, -0.25, 0, 0.25, 0.5, 1, 2, 3]);
        var values = Enumerable.Range(0, 20_000)
            .Select(i => i % 37 == 0 ? double.NaN : i % 41 == 0 ? 0.25 : Math.Round(random.NextDouble() * 8 - 4, 2))
            .ToArray();
        values[0] = double.NaN;
        values[^1] = double.NaN;
        var bySpan = ColumnProfile.CreateNumeric(new ColumnProfileOptions { Edges = edges });
        bySpan.Add(values);
        var byValue = ColumnProfile.CreateNumeric(new ColumnProfileOptions { Edges = edges });
        foreach (var value in values)
        {
            byValue.Add(value);
        }

        Assert.Equal(byValue.BinCounts.ToArray(), bySpan.BinCounts.ToArray());
        Assert.Equal(byValue.MissingCount, bySpan.MissingCount);
        Assert.Equal(
            JsonSerializer.Serialize(byValue, StatisticsJsonContext.Default.ColumnProfile),
            JsonSerializer.Serialize(bySpan, StatisticsJsonContext.Default.ColumnProfile));
    }

    [Fact]
    public void NumericProfile_SummarisesTheColumn_NaNAsMissing()
    {
        var profile = ColumnProfile.CreateNumeric(new ColumnProfileOptions { Edges = s_edges });
        profile.Add([2, double.NaN, -1, 4, 4, double.NaN]);
        profile.Add(5);

        Assert.Equal(ColumnKind.Numeric, profile.Kind);
        Assert.Equal(5, profile.Count);
        Assert.Equal(2, profile.MissingCount);
        Assert.Equal(-1, profile.Minimum);
        Assert.Equal(5, profile.Maximum);
        Assert.Equal(2.8, profile.Mean, 14);
        Assert.Equal(5.7, profile.Variance, 13); // np.var([2, -1, 4, 4, 5], ddof=1)
        Assert.Equal(4.56, profile.PopulationVariance, 13);
        Assert.Equal([1L, 0, 0, 0, 0, 4], profile.BinCounts.ToArray());
        Assert.Equal(5, profile.Sketch!.Count);
    }

    [Fact]
    public void CategoricalProfile_CountsNullAsMissing()
    {
        var profile = ColumnProfile.CreateCategorical();
        profile.Add(["b", null, "a", "b"]);

        Assert.Equal(3, profile.Count);
        Assert.Equal(1, profile.MissingCount);
        Assert.Equal(2, profile.CategoryCounts["b"]);
        Assert.Equal(1, profile.CategoryCounts["a"]);
        Assert.Equal(0, profile.OtherCount);
        Assert.Null(profile.Sketch);
        Assert.True(double.IsNaN(profile.Mean));
        Assert.True(double.IsNaN(profile.Variance));
    }

    [Fact]
    public void CategoryCap_KeepsTheOrdinallyFirstCategories_AndCountsTheRestAsOther()
    {
        var profile = ColumnProfile.CreateCategorical(new ColumnProfileOptions { CategoryCap = 2 });
        profile.Add(["d", "c", "d", "a", "c", "e", "b", "d"]);

        Assert.Equal(new Dictionary<string, long> { ["a"] = 1, ["b"] = 1 }, profile.CategoryCounts);
        Assert.Equal(6, profile.OtherCount);
        Assert.Equal(8, profile.Count);
    }

    [Fact]
    public void MergedPartitions_EqualTheWholeDataProfile()
    {
        var data = Data(1, 30_000, missingEvery: 97);
        var whole = Numeric(data);
        var merged = MergeAll(Partition(data, [0, 5_000, 5_001, 17_000, 30_000]).Select(p => Numeric(p)));

        AssertExactPartsEqual(whole, merged);
        Assert.Equal(whole.Mean, merged.Mean, 1e-12);
        Assert.Equal(whole.Variance, merged.Variance, 1e-10 * whole.Variance);

        var present = data.Where(x => !double.IsNaN(x)).ToArray();
        var sorted = SortedSample.Create(present);
        Assert.Equal(sorted.Mean, merged.Mean, 1e-12);
        Assert.Equal(sorted.SampleVariance, merged.Variance, 1e-10 * sorted.SampleVariance);
        Assert.True(KllSketchTests.MaxNormalisedRankError(merged.Sketch!, present) <= merged.Sketch!.RankErrorBound);
    }

    [Property(MaxTest = 60)]
    public Property Merge_IsAssociative_OnExactParts(int[] a, int[] b, int[] c)
    {
        var (pa, pb, pc) = (Numeric(Values(a)), Numeric(Values(b)), Numeric(Values(c)));
        var left = ColumnProfile.Merge(ColumnProfile.Merge(pa, pb), pc);
        var right = ColumnProfile.Merge(pa, ColumnProfile.Merge(pb, pc));
        var whole = Numeric([.. Values(a), .. Values(b), .. Values(c)]);

        AssertExactPartsEqual(left, right);
        AssertExactPartsEqual(whole, left);
        var scale = Math.Max(1, Values(a).Concat(Values(b)).Concat(Values(c)).Select(Math.Abs).DefaultIfEmpty(0).Max());
        return (Close(left.Mean, right.Mean, scale) && Close(whole.Mean, left.Mean, scale)).Label($"means {left.Mean} {right.Mean} {whole.Mean}");
    }

    [Property(MaxTest = 60)]
    public Property Merge_IsCommutative_Bitwise(int[] a, NormalFloat[] b)
    {
        var (pa, pb) = (Numeric(Values(a)), Numeric(Values(b)));
        return (ColumnProfile.Merge(pa, pb).ToJson() == ColumnProfile.Merge(pb, pa).ToJson()).ToProperty();
    }

    [Property(MaxTest = 100)]
    public Property CategoricalMerge_EqualsTheWholeProfile_EvenPastTheCap(byte[] values, PositiveInt cap, PositiveInt seed)
    {
        var categories = Array.ConvertAll(values, v => v % 17 == 0 ? null : "c" + (v % 23).ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        var options = new ColumnProfileOptions { CategoryCap = 1 + (cap.Get % 8) };
        var whole = ColumnProfile.CreateCategorical(options);
        whole.Add(categories);
        var random = new Random(seed.Get);
        var parts = new List<ColumnProfile>();
        var start = 0;
        while (start < categories.Length)
        {
            var length = 1 + random.Next(categories.Length - start);
            var part = ColumnProfile.CreateCategorical(options);
            part.Add(categories.AsSpan(start, length));
            parts.Add(part);
            start += length;
        }

        // Merge in a random tree shape.
        while (parts.Count > 1)
        {
            var i = random.Next(parts.Count - 1);
            parts[i] = ColumnProfile.Merge(parts[i], parts[i + 1]);
            parts.RemoveAt(i + 1);
        }

        var merged = parts.Count == 0 ? ColumnProfile.CreateCategorical(options) : parts[0];
        return (merged.ToJson() == whole.ToJson()).Label($"{merged.ToJson()} vs {whole.ToJson()}");
    }

    [Fact]
    public void PsiJensenShannonAndChiSquared_FromMergedProfiles_EqualTheWholeData()
    {
        var reference = Data(2, 20_000, missingEvery: 0);
        var current = Data(3, 15_000, missingEvery: 0).Select(x => (x * 1.2) + 0.1).ToArray();
        var edges = BinEdges.Quantile(reference, 10);
        var options = new ColumnProfileOptions { Edges = edges };
        var referenceProfile = MergeAll(Partition(reference, [0, 7_000, 20_000]).Select(p => Numeric(p, options)));
        var currentProfile = MergeAll(Partition(current, [0, 1, 9_000, 15_000]).Select(p => Numeric(p, options)));

        var psi = ProfileComparison.PopulationStabilityIndex(referenceProfile, currentProfile);
        Assert.Equal(PopulationStabilityIndex.Compute(edges, reference, current), psi.Value);
        Assert.Equal(PopulationStabilityIndex.Compute(reference, current), psi.Value);
        Assert.Equal(Divergence.JensenShannonDivergence(edges, reference, current, 2), ProfileComparison.JensenShannonDivergence(referenceProfile, currentProfile, 2));

        var table = ProfileComparison.Counts(referenceProfile, currentProfile);
        var (r, c) = (table.Reference.ToArray(), table.Current.ToArray());
        Assert.Same(edges, table.Edges);
        Assert.Null(table.Categories);
        var referenceCounts = new long[edges.BinCount];
        var currentCounts = new long[edges.BinCount];
        edges.Count(reference, referenceCounts);
        edges.Count(current, currentCounts);
        Assert.Equal(Pearson(referenceCounts, currentCounts), Pearson(r, c));
        Assert.True(Pearson(r, c) > 100);
    }

    [Fact]
    public void CategoricalPsiFromProfiles_EqualsTheSampleFunction()
    {
        string[] reference = ["a", "b", "b", "c", "c", "c", "d"];
        string[] current = ["b", "c", "c", "e", "e", "a"];
        var r1 = ColumnProfile.CreateCategorical();
        var r2 = ColumnProfile.CreateCategorical();
        r1.Add(reference.AsSpan(0, 3)!);
        r2.Add(reference.AsSpan(3)!);
        var cur = ColumnProfile.CreateCategorical();
        cur.Add(current!);

        var fromProfiles = ProfileComparison.PopulationStabilityIndex(ColumnProfile.Merge(r1, r2), cur);
        var fromSamples = PopulationStabilityIndex.Analyze(reference, current, 1e-4);

        Assert.Equal(fromSamples.Value, fromProfiles.Value);
        Assert.Equal(fromSamples.Bins, fromProfiles.Bins);
        Assert.Equal(Divergence.JensenShannonDivergence([1.0, 2, 3, 1, 0], [1.0, 1, 2, 0, 2]), ProfileComparison.JensenShannonDivergence(ColumnProfile.Merge(r1, r2), cur), 15);
    }

    [Fact]
    public void CategoricalPsiFromCappedProfiles_UsesAnOtherBin()
    {
        var options = new ColumnProfileOptions { CategoryCap = 2 };
        var reference = ColumnProfile.CreateCategorical(options);
        var current = ColumnProfile.CreateCategorical(options);
        reference.Add(["a", "b", "c", "d"]);
        current.Add(["b", "b", "z", "a"]);

        var result = ProfileComparison.PopulationStabilityIndex(reference, current);

        Assert.Equal(["a", "b", ColumnProfile.OtherCategory], result.Bins.Select(b => b.Category).ToArray());
        Assert.Equal([1L, 1, 2], result.Bins.Select(b => b.ReferenceCount).ToArray());
        Assert.Equal([1L, 2, 1], result.Bins.Select(b => b.CurrentCount).ToArray());
        Assert.Equal(PopulationStabilityIndex.FromCounts([1, 1, 2], [1, 2, 1]), result.Value);
        var table = ProfileComparison.Counts(reference, current);
        Assert.Equal(["a", "b", ColumnProfile.OtherCategory], table.Categories);
        Assert.Equal([1L, 1, 2], table.Reference);
        Assert.Null(table.Edges);
    }

    [Fact]
    public void Comparisons_AcceptDifferentSketchParametersAndCaps()
    {
        double[] reference = [0.1, 0.2, 0.9, 1.7, 2.2, -0.6];
        double[] current = [0.3, 1.9, 2.5, -1.5];
        var r = Numeric(reference, new() { Edges = s_edges, SketchK = 100, SketchSeed = 1 });
        var c = Numeric(current, new() { Edges = s_edges, SketchK = 400, SketchSeed = 2 });

        Assert.Equal(PopulationStabilityIndex.Compute(s_edges, reference, current), ProfileComparison.PopulationStabilityIndex(r, c).Value);
        Assert.Equal(Wasserstein.Distance(reference, current), ProfileComparison.WassersteinDistance(r, c).Value, 14);

        var small = ColumnProfile.CreateCategorical(new() { CategoryCap = 2 });
        var large = ColumnProfile.CreateCategorical(new() { CategoryCap = 10 });
        small.Add(["a", "c", "b", "d"]);
        large.Add(["d", "a", "a", "e"]);
        var table = ProfileComparison.Counts(small, large);
        Assert.Equal(["a", "b", ColumnProfile.OtherCategory], table.Categories);
        Assert.Equal([1L, 1, 2], table.Reference);
        Assert.Equal([2L, 0, 2], table.Current);
    }

    [Fact]
    public void SketchDistances_AreExactWhileSmall_AndSaySo()
    {
        double[] x = [0.5, 1.5, 1.5, 3, 7, -2];
        double[] y = [1, 2, 2.5, 8];
        var result = ProfileComparison.WassersteinDistance(Numeric(x), Numeric(y));
        var ks = ProfileComparison.KolmogorovSmirnovStatistic(Numeric(x), Numeric(y));

        Assert.False(result.IsApproximate);
        Assert.Equal(0, result.ErrorBound);
        Assert.Equal(Wasserstein.Distance(x, y), result.Value, 14);
        Assert.False(ks.IsApproximate);
        Assert.Equal(ExactKs(x, y), ks.Value, 15);
    }

    [Fact]
    public void SketchDistances_WhenBothColumnsShareTheirMinimum_MatchScipy()
    {
        // scipy.stats.ks_2samp([0, 1, 2], [0, 3]).statistic = 0.5 and wasserstein_distance([0, 1, 2], [0, 3]) = 5/6: the
        // ECDFs are (1/3, 1/2) from 0, (2/3, 1/2) from 1, (1, 1/2) from 2 and (1, 1) from 3, so the gaps are 1/6, 1/6, 1/2
        // over unit steps. Both columns already have mass at the common minimum, so the walk starts with a gap of 1/6.
        var ks = ProfileComparison.KolmogorovSmirnovStatistic(Numeric([0.0, 1, 2]), Numeric([0.0, 3]));
        var w = ProfileComparison.WassersteinDistance(Numeric([0.0, 1, 2]), Numeric([0.0, 3]));

        Assert.Equal(0.5, ks.Value, 15);
        Assert.Equal(5.0 / 6, w.Value, 15);
    }

    [Fact]
    public void WassersteinErrorBound_IsTheRankBoundTimesTheSpanOfBothColumns()
    {
        // Documented: ErrorBound = (ε_ref + ε_cur)·(max − min) over both columns' exact extremes. The reference spans
        // [−5, 1] and the current [0, 10], so the span is 10 − (−5) = 15, wider than either column's own.
        var reference = Enumerable.Range(0, 5000).Select(i => -5 + (6.0 * i / 4999)).ToArray();
        var current = Enumerable.Range(0, 5000).Select(i => 10.0 * i / 4999).ToArray();

        var w = ProfileComparison.WassersteinDistance(Numeric(reference), Numeric(current));

        Assert.True(w.IsApproximate);
        Assert.True(w.RankErrorBound > 0);
        Assert.Equal(w.RankErrorBound * 15, w.ErrorBound, 14);
    }

    [Fact]
    public void SketchDistances_OnLargeData_AreWithinTheirBound()
    {
        var reference = Data(5, 60_000, missingEvery: 0);
        var current = Data(6, 40_000, missingEvery: 0).Select(v => v + 0.3).ToArray();
        var referenceProfile = MergeAll(Partition(reference, [0, 20_000, 60_000]).Select(p => Numeric(p)));
        var currentProfile = Numeric(current);

        var ks = ProfileComparison.KolmogorovSmirnovStatistic(referenceProfile, currentProfile);
        var w = ProfileComparison.WassersteinDistance(referenceProfile, currentProfile);
        var exactKs = ExactKs(reference, current);
        var exactW = Wasserstein.Distance(reference, current);

        Assert.True(ks.IsApproximate);
        Assert.True(w.IsApproximate);
        Assert.True(Math.Abs(ks.Value - exactKs) <= ks.ErrorBound, $"KS {ks.Value} vs {exactKs}, bound {ks.ErrorBound}");
        Assert.True(Math.Abs(w.Value - exactW) <= w.ErrorBound, $"W {w.Value} vs {exactW}, bound {w.ErrorBound}");
        Assert.Equal(ks.RankErrorBound, referenceProfile.Sketch!.RankErrorBound + currentProfile.Sketch!.RankErrorBound);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"KS sketch {ks.Value:F5} exact {exactKs:F5} (|Δ| {Math.Abs(ks.Value - exactKs):E2}, bound {ks.ErrorBound:E2}); " +
            $"W sketch {w.Value:F5} exact {exactW:F5} (|Δ| {Math.Abs(w.Value - exactW):E2}, bound {w.ErrorBound:E2})");
    }

    [Fact]
    public void Merge_WithDifferentParameters_NamesTheSecondProfile()
    {
        var plain = ColumnProfile.CreateNumeric();
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => ColumnProfile.Merge(plain, ColumnProfile.CreateNumeric(new() { Edges = s_edges }))).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => ColumnProfile.Merge(
            ColumnProfile.CreateNumeric(new() { Edges = s_edges }), ColumnProfile.CreateNumeric(new() { Edges = BinEdges.FromCutPoints([0]) }))).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => ColumnProfile.Merge(plain, ColumnProfile.CreateNumeric(new() { SketchK = 100 }))).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => ColumnProfile.Merge(plain, ColumnProfile.CreateNumeric(new() { SketchSeed = 1 }))).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => ColumnProfile.Merge(plain, ColumnProfile.CreateCategorical())).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => ColumnProfile.Merge(
            ColumnProfile.CreateCategorical(new() { CategoryCap = 5 }), ColumnProfile.CreateCategorical())).ParamName);
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => ProfileComparison.PopulationStabilityIndex(
            Numeric([1.0], new() { Edges = s_edges }), Numeric([1.0], new ColumnProfileOptions()))).ParamName);
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        var numeric = ColumnProfile.CreateNumeric();
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => numeric.Add(double.NegativeInfinity)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => numeric.Add([1, double.NaN, double.PositiveInfinity]));
        Assert.Equal("values", ex.ParamName);
        Assert.Contains("index 2", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, numeric.Count + numeric.MissingCount);
        Assert.Throws<InvalidOperationException>(() => numeric.Add("a"));
        Assert.Throws<InvalidOperationException>(() => ColumnProfile.CreateCategorical().Add(1.0));
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => ColumnProfile.CreateNumeric(new() { SketchK = 2 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => ColumnProfile.CreateCategorical(new() { CategoryCap = 0 })).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => ProfileComparison.KolmogorovSmirnovStatistic(ColumnProfile.CreateNumeric(new() { Edges = s_edges }), Numeric([1.0]))).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => ProfileComparison.JensenShannonDivergence(Numeric([1.0], new ColumnProfileOptions()), Numeric([1.0], new ColumnProfileOptions()))).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => ProfileComparison.WassersteinDistance(ColumnProfile.CreateCategorical(), ColumnProfile.CreateCategorical())).ParamName);
    }

    [Fact]
    public void Json_RoundTripsNumericAndCategoricalProfiles()
    {
        var numeric = Numeric(Data(8, 5_000, missingEvery: 13), new() { Edges = s_edges, SketchSeed = 42 });
        var categorical = ColumnProfile.CreateCategorical(new() { CategoryCap = 3 });
        categorical.Add(["x", "y", null, "\"quoted\"", "é", "z", "x"]);

        foreach (var profile in new[] { numeric, categorical })
        {
            var json = profile.ToJson();
            var back = ColumnProfile.FromJson(json);
            Assert.Equal(json, back.ToJson());
            Assert.Equal(json, JsonSerializer.Serialize(back, StatisticsJsonContext.Default.ColumnProfile));
            AssertExactPartsEqual(profile, back);
        }

        var empty = ColumnProfile.CreateNumeric().ToJson();
        Assert.Equal(empty, ColumnProfile.FromJson(empty).ToJson());
        var bad = numeric.ToJson().Replace($"\"count\":{numeric.Count}", $"\"count\":{numeric.Count + 1}", StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => ColumnProfile.FromJson(bad));
    }

    private static void AssertExactPartsEqual(ColumnProfile expected, ColumnProfile actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.MissingCount, actual.MissingCount);
        Assert.Equal(expected.Minimum, actual.Minimum);
        Assert.Equal(expected.Maximum, actual.Maximum);
        Assert.Equal(expected.BinCounts.ToArray(), actual.BinCounts.ToArray());
        Assert.Equal(expected.CategoryCounts.OrderBy(p => p.Key, StringComparer.Ordinal), actual.CategoryCounts.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.OtherCount, actual.OtherCount);
        Assert.Equal(expected.Sketch?.Count, actual.Sketch?.Count);
    }

    private static bool Close(double a, double b, double scale) =>
        (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) <= 1e-12 * scale;

    // Moments are only promised away from overflow, so values stay well inside ±1e307 (ints scaled, or clamped floats).
    private static double[] Values(int[] a) => Array.ConvertAll(a, v => v / 8.0);

    private static double[] Values(NormalFloat[] a) => Array.ConvertAll(a, f => Math.Clamp(f.Get, -1e300, 1e300));

    private static ColumnProfile Numeric(double[] data, ColumnProfileOptions? options = null)
    {
        var profile = ColumnProfile.CreateNumeric(options ?? new ColumnProfileOptions { Edges = s_edges });
        profile.Add(data);
        return profile;
    }

    private static ColumnProfile MergeAll(IEnumerable<ColumnProfile> profiles) => profiles.Aggregate(ColumnProfile.Merge);

    private static IEnumerable<double[]> Partition(double[] data, int[] cuts)
    {
        for (var i = 0; i + 1 < cuts.Length; i++)
        {
            yield return data[cuts[i]..cuts[i + 1]];
        }
    }

    private static double[] Data(int seed, int n, int missingEvery)
    {
        var random = new Random(seed);
        var data = new double[n];
        for (var i = 0; i < n; i++)
        {
            data[i] = missingEvery > 0 && i % missingEvery == 0 ? double.NaN : Math.Log(random.NextDouble() + 0.01) + (random.Next(4) * 0.5);
        }

        return data;
    }

    private static double ExactKs(double[] x, double[] y)
    {
        var sx = SortedSample.Create(x);
        var sy = SortedSample.Create(y);
        double d = 0;
        foreach (var v in x.Concat(y))
        {
            d = Math.Max(d, Math.Abs(sx.EmpiricalCdf(v) - sy.EmpiricalCdf(v)));
        }

        return d;
    }

    /// <summary>Pearson's χ² of the 2×k table (reference, current), skipping empty columns.</summary>
    private static double Pearson(long[] reference, long[] current)
    {
        double r = reference.Sum(), c = current.Sum(), total = r + c, chi = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            var column = reference[i] + current[i];
            if (column == 0)
            {
                continue;
            }

            var er = r * column / total;
            var ec = c * column / total;
            chi += ((reference[i] - er) * (reference[i] - er) / er) + ((current[i] - ec) * (current[i] - ec) / ec);
        }

        return chi;
    }

    [Fact]
    public void AddSpan_WithMissingValues_GivesTheSameProfileAsAddingOneByOne()
    {
        // The span path feeds the sketch in runs between missing values; counts, moments, bins and sketch must not change.
        var random = new Random(17);
        var values = new double[120_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i % 11 == 0 || i < 3 || i >= values.Length - 2 ? double.NaN : random.NextDouble() * 4 - 2;
        }

        var one = ColumnProfile.CreateNumeric(new ColumnProfileOptions { Edges = s_edges });
        foreach (var value in values)
        {
            one.Add(value);
        }

        var bulk = ColumnProfile.CreateNumeric(new ColumnProfileOptions { Edges = s_edges });
        bulk.Add(values);
        Assert.Equal(one.ToJson(), bulk.ToJson());
        Assert.Equal(values.Count(double.IsNaN), bulk.MissingCount);
        Assert.False(bulk.Sketch!.IsExact);
    }

    [Fact]
    public void AddWithCount_InFirstOccurrenceOrder_GivesTheSameProfileAsAddingOneByOne()
    {
        // A capped profile whose kept set changes as smaller categories arrive (evictions into "other"), with missing
        // values and repeats interleaved: counting each category and adding it once, at its first occurrence, must give
        // the same counts, "other" count, kept categories and their enumeration order as the row-by-row path.
        var random = new Random(5);
        var labels = new[] { "m", "k", "z", "c", "k2", "a", "y", "b", "q", "a1" };
        var rows = Enumerable.Range(0, 5_000)
            .Select(i => i % 13 == 0 ? null : labels[Math.Min(labels.Length - 1, (int)(random.NextDouble() * random.NextDouble() * labels.Length))])
            .ToArray();
        var options = new ColumnProfileOptions { CategoryCap = 4 };
        var one = ColumnProfile.CreateCategorical(options);
        one.Add(rows);

        var counted = ColumnProfile.CreateCategorical(options);
        foreach (var group in rows.Where(r => r is not null).GroupBy(r => r))
        {
            counted.Add(group.Key, group.LongCount());
        }

        counted.Add(null, rows.LongCount(r => r is null));
        Assert.True(one.OtherCount > 0);
        Assert.Equal(one.ToJson(), counted.ToJson());
        Assert.Equal(one.CategoryCounts.ToArray(), counted.CategoryCounts.ToArray());
    }

    [Fact]
    public void AddWithCount_NegativeOrOnANumericProfile_IsRejected()
    {
        var categorical = ColumnProfile.CreateCategorical();
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => categorical.Add("a", -1)).ParamName);
        Assert.Throws<InvalidOperationException>(() => ColumnProfile.CreateNumeric().Add("a", 1));
        categorical.Add("a", 0);
        Assert.Equal(0, categorical.Count);
    }
}
