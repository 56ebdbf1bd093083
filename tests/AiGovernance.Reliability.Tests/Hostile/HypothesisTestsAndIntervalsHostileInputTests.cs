using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using static AiGovernance.Reliability.Tests.Hostile.HostileValues;

namespace AiGovernance.Reliability.Tests.Hostile;

/// <summary>The AiGovernance.Statistics entry points that moved in from Gates, Deployment and Scorecards (McNemar, DeLong,
/// the bootstrap, Fisher, the histogram rank test, the mSPRT, confusion counts) under hostile counts, spans and levels.</summary>
/// <remarks>Allowed outcomes: a result inside its documented range, or a documented ArgumentException naming its
/// argument. Input the docs call valid must be accepted.</remarks>
public class HypothesisTestsAndIntervalsHostileInputTests
{
    private const int MaxLength = 300;

    /// <summary>Counts that are mostly small (so the computation is reached) with hostile ones mixed in.</summary>
    private static Gen<long> SmallCounts() =>
        Gen.Frequency((4, Gen.Choose(0, 300).Select(i => (long)i)), (1, Counts()));

    /// <summary>Counts for the bootstrap: small valid ones, or invalid ones rejected at once (a valid count near
    /// Int32.MaxValue is legal but costs that many draws per resample, a cost the docs state, not a defect).</summary>
    private static Gen<long> BootstrapCounts() =>
        Gen.Frequency((4, Gen.Choose(0, 300).Select(i => (long)i)), (1, Gen.Elements(-1L, long.MinValue, long.MaxValue, int.MaxValue + 1L)));

    /// <summary>Counts per bucket: mostly small valid ones, sometimes with hostile counts among them.</summary>
    private static Gen<long[]> Histogram(int buckets) =>
        Gen.Frequency((3, Gen.ArrayOf(Gen.Choose(0, 40).Select(i => (long)i), buckets)), (1, Gen.ArrayOf(SmallCounts(), buckets)));

    private static Gen<bool[]> Labels(int length) => Gen.ArrayOf(Gen.Elements(true, false), length);

    private static Gen<Alternative> Alternatives() => Gen.Choose(-1, 4).Select(i => (Alternative)i);

    [Fact]
    public void McNemar_Exact_OnHostileCounts_GivesAProbabilityOrRejects() =>
        HostileProperty.Run(
            from b in Counts()
            from c in Counts()
            select (b, c),
            HostileProperty.Cases(600),
            input => HostileCall.Check("McNemar.Exact", () => McNemar.Exact(input.b, input.c),
                r => IsProbability(r.PValue) && r.Statistic == Math.Min(input.b, input.c),
                inputIsValid: input.b >= 0 && input.c >= 0 && (decimal)input.b + input.c <= int.MaxValue, parameters: ["b", "c"]));

    [Fact]
    public void McNemar_DifferenceInterval_OnHostileCounts_IsOrderedOrRejects() =>
        HostileProperty.Run(
            from b in SmallCounts()
            from c in SmallCounts()
            from n in Gen.OneOf(Counts(), Gen.Constant(1000L))
            from level in Mostly(0.95, Scalars())
            select (b, c, n, level),
            HostileProperty.Cases(600),
            input => HostileCall.Check("McNemar.DifferenceInterval", () => McNemar.DifferenceInterval(input.b, input.c, input.n, input.level),
                r => double.IsFinite(r.Lower) && double.IsFinite(r.Upper) && r.Lower <= r.Upper,
                inputIsValid: input.b >= 0 && input.c >= 0 && input.n >= 1 && input.b <= input.n && input.c <= input.n - input.b
                              && input.level is > 0 and < 1,
                parameters: ["b", "c", "n", "confidenceLevel"]));

    [Fact]
    public void DeLong_Auc_OnHostileScores_GivesAnAucInAnIntervalOrRejects() =>
        HostileProperty.Run(
            from scores in Samples(MaxLength)
            from labels in Labels(scores.Length)
            from extra in Gen.Elements(0, 0, 0, 1)
            from level in Mostly(0.95, Scalars())
            select (labels: labels.Concat(Enumerable.Repeat(true, extra)).ToArray(), scores, level),
            HostileProperty.Cases(400),
            input => HostileCall.Check("DeLong.Auc", () =>
                {
                    var auc = DeLong.Auc(input.labels, input.scores);
                    return (auc, interval: auc.ConfidenceInterval(input.level));
                },
                r => IsProbability(r.auc.Auc) && r.auc.Variance >= 0 && r.interval.Lower <= r.auc.Auc && r.auc.Auc <= r.interval.Upper
                     && IsProbability(r.interval.Lower) && IsProbability(r.interval.Upper),
                inputIsValid: input.labels.Length == input.scores.Length && AllFinite(input.scores)
                              && input.labels.Count(l => l) >= 2 && input.labels.Count(l => !l) >= 2 && input.level is > 0 and < 1,
                parameters: ["yTrue", "scores", "confidenceLevel"]));

