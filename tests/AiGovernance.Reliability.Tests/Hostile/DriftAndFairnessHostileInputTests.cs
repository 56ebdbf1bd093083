using System.Text.Json;
using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using static AiGovernance.Reliability.Tests.Hostile.HostileValues;

namespace AiGovernance.Reliability.Tests.Hostile;

/// <summary>Statistics II (KS, PSI, divergences, Wasserstein, bin edges, column profiles) and fairness metrics under hostile input.</summary>
public class DriftAndFairnessHostileInputTests
{
    private const int MaxLength = 300;

    private static readonly string[] JsonPalette =
    [
        "", "{", "null", "[]", "{}", "\"x\"", "{\"kind\":\"numeric\"}", "{\"kind\":1e999}", new string('[', 5000), "{\"a\":\"\\uD800\"}",
        "{\"kind\":\"categorical\",\"counts\":{\"a\":-5}}", "{\"kind\":\"numeric\",\"count\":-1,\"sketch\":{\"k\":0}}",
    ];

    private static bool AllOk(double[] a) => a.Length > 0 && AllFinite(a);

    [Fact]
    public void KolmogorovSmirnov_TwoSample_OnHostileSamples_GivesDInUnitIntervalOrRejects() =>
        HostileProperty.Run(
            from x in Samples(MaxLength)
            from y in Samples(MaxLength)
            from alternative in Gen.Choose(-1, 3).Select(i => (Alternative)i)
            from method in Gen.Choose(-1, 3).Select(i => (KolmogorovSmirnovMethod)i)
            select (x, y, alternative, method),
            HostileProperty.Cases(400),
            input => HostileCall.Check("KolmogorovSmirnov.TwoSample", () => KolmogorovSmirnov.TwoSample(input.x, input.y, input.alternative, input.method),
                r => r.Statistic is >= 0 and <= 1 && IsProbability(r.PValue),
                inputIsValid: AllOk(input.x) && AllOk(input.y) && Enum.IsDefined(input.alternative) && Enum.IsDefined(input.method)));

    [Fact]
    public void KolmogorovSmirnov_OneSample_OnHostileSamplesAndCdfs_GivesDInUnitIntervalOrRejects()
    {
        Func<double, double>[] cdfs = [v => 1 / (1 + Math.Exp(-v)), _ => double.NaN, _ => 2.0, v => v < 0 ? 0 : 1, _ => -1];
        HostileProperty.Run(
            from x in Samples(MaxLength)
            from cdf in Gen.Choose(0, cdfs.Length - 1)
            select (x, cdf),
            HostileProperty.Cases(400),
            input => HostileCall.Check("KolmogorovSmirnov.OneSample", () => KolmogorovSmirnov.OneSample(input.x, cdfs[input.cdf]),
                r => r.Statistic is >= 0 and <= 1 && IsProbability(r.PValue),
                inputIsValid: AllOk(input.x) && input.cdf is 0 or 3));
    }

    [Fact]
    public void PopulationStabilityIndex_OnHostileSamplesAndOptions_IsNonNegativeOrRejects() =>
        HostileProperty.Run(
            from reference in Samples(MaxLength)
            from current in Samples(MaxLength)
            from bins in Mostly(10, Gen.Elements(-1, 0, 1, 2, 1000, int.MaxValue))
            from binning in Mostly(BinningStrategy.Quantile, Gen.Choose(-1, 2).Select(i => (BinningStrategy)i))
            from epsilon in Mostly(1e-4, Scalars())
            select (reference, current, bins, binning, epsilon),
            HostileProperty.Cases(400),
            input => HostileCall.Check("PopulationStabilityIndex.Analyze", () => PopulationStabilityIndex.Analyze(input.reference, input.current,
                    new PsiOptions { Bins = input.bins, Binning = input.binning, Epsilon = input.epsilon }),
                r => r.Value >= 0 && !double.IsNaN(r.Value),
                knownDefect: null));

