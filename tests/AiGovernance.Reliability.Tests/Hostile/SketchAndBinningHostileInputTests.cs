using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using static AiGovernance.Reliability.Tests.Hostile.HostileValues;

namespace AiGovernance.Reliability.Tests.Hostile;

/// <summary>The Statistics entry points the first suite did not reach: quantiles of a sorted sample, bins from cut points,
/// the KLL sketch and profile-to-profile comparisons, under hostile spans and option values.</summary>
public class SketchAndBinningHostileInputTests
{
    private const int MaxLength = 300;

    [Fact]
    public void SortedSample_Quantile_OnHostileProbabilities_IsAnOrderStatisticRangeOrRejects() =>
        HostileProperty.Run(
            from values in Samples(MaxLength).Where(v => v.Length > 0 && AllFinite(v))
            from p in Scalars()
            select (values, p),
            HostileProperty.Cases(400),
            input =>
            {
                var sample = SortedSample.Create(input.values);
                return HostileCall.Check("SortedSample.Quantile", () => sample.Quantile(input.p),
                    q => q >= sample.Minimum && q <= sample.Maximum,
                    inputIsValid: IsProbability(input.p), parameters: ["p"]);
            });

    [Fact]
    public void BinEdges_FromCutPoints_OnHostileCutPoints_BinsEveryValueOrRejects() =>
        HostileProperty.Run(
            from cuts in Samples(60)
            from values in Samples(MaxLength)
            from bin in Gen.Elements(-1, 0, 1, 5, 61, int.MaxValue, int.MinValue)
            select (cuts, values, bin),
            HostileProperty.Cases(400),
            input => HostileCall.Check("BinEdges.FromCutPoints (BinOf, Count, Lower/UpperBound)", () =>
                {
                    var edges = BinEdges.FromCutPoints(input.cuts);
                    var counts = new long[edges.BinCount];
                    edges.Count(input.values.Where(double.IsFinite).ToArray(), counts);
                    var bins = input.values.Where(v => !double.IsNaN(v)).Select(edges.BinOf).ToArray();
                    double lower = double.NaN, upper = double.NaN;
                    if (input.bin >= 0 && input.bin < edges.BinCount)
                    {
                        lower = edges.LowerBound(input.bin);
                        upper = edges.UpperBound(input.bin);
                    }
                    else
                    {
                        Assert.Throws<ArgumentOutOfRangeException>(() => edges.LowerBound(input.bin));
                    }

                    return (edges, counts, bins, lower, upper);
                },
                r => r.counts.Sum() == input.values.Count(double.IsFinite) && r.bins.All(b => b >= 0 && b < r.edges.BinCount)
                     && (double.IsNaN(r.lower) || r.lower < r.upper || (double.IsNegativeInfinity(r.lower) && double.IsPositiveInfinity(r.upper))),
                parameters: ["cutPoints", "values", "counts", "value", "bin"]));

    [Fact]
    public void KllSketch_OnHostileStreamsAndOptions_StaysWithinItsBoundsOrRejects() =>
        HostileProperty.Run(
            from first in Samples(MaxLength)
            from second in Samples(MaxLength)
            from k in Gen.Frequency((3, Gen.Elements(8, 200)), (1, Gen.Elements(-1, 0, 1, 7, 65_535, 65_536, int.MaxValue)))
            from seed in Gen.Elements(0L, -1L, long.MaxValue, long.MinValue)
            from p in Scalars()
            from confidence in Scalars()
            select (first, second, k, seed, p, confidence),
            HostileProperty.Cases(300),
            input => HostileCall.Check("KllSketch (Add, Merge, Quantile, Cdf, Rank, error bounds)", () =>
                {
                    var a = new KllSketch(input.k, input.seed);
                    var b = new KllSketch(input.k, input.seed);
                    foreach (var v in input.first)
                    {
                        a.Add(v);
                    }

                    b.Add(input.second);
                    var merged = KllSketch.Merge(a, b);
                    var finite = input.first.Concat(input.second).Where(v => !double.IsNaN(v)).ToArray();
                    // Cdf and Quantile of an empty sketch are a documented InvalidOperationException (a state, not an argument).
                    var quantile = finite.Length == 0 ? double.NaN : merged.Quantile(input.p);
                    var cdf = finite.Length == 0 ? double.NaN : merged.Cdf(input.p);
                    var rank = merged.Rank(input.p);
                    var bound = merged.GetRankErrorBound(input.confidence);
                    return (merged, finite, quantile, cdf, rank, bound, copy: merged.Clone());
                },
                r => (r.finite.Length == 0 || double.IsNaN(r.quantile) || (r.quantile >= r.finite.Min() && r.quantile <= r.finite.Max()))
                     && (double.IsNaN(r.cdf) || IsProbability(r.cdf)) && r.rank >= 0 && r.bound is >= 0 and <= 1,
                parameters: ["k", "seed", "value", "values", "first", "second", "p", "x", "confidence"]));