    [Fact]
    public void Bootstrap_PercentileInterval_OnHostileReplicates_IsOrderedOrRejects() =>
        HostileProperty.Run(
            from replicates in Samples(MaxLength)
            from level in Mostly(0.95, Scalars())
            select (replicates, level),
            HostileProperty.Cases(400),
            input => HostileCall.Check("Bootstrap.PercentileInterval", () => Bootstrap.PercentileInterval(input.replicates, input.level),
                r => input.replicates.All(double.IsNaN) ? double.IsNaN(r.Lower) && double.IsNaN(r.Upper)
                    : r.Lower <= r.Upper || (input.replicates.Contains(double.NegativeInfinity) && input.replicates.Contains(double.PositiveInfinity)),
                inputIsValid: input.level is > 0 and < 1, parameters: ["confidenceLevel"]));

    [Fact]
    public void Bootstrap_ConfusionMetric_OnHostileCounts_GivesAnIntervalInsideTheMetricsRangeOrRejects() =>
        HostileProperty.Run(
            from tp in BootstrapCounts()
            from fp in BootstrapCounts()
            from fn in BootstrapCounts()
            from tn in BootstrapCounts()
            from resamples in Mostly(200, Gen.Elements(-1, 0, 1, 2, Bootstrap.MaxResamples + 1, int.MaxValue))
            from seed in Gen.Elements(0L, -1L, long.MaxValue, long.MinValue, 20261126L)
            from level in Mostly(0.95, Scalars())
            select (counts: new ConfusionCounts(tp, fp, fn, tn), resamples, seed, level),
            HostileProperty.Cases(400),
            input => HostileCall.Check("Bootstrap.ConfusionMetric",
                () => Bootstrap.ConfusionMetric(input.counts, c => c.F1, input.resamples, input.seed, input.level),
                r => r.Resamples == input.resamples && r.DefinedResamples >= 0 && r.DefinedResamples <= r.Resamples
                     && (r.DefinedResamples == 0
                         ? double.IsNaN(r.Interval.Lower) && double.IsNaN(r.Interval.Upper)
                         : 0 <= r.Interval.Lower && r.Interval.Lower <= r.Interval.Upper && r.Interval.Upper <= 1),
                inputIsValid: input.counts is { TruePositives: >= 0 and <= int.MaxValue, FalsePositives: >= 0 and <= int.MaxValue,
                                  FalseNegatives: >= 0 and <= int.MaxValue, TrueNegatives: >= 0 and <= int.MaxValue }
                              && input.counts.Count >= 1 && input.resamples is >= 1 and <= Bootstrap.MaxResamples
                              && input.level is > 0 and < 1,
                parameters: ["counts", "resamples", "confidenceLevel"]));

    [Fact]
    public void Bootstrap_PairedConfusionMetric_OnHostileLabels_GivesAnOrderedIntervalOrRejects() =>
        HostileProperty.Run(
            from n in Gen.Choose(0, MaxLength)
            from yTrue in Labels(n)
            from first in Labels(n)
            from second in Gen.OneOf(Labels(n), Labels(Math.Max(0, n - 1)))
            from resamples in Mostly(100, Gen.Elements(-1, 0, 1, Bootstrap.MaxResamples + 1))
            from level in Mostly(0.9, Scalars())
            select (yTrue, first, second, resamples, level),
            HostileProperty.Cases(300),
            input => HostileCall.Check("Bootstrap.PairedConfusionMetric",
                () => Bootstrap.PairedConfusionMetric(input.yTrue, input.first, input.second, (a, b) => a.Recall - b.Recall, input.resamples, 7, input.level),
                r => r.DefinedResamples == 0 || (-1 <= r.Interval.Lower && r.Interval.Lower <= r.Interval.Upper && r.Interval.Upper <= 1),
                inputIsValid: input.yTrue.Length > 0 && input.first.Length == input.yTrue.Length && input.second.Length == input.yTrue.Length
                              && input.resamples is >= 1 and <= Bootstrap.MaxResamples && input.level is > 0 and < 1,
                parameters: ["yTrue", "yPredFirst", "yPredSecond", "resamples", "confidenceLevel"]));

    [Fact]
    public void FisherExact_Test_OnHostileTables_GivesAProbabilityOrRejects() =>
        HostileProperty.Run(
            from a in SmallCounts()
            from b in SmallCounts()
            from c in SmallCounts()
            from d in Gen.OneOf(SmallCounts(), Gen.Constant(500_000_000L))
            from alternative in Mostly(Alternative.TwoSided, Alternatives())
            select (a, b, c, d, alternative),
            HostileProperty.Cases(600),
            input => HostileCall.Check("FisherExact.Test", () => FisherExact.Test(input.a, input.b, input.c, input.d, input.alternative),
                r => IsProbability(r.PValue) && (double.IsNaN(r.OddsRatio) || r.OddsRatio >= 0),
                inputIsValid: new[] { input.a, input.b, input.c, input.d }.All(v => v >= 0)
                              && (decimal)input.a + input.b + input.c + input.d <= int.MaxValue
                              && Enum.IsDefined(input.alternative),
                parameters: ["a", "b", "c", "d", "alternative"]));