    [Fact]
    public void PopulationStabilityIndex_FromCounts_OnHostileCounts_IsNonNegativeOrRejects() =>
        HostileProperty.Run(
            from reference in Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Counts(), n))
            from current in Gen.OneOf(Gen.Constant(reference), Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Counts(), n)))
            from epsilon in Scalars()
            select (reference, current, epsilon),
            HostileProperty.Cases(600),
            input => HostileCall.Check("PopulationStabilityIndex.FromCounts", () => PopulationStabilityIndex.FromCounts(input.reference, input.current, input.epsilon),
                v => v >= 0 && double.IsFinite(v),
                knownDefect: null));

    [Fact]
    public void PopulationStabilityIndex_FromCounts_TotalAboveLongMax_IsNotNaN()
    {
        long[] reference = [1000, 79, 127];
        long[] current = [1000, long.MaxValue - 1, 42];
        try
        {
            Assert.False(double.IsNaN(PopulationStabilityIndex.FromCounts(reference, current)));
        }
        catch (ArgumentException e)
        {
            Assert.False(string.IsNullOrEmpty(e.ParamName));
        }
    }

    [Fact]
    public void PopulationStabilityIndex_Categorical_OnHostileLabels_IsNonNegativeOrRejects()
    {
        string?[] labels = ["a", "b", "", null, "\uD800", "a\u0301", "\u00E1"];
        HostileProperty.Run(
            from referenceCount in Gen.Choose(0, 40)
            from rawReference in Gen.ArrayOf(Gen.Elements(labels), referenceCount)
            from reference in Mostly(rawReference.Where(l => l is not null).ToArray(), Gen.Constant(rawReference))
            from currentCount in Gen.Choose(0, 40)
            from rawCurrent in Gen.ArrayOf(Gen.Elements(labels), currentCount)
            from current in Mostly(rawCurrent.Where(l => l is not null).ToArray(), Gen.Constant(rawCurrent))
            from epsilon in Mostly(1e-4, Scalars())
            select (reference, current, epsilon),
            HostileProperty.Cases(400),
            input => HostileCall.Check("PopulationStabilityIndex.Analyze(categories)", () => PopulationStabilityIndex.Analyze(input.reference!, input.current!, input.epsilon),
                r => r.Value >= 0 && double.IsFinite(r.Value),
                inputIsValid: input.reference.Length > 0 && input.current.Length > 0 && !input.reference.Contains(null)
                              && !input.current.Contains(null) && input.epsilon is > 0 and <= 0.01));
    }

    [Fact]
    public void Divergences_OnHostileDistributions_AreNonNegativeOrReject() =>
        HostileProperty.Run(
            from p in Samples(40)
            from q in Gen.OneOf(Samples(40), Gen.Constant(p))
            from logBase in Scalars()
            select (p, q, logBase),
            HostileProperty.Cases(400),
            input => HostileCall.Check("Divergence (KL, JS, Hellinger, TV)", () => (
                    Try(() => Divergence.KullbackLeibler(input.p, input.q, input.logBase)),
                    Try(() => Divergence.JensenShannonDivergence(input.p, input.q, input.logBase)),
                    Try(() => Divergence.JensenShannonDistance(input.p, input.q, input.logBase)),
                    Try(() => Divergence.Hellinger(input.p, input.q)),
                    Try(() => Divergence.TotalVariation(input.p, input.q))),
                r => r.Item1 >= 0 && r.Item2 >= 0 && (!(input.logBase > 1) || r.Item2 <= (Math.Log(2) / Math.Log(input.logBase)) + 1e-12) && r.Item3 >= 0
                     && r.Item4 is >= 0 and <= 1 + 1e-12 && r.Item5 is >= 0 and <= 1 + 1e-12));

    [Fact]
    public void Divergences_SubnormalTotalMass_NormaliseExactly()
    {
        // D8: the stress run saw KL = −∞, JS < 0 and a NaN JS distance with p = 24 × ε. The cause was the log base in
        // (0, 1) drawn with it (ln base < 0 flips every sign), fixed when bases ≤ 1 became an ArgumentOutOfRangeException;
        // subnormal mass itself normalises exactly (ε/(2ε) = ½). With p = (ε, ε) → (½, ½) and q = (1, 3) → (¼, ¾):
        // KL = ½·ln 2 + ½·ln(2/3) = ½·ln(4/3).
        double[] p = [double.Epsilon, double.Epsilon];
        double[] q = [1, 3];
        Assert.Equal(0.5 * Math.Log(4.0 / 3), Divergence.KullbackLeibler(p, q), 1e-15);
        Assert.Equal(0.5 * Math.Log(4.0 / 3) / Math.Log(2), Divergence.KullbackLeibler(p, q, 2), 1e-15);
        Assert.Equal(0.25, Divergence.TotalVariation(p, q), 1e-15);
        var p24 = Enumerable.Repeat(double.Epsilon, 24).ToArray();
        var q24 = Enumerable.Range(0, 24).Select(i => i % 3 == 0 ? 0.0 : 1.0 / (i + 1)).ToArray();
        Assert.Equal(double.PositiveInfinity, Divergence.KullbackLeibler(p24, q24));
        Assert.InRange(Divergence.JensenShannonDivergence(p24, q24), 0, Math.Log(2));
        Assert.InRange(Divergence.JensenShannonDistance(p24, q24, 2), 0, 1);
        Assert.Equal("logBase", Assert.Throws<ArgumentOutOfRangeException>(() => Divergence.KullbackLeibler(p24, q24, 0.5)).ParamName);
    }

    [Fact]
    public void PopulationStabilityIndex_Categorical_TinyEpsilon_IsFinite()
    {
        // Defect D7 (fixed): ln(p/ε) overflowed to +∞ for ε = double.Epsilon. Each side now contributes
        // (1 − ε)·(ln 1 − ln ε) = −ln ε ≈ 744.44, so PSI = −2·ln ε exactly.
        string[] reference = ["a"];
        string[] current = ["b"];
        var result = PopulationStabilityIndex.Analyze(reference, current, double.Epsilon);
        Assert.Equal(1488.8801438427624, result.Value, 1e-10);
        Assert.Equal(-2 * Math.Log(double.Epsilon), result.Value, 1e-10);
        Assert.Equal(result.Value, PopulationStabilityIndex.FromCounts([5, 0], [0, 7], double.Epsilon), 1e-10);
    }

    [Fact]
    public void PopulationStabilityIndex_TinyEpsilon_OrdinaryBinsKeepTheirValue()
    {
        // ln(c/r) is kept for normal quotients, so a realistic table is unchanged by the D7 fix:
        // (0.6 − 0.4)·ln(0.6/0.4) + (0.4 − 0.6)·ln(0.4/0.6) = 0.4·ln 1.5.
        Assert.Equal(0.4 * Math.Log(1.5), PopulationStabilityIndex.FromCounts([40, 60], [60, 40], double.Epsilon), 1e-15);
    }

    [Fact]
    public void BinnedDivergences_OnHostileSamples_AreNonNegativeOrReject() =>
        HostileProperty.Run(
            from reference in Samples(MaxLength)
            from current in Samples(MaxLength)
            from bins in Gen.Elements(-1, 0, 1, 2, 10, 500)
            from quantile in Gen.Elements(true, false)
            select (reference, current, bins, quantile),
            HostileProperty.Cases(400),
            input => HostileCall.Check("BinEdges + binned divergences", () =>
                {
                    var edges = input.quantile ? BinEdges.Quantile(input.reference, input.bins) : BinEdges.EqualWidth(input.reference, input.bins);
                    return (PopulationStabilityIndex.Compute(edges, input.reference, input.current),
                        Divergence.JensenShannonDivergence(edges, input.reference, input.current),
                        Divergence.Hellinger(edges, input.reference, input.current),
                        Divergence.TotalVariation(edges, input.reference, input.current));
                },
                r => r.Item1 >= 0 && r.Item2 >= 0 && r.Item3 >= 0 && r.Item4 >= 0 && !double.IsNaN(r.Item1 + r.Item2 + r.Item3 + r.Item4)));

    [Fact]
    public void Wasserstein_OnHostileSamples_IsNonNegativeOrRejects() =>
        HostileProperty.Run(
            from x in Samples(MaxLength)
            from y in Samples(MaxLength)
            from scale in Scalars()
            select (x, y, scale),
            HostileProperty.Cases(400),
            input => HostileCall.Check("Wasserstein.Distance/NormalizedDistance", () =>
                    (Wasserstein.Distance(input.x, input.y), Wasserstein.NormalizedDistance(input.x, input.y, input.scale)),
                r => r.Item1 >= 0 && r.Item2 >= 0 && (!AllWithin(input.x, 1e300) || !AllWithin(input.y, 1e300) || double.IsFinite(r.Item1))
                     && (!AllWithin(input.x, 8e307) || !AllWithin(input.y, 8e307) || double.IsFinite(r.Item1)),
                inputIsValid: AllOk(input.x) && AllOk(input.y) && input.scale > 0 && double.IsFinite(input.scale)));

    [Fact]
    public void PopulationStabilityIndex_HugeBinCount_IsRejectedAsAnArgument()
    {
        double[] reference = [1, 2, 3, 4, 5];
        var e = Assert.ThrowsAny<ArgumentException>(() => PopulationStabilityIndex.Analyze(reference, reference, new PsiOptions { Bins = int.MaxValue, Binning = BinningStrategy.Quantile }));
        Assert.False(string.IsNullOrEmpty(e.ParamName));
    }

    [Fact]
    public void Wasserstein_NormalizedDistance_ExtremeFiniteValues_IsExact()
    {
        // Defect D4 (fixed): W₁ and σ_ref overflowed to ∞ and ∞/∞ = NaN. Between −1e308 and 1e308, F_x = ⅓ and F_y = ¾,
        // so W₁ = (5/12)·2e308 ≈ 8.33e307 (representable); σ_ref = (2√2/3)·1e308, so the normalised distance is
        // (5/6)/(2√2/3) = 1.25/√2.
        double[] x = [1e308, -1e308, 1e308];
        double[] y = [-1e308, 1e308, -1e308, -1e308];
        Assert.Equal(5.0 / 12 * 2, Wasserstein.Distance(x, y) / 1e308, 1e-14);
        Assert.Equal(1.25 / Math.Sqrt(2), Wasserstein.NormalizedDistance(x, y), 1e-14);
        Assert.Equal(1.25 / Math.Sqrt(2), Wasserstein.NormalizedDistance(SortedSample.Create(x), SortedSample.Create(y)), 1e-14);
        Assert.Equal(1.25 / Math.Sqrt(2), Wasserstein.NormalizedDistance(SortedSample.Create(x), y), 1e-14);
    }

    [Fact]
    public void Wasserstein_BeyondTheDoubleRange_IsInfiniteNotNaN()
    {
        // All of x at −MaxValue and all of y at +MaxValue: W₁ = 2·MaxValue is not representable, so +∞; the constant
        // reference (σ = 0) divides by the floor, also +∞ — never NaN.
        double[] x = [-double.MaxValue, -double.MaxValue];
        double[] y = [double.MaxValue];
        Assert.Equal(double.PositiveInfinity, Wasserstein.Distance(x, y));
        Assert.Equal(double.PositiveInfinity, Wasserstein.NormalizedDistance(x, y));
        // A huge floor brings it back into range: 2·MaxValue / 1e308.
        Assert.Equal(2 * (double.MaxValue / 1e308), Wasserstein.NormalizedDistance(x, y, 1e308), 1e-12);
    }

    [Fact]
    public void ColumnProfile_OnHostileValuesAndJson_ProfilesOrRejects() =>
        HostileProperty.Run(
            from values in Samples(MaxLength)
            from json in Gen.Elements(JsonPalette)
            select (values, json),
            HostileProperty.Cases(400),
            input => HostileCall.Check("ColumnProfile (Add, Merge, ToJson, FromJson)", () =>
                {
                    var profile = ColumnProfile.CreateNumeric();
                    profile.Add(input.values);
                    var merged = ColumnProfile.Merge(profile, ColumnProfile.FromJson(profile.ToJson()));
                    try
                    {
                        ColumnProfile.FromJson(input.json);
                    }
                    catch (JsonException)
                    {
                        // Documented for malformed text.
                    }

                    return merged;
                },
                merged => merged is not null, alsoDocumented: typeof(JsonException)));

    [Fact]
    public void FairnessMetrics_OnHostileLabelsAndOptions_ReportsOrRejects()
    {
        string[] groups = ["a", "b", "", "c\u0301", "\uD800"];
        HostileProperty.Run(
            from n in Gen.Choose(0, 200)
            from yTrue in Gen.ArrayOf(Gen.Elements(true, false), n)
            from yPred in Gen.OneOf(Gen.ArrayOf(Gen.Elements(true, false), n), Gen.ArrayOf(Gen.Elements(true, false), n + 1))
            from g in Gen.ArrayOf(Gen.Elements(groups), n)
            from minimum in Mostly(5, Gen.Elements(-1, 0, 1, 30, int.MaxValue))
            from level in Mostly(0.95, Scalars())
            from resamples in Mostly(0, Gen.Elements(-1, 10, 100))
            from threshold in Mostly(0.8, Scalars())
            from reference in Mostly<string?>(null, Gen.Elements<string?>("a", "zzz"))
            select (yTrue, yPred, g, minimum, level, resamples, threshold, reference),
            HostileProperty.Cases(300),
            input => HostileCall.Check("FairnessMetrics.Compute", () => FairnessMetrics.Compute(input.yTrue, input.yPred, input.g, new FairnessOptions
                {
                    MinimumGroupSize = input.minimum, ConfidenceLevel = input.level, BootstrapResamples = input.resamples,
                    DisparateImpactThreshold = input.threshold, ReferenceGroup = input.reference,
                }),
                r => !double.IsNaN(r.DemographicParityDifference) || !r.IsParityDefined));
    }


    private static double Try(Func<double> f)
    {
        try
        {
            return f();
        }
        catch (ArgumentException)
        {
            return 0;
        }
    }
}