    [Fact]
    public void ProfileComparison_OnHostileProfiles_GivesInRangeDistancesOrRejects() =>
        HostileProperty.Run(
            from reference in Samples(MaxLength)
            from current in Samples(MaxLength)
            from categorical in Gen.Elements(true, false)
            from labels in Gen.Frequency(
                (3, Gen.ArrayOf(Gen.Elements<string?>("a", "b", "", null, "\u00E1"), 60)),
                (1, Gen.ArrayOf(Gen.Elements<string?>("a", "b", "", null, "\uD800"), 60)))
            from sketchK in Gen.Frequency((3, Gen.Elements(8, 200)), (1, Gen.Elements(-1, 65_536)))
            from cap in Gen.Frequency((3, Gen.Elements(3, 1000)), (1, Gen.Elements(-1, 0, 1)))
            from epsilon in Gen.Frequency((3, Gen.Constant(1e-4)), (1, Scalars()))
            from logBase in Gen.Frequency((3, Gen.Elements(Math.E, 2.0)), (1, Scalars()))
            select (reference, current, categorical, labels, sketchK, cap, epsilon, logBase),
            HostileProperty.Cases(300),
            input => HostileCall.Check("ProfileComparison (Counts, PSI, JS, KS, Wasserstein)", () =>
                {
                    var options = new ColumnProfileOptions { SketchK = input.sketchK, CategoryCap = input.cap };
                    ColumnProfile r, c;
                    if (input.categorical)
                    {
                        r = ColumnProfile.CreateCategorical(options);
                        c = ColumnProfile.CreateCategorical(options);
                        r.Add(input.labels.AsSpan(0, 30));
                        c.Add(input.labels.AsSpan(30));
                    }
                    else
                    {
                        r = ColumnProfile.CreateNumeric(options);
                        c = ColumnProfile.CreateNumeric(options);
                        r.Add(input.reference);
                        c.Add(input.current);
                    }

                    var counts = ProfileComparison.Counts(r, c);
                    var psi = ProfileComparison.PopulationStabilityIndex(r, c, input.epsilon);
                    var js = ProfileComparison.JensenShannonDivergence(r, c, input.logBase);
                    SketchEstimate? ks = input.categorical ? null : ProfileComparison.KolmogorovSmirnovStatistic(r, c);
                    SketchEstimate? w = input.categorical ? null : ProfileComparison.WassersteinDistance(r, c);
                    return (counts, psi, js, ks, w);
                },
                x => x.psi.Value >= 0 && !double.IsNaN(x.psi.Value) && x.js >= 0 && x.js <= Math.Log(2) / Math.Log(input.logBase) + 1e-12
                     && (x.ks is not { } ks || ks.Value is >= 0 and <= 1) && (x.w is not { } w || w.Value >= 0),
                parameters: ["options", "reference", "current", "epsilon", "logBase", "values", "categories"]));

    [Fact]
    public void ColumnProfile_ValuesNearTheDoubleRange_KeepAFiniteMeanAndReloadFromJson()
    {
        // Found by the Monitoring hostile run: Welford's value − mean overflowed for ±1e308, the mean became ∞ and the
        // profile (and a drift reference holding it) could not be read back from its own JSON.
        var profile = ColumnProfile.CreateNumeric();
        profile.Add([1e308, -1e308, 1e308, -1e308, 1e308]);
        Assert.Equal(0.2e308, profile.Mean, 1e293);
        Assert.Equal(double.PositiveInfinity, profile.PopulationVariance);
        var reloaded = ColumnProfile.FromJson(profile.ToJson());
        Assert.Equal(profile.Mean, reloaded.Mean);
        var other = ColumnProfile.CreateNumeric();
        other.Add([double.MaxValue, double.MaxValue]);
        var merged = ColumnProfile.Merge(profile, other);
        Assert.True(double.IsFinite(merged.Mean));
        Assert.Equal((1e308 / 7) + (2 * (double.MaxValue / 7)), merged.Mean, 1e294);
    }

    [Fact]
    public void ColumnProfile_LoneSurrogateCategory_IsRejectedBeforeCounting()
    {
        // The profile's JSON would turn "\uD800" into U+FFFD (the cause of Monitoring defect M6), so it is refused.
        var profile = ColumnProfile.CreateCategorical();
        profile.Add("a");
        Assert.Equal("category", Assert.Throws<ArgumentException>(() => profile.Add("\uD800")).ParamName);
        Assert.Equal("categories", Assert.Throws<ArgumentException>(() => profile.Add(["b", "x\uDC00"])).ParamName);
        profile.Add("\uD83D\uDE42");
        Assert.Equal(3, profile.Count);
        Assert.Equal(3, ColumnProfile.FromJson(profile.ToJson()).CategoryCounts.Count);
    }
}