    [Fact]
    public void HistogramRankTest_OnHostileHistograms_GivesAValidTestAndShiftOrRejects() =>
        HostileProperty.Run(
            from buckets in Gen.Choose(0, 60)
            from x in Histogram(buckets)
            from y in Gen.Frequency((4, Histogram(buckets)), (1, Histogram(buckets + 1)))
            from values in Gen.Frequency(
                (3, Gen.Constant(Enumerable.Range(0, buckets).Select(i => (i * 1.5) - 7).ToArray())),
                (1, Samples(buckets).Select(v => v.Order().ToArray())))
            from alternative in Mostly(Alternative.TwoSided, Alternatives())
            select (x, y, values, alternative),
            HostileProperty.Cases(400),
            input => HostileCall.Check("HistogramRankTest (MannWhitney, HodgesLehmannShift)", () =>
                    (HistogramRankTest.MannWhitney(input.x, input.y, input.alternative),
                     HistogramRankTest.HodgesLehmannShift(input.values, input.x, input.y)),
                r => IsProbability(r.Item1.PValue) && r.Item1.U >= 0 && !double.IsNaN(r.Item2)
                     && (!AllWithin(input.values, 1e307) || double.IsFinite(r.Item2)),
                inputIsValid: ValidHistograms(input.x, input.y, input.values) && Enum.IsDefined(input.alternative),
                parameters: ["x", "y", "bucketValues", "alternative"]));

    [Fact]
    public void SequentialProportionTest_OnHostileCounts_GivesALikelihoodRatioAndPOrRejects() =>
        HostileProperty.Run(
            from errorsBaseline in SmallCounts()
            from trialsBaseline in SmallCounts()
            from errorsCandidate in SmallCounts()
            from trialsCandidate in SmallCounts()
            from tau2 in Mostly(1e-4, Scalars())
            from previous in Mostly(1.0, Scalars())
            select (errorsBaseline, trialsBaseline, errorsCandidate, trialsCandidate, tau2, previous),
            HostileProperty.Cases(600),
            input => HostileCall.Check("SequentialProportionTest (LikelihoodRatio, AlwaysValidPValue)", () =>
                    (SequentialProportionTest.LikelihoodRatio(input.errorsBaseline, input.trialsBaseline, input.errorsCandidate, input.trialsCandidate, input.tau2),
                     SequentialProportionTest.AlwaysValidPValue(
                         input.errorsBaseline, input.trialsBaseline, input.errorsCandidate, input.trialsCandidate, input.tau2, input.previous)),
                r => r.Item1 >= 0 && IsProbability(r.Item2) && r.Item2 <= input.previous,
                inputIsValid: input.errorsBaseline >= 0 && input.trialsBaseline >= 1 && input.errorsBaseline <= input.trialsBaseline
                              && input.errorsCandidate >= 0 && input.trialsCandidate >= 1 && input.errorsCandidate <= input.trialsCandidate
                              && input.tau2 > 0 && double.IsFinite(input.tau2) && IsProbability(input.previous),
                parameters: ["errorsBaseline", "trialsBaseline", "errorsCandidate", "trialsCandidate", "mixtureVariance", "previousPValue"]));

    [Fact]
    public void ConfusionCounts_From_OnHostileLabels_CountsEveryExampleOrRejects() =>
        HostileProperty.Run(
            from n in Gen.Choose(0, MaxLength)
            from yTrue in Labels(n)
            from yPred in Gen.OneOf(Labels(n), Labels(n + 1))
            select (yTrue, yPred),
            HostileProperty.Cases(300),
            input => HostileCall.Check("ConfusionCounts.From", () => ConfusionCounts.From(input.yTrue, input.yPred),
                r => r.Count == input.yTrue.Length && (r.Count == 0 || (IsProbability(r.Accuracy) && (double.IsNaN(r.F1) || IsProbability(r.F1)))),
                inputIsValid: input.yTrue.Length == input.yPred.Length, parameters: ["yPred"]));

    private static bool ValidHistograms(long[] x, long[] y, double[] values)
    {
        static bool Total(long[] counts) => counts.Sum(c => (decimal)c) is var total && total > 0 && total <= long.MaxValue;
        if (x.Length != y.Length || values.Length != x.Length || x.Any(c => c < 0) || y.Any(c => c < 0) || !Total(x) || !Total(y)
            || !AllFinite(values))
        {
            return false;
        }

        for (var k = 1; k < values.Length; k++)
        {
            if (!(values[k] > values[k - 1]))
            {
                return false;
            }
        }

        return true;
    }
}
