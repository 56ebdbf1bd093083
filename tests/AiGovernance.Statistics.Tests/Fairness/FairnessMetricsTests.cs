using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.Fairness;

public class FairnessMetricsTests
{
    private static readonly FairnessOptions NoBootstrap = new() { BootstrapResamples = 0 };

    [Fact]
    public void Compute_MatchesNumPyImplementationOfFairlearnDefinitions()
    {
        var root = Reference.Load("fairness_reference.json");
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var yTrue = c.GetProperty("y_true").EnumerateArray().Select(v => v.GetInt32() == 1).ToArray();
            var yPred = c.GetProperty("y_pred").EnumerateArray().Select(v => v.GetInt32() == 1).ToArray();
            var columns = c.GetProperty("columns").EnumerateArray()
                .Select(col => (IReadOnlyList<string>)col.EnumerateArray().Select(v => v.GetString()!).ToArray()).ToArray();
            var report = columns.Length == 1
                ? FairnessMetrics.Compute(yTrue, yPred, ((string[])columns[0]).AsSpan(), NoBootstrap)
                : FairnessMetrics.Compute(yTrue, yPred, columns, NoBootstrap);

            var expectedGroups = c.GetProperty("groups");
            Assert.Equal(expectedGroups.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal), report.Groups.Keys);
            foreach (var group in expectedGroups.EnumerateObject())
            {
                AssertRates(group.Value, report.Groups[group.Name], $"{name}/{group.Name}");
            }

            AssertRates(c.GetProperty("overall"), report.Overall, name + "/overall");
            Reference.AssertClose(c.D("demographic_parity_difference"), report.DemographicParityDifference, name + " DPD");
            Reference.AssertClose(c.D("demographic_parity_ratio"), report.DemographicParityRatio, name + " DPR");
            Reference.AssertClose(c.D("equalized_odds_difference"), report.EqualizedOddsDifference, name + " EOD");
            Reference.AssertClose(c.D("equalized_odds_ratio"), report.EqualizedOddsRatio, name + " EOR");
            Reference.AssertClose(c.D("equal_opportunity_difference"), report.EqualOpportunityDifference, name + " EOppD");
            Reference.AssertClose(c.D("equal_opportunity_ratio"), report.EqualOpportunityRatio, name + " EOppR");
            Assert.Equal(c.GetProperty("reference_group").GetString(), report.ReferenceGroup);
            Reference.AssertClose(c.D("disparate_impact_ratio"), report.DisparateImpactRatio, name + " DI");
            foreach (var ratio in c.GetProperty("disparate_impact_ratios").EnumerateObject())
            {
                Reference.AssertClose(Reference.GetDouble(ratio.Value), report.DisparateImpactRatios[ratio.Name], $"{name} DI {ratio.Name}");
            }

            Assert.Equal(report.DisparateImpactRatio >= 0.8, report.SatisfiesFourFifthsRule);
            Reference.AssertClose(c.D("selection_independence_p"), report.SelectionIndependencePValue, name + " chi2 p");
        }
    }

    [Fact]
    public void Compute_HandWorkedExample()
    {
        // A: TP 3, FN 1, FP 1, TN 5 → SR 0.4, TPR 0.75, FPR 1/6, accuracy 0.8, precision 0.75.
        // B: TP 1, FN 3, FP 0, TN 6 → SR 0.1, TPR 0.25, FPR 0,   accuracy 0.7, precision 1.
        bool[] yTrue = [true, true, true, true, false, false, false, false, false, false, true, true, true, true, false, false, false, false, false, false];
        bool[] yPred = [true, true, true, false, true, false, false, false, false, false, true, false, false, false, false, false, false, false, false, false];
        string[] groups = [.. Enumerable.Repeat("A", 10), .. Enumerable.Repeat("B", 10)];
        var report = FairnessMetrics.Compute(yTrue, yPred, groups, NoBootstrap);

        var a = report.Groups["A"];
        Assert.Equal((10L, 3L, 1L, 1L, 5L), (a.Count, a.TruePositives, a.FalsePositives, a.FalseNegatives, a.TrueNegatives));
        Assert.Equal(0.4, a.SelectionRate, 15);
        Assert.Equal(0.75, a.TruePositiveRate, 15);
        Assert.Equal(1.0 / 6, a.FalsePositiveRate, 15);
        Assert.Equal(0.8, a.Accuracy, 15);
        Assert.Equal(0.75, a.Precision, 15);
        Assert.Equal(ConfidenceInterval.Wilson(4, 10), a.SelectionRateInterval);
        Assert.Equal(1, report.Groups["B"].Precision);

        Assert.Equal(0.3, report.DemographicParityDifference, 15);
        Assert.Equal(0.25, report.DemographicParityRatio, 15);
        Assert.Equal(0.5, report.EqualOpportunityDifference, 15);
        Assert.Equal(1.0 / 3, report.EqualOpportunityRatio, 15);
        Assert.Equal(0.5, report.EqualizedOddsDifference, 15);
        Assert.Equal(0, report.EqualizedOddsRatio, 15);
        Assert.Equal("A", report.ReferenceGroup);
        Assert.Equal(0.25, report.DisparateImpactRatio, 15);
        Assert.False(report.SatisfiesFourFifthsRule);
        Assert.Equal(20, report.Overall.Count);
        Assert.Equal(0.25, report.Overall.SelectionRate, 15);
        Assert.Equal(2, report.Warnings.Count(w => w.Contains("fewer than the minimum of 30", StringComparison.Ordinal)));
    }

    [Fact]
    public void Compute_UndefinedRate_IsNaNWithWarning_NeverZero()
    {
        // Group "y" has no actual positives: TPR undefined, left out of equal opportunity (one defined group → NaN).
        bool[] yTrue = [true, false, true, false, false, false];
        bool[] yPred = [true, false, false, true, false, true];
        string[] groups = ["x", "x", "x", "y", "y", "y"];
        var report = FairnessMetrics.Compute(yTrue, yPred, groups, NoBootstrap);
        Assert.True(double.IsNaN(report.Groups["y"].TruePositiveRate));
        Assert.True(double.IsNaN(report.Groups["y"].TruePositiveRateInterval.Lower));
        Assert.True(double.IsNaN(report.EqualOpportunityDifference));
        Assert.Contains(report.Warnings, w => w.Contains("\"y\" has no actual positives", StringComparison.Ordinal));

        // Equalized odds falls back to the defined FPR part: FPR x = 0/1, y = 2/3.
        Assert.Equal(2.0 / 3, report.EqualizedOddsDifference, 15);
    }

    [Fact]
    public void Compute_GroupWithoutActualNegatives_EqualizedOddsRatioIsTheTprRatio()
    {
        // x: TP 1, FN 1, FP 0, TN 1 → TPR ½, FPR 0. y: TP 2, FN 1 and no actual negatives → TPR ⅔, FPR undefined, so the
        // FPR part of equalized odds has one defined group (NaN) and is left out: ratio = min(½, ⅔)/max = ¾, difference ⅙.
        bool[] yTrue = [true, true, false, true, true, true];
        bool[] yPred = [true, false, false, true, true, false];
        string[] groups = ["x", "x", "x", "y", "y", "y"];
        var report = FairnessMetrics.Compute(yTrue, yPred, groups, NoBootstrap);
        Assert.True(double.IsNaN(report.Groups["y"].FalsePositiveRate));
        Assert.Contains(report.Warnings, w => w.Contains("\"y\" has no actual negatives", StringComparison.Ordinal));

        Assert.Equal(0.75, report.EqualizedOddsRatio, 15);
        Assert.Equal(1.0 / 6, report.EqualizedOddsDifference, 15);
    }

    [Fact]
    public void Compute_MinimumGroupSizeOfOne_IsAcceptedAndWarnsAboutNoGroup()
    {
        // "At least 1": with a floor of one row every group that occurs meets it, so no group is flagged as too small.
        var options = new FairnessOptions { MinimumGroupSize = 1, BootstrapResamples = 0 };
        var report = FairnessMetrics.Compute([true, false, true], [true, false, false], ["a", "b", "b"], options);
        Assert.Equal(1, report.Groups["a"].Count);
        Assert.DoesNotContain(report.Warnings, w => w.Contains("fewer than the minimum", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_SingleGroup_ReportsParityUndefined()
    {
        var report = FairnessMetrics.Compute([true, false, true], [true, true, false], ["only", "only", "only"]);
        Assert.False(report.IsParityDefined);
        Assert.True(double.IsNaN(report.DemographicParityDifference));
        Assert.True(double.IsNaN(report.DisparateImpactRatio));
        Assert.False(report.SatisfiesFourFifthsRule);
        Assert.Null(report.BootstrapIntervals);
        Assert.Equal(1, report.SelectionIndependencePValue);
        Assert.Contains(report.Warnings, w => w.Contains("single group", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_ChosenReferenceGroup_AndNobodySelected()
    {
        bool[] yTrue = [true, false, true, false];
        bool[] yPred = [false, false, false, false];
        var report = FairnessMetrics.Compute(yTrue, yPred, ["a", "a", "b", "b"], new FairnessOptions { ReferenceGroup = "b", BootstrapResamples = 0 });
        Assert.Equal("b", report.ReferenceGroup);
        Assert.Equal(1, report.DisparateImpactRatio);
        Assert.Equal(1, report.DemographicParityRatio);
        Assert.Equal(0, report.DemographicParityDifference);
        Assert.Equal(1, report.SelectionIndependencePValue);
        Assert.Contains(report.Warnings, w => w.Contains("No row was predicted positive", StringComparison.Ordinal));
    }

    [Fact]
    public void Bootstrap_IsReproducibleForASeed_AndBracketsTheEstimateRange()
    {
        var (yTrue, yPred, groups) = Sample(600, 11);
        var options = new FairnessOptions { BootstrapResamples = 300, Seed = 42 };
        var first = FairnessMetrics.Compute(yTrue, yPred, groups, options).BootstrapIntervals;
        var second = FairnessMetrics.Compute(yTrue, yPred, groups, options).BootstrapIntervals;
        var other = FairnessMetrics.Compute(yTrue, yPred, groups, new FairnessOptions { BootstrapResamples = 300, Seed = 43 }).BootstrapIntervals;
        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        var value = first.Value;
        Assert.Equal(300, value.Resamples);
        Assert.Equal(42, value.Seed);
        foreach (var interval in new[] { value.DemographicParityDifference, value.DemographicParityRatio, value.EqualizedOddsDifference, value.EqualizedOddsRatio, value.EqualOpportunityDifference, value.EqualOpportunityRatio, value.DisparateImpactRatio })
        {
            Assert.InRange(interval.Lower, 0, 1);
            Assert.InRange(interval.Upper, interval.Lower, 1);
        }

        var report = FairnessMetrics.Compute(yTrue, yPred, groups, NoBootstrap);
        Assert.InRange(report.DemographicParityDifference, value.DemographicParityDifference.Lower - 0.05, value.DemographicParityDifference.Upper + 0.05);
    }

    [Property(MaxTest = 200)]
    public Property DifferencesAndRatios_InUnitInterval_AndPermutationInvariant(bool[] yTrue, bool[] yPred, byte[] labels)
    {
        var n = Math.Min(yTrue.Length, Math.Min(yPred.Length, labels.Length));
        if (n == 0)
        {
            return true.ToProperty();
        }

        var t = yTrue[..n];
        var p = yPred[..n];
        var g = labels[..n].Select(l => "g" + (l % 4)).ToArray();
        var report = FairnessMetrics.Compute(t, p, g, NoBootstrap);
        var measures = new[] { report.DemographicParityDifference, report.DemographicParityRatio, report.EqualizedOddsDifference, report.EqualizedOddsRatio, report.EqualOpportunityDifference, report.EqualOpportunityRatio };
        var inRange = measures.All(m => double.IsNaN(m) || (m >= 0 && m <= 1));
        var reversed = FairnessMetrics.Compute(t.Reverse().ToArray(), p.Reverse().ToArray(), g.Reverse().ToArray(), NoBootstrap);
        var invariant = Same(report.DemographicParityDifference, reversed.DemographicParityDifference)
            && Same(report.EqualizedOddsRatio, reversed.EqualizedOddsRatio)
            && Same(report.DisparateImpactRatio, reversed.DisparateImpactRatio)
            && Same(report.SelectionIndependencePValue, reversed.SelectionIndependencePValue)
            && report.Groups.SequenceEqual(reversed.Groups);
        return (inRange && invariant).ToProperty();
    }

    [Property(MaxTest = 100)]
    public Property IdenticalGroups_GiveDifferenceZeroAndRatioOne(NonEmptyArray<bool> yTrue, NonEmptyArray<bool> yPred)
    {
        var n = Math.Min(yTrue.Get.Length, yPred.Get.Length);
        var t = yTrue.Get[..n];
        var p = yPred.Get[..n];
        var report = FairnessMetrics.Compute([.. t, .. t, .. t], [.. p, .. p, .. p], [.. Enumerable.Repeat("a", n), .. Enumerable.Repeat("b", n), .. Enumerable.Repeat("c", n)], NoBootstrap);
        var ok = report.DemographicParityDifference == 0 && report.DemographicParityRatio == 1
            && report.DisparateImpactRatio == 1 && report.SatisfiesFourFifthsRule
            && (double.IsNaN(report.EqualizedOddsDifference) || report.EqualizedOddsDifference == 0)
            && (double.IsNaN(report.EqualizedOddsRatio) || report.EqualizedOddsRatio == 1)
            && (double.IsNaN(report.EqualOpportunityDifference) || report.EqualOpportunityDifference == 0);
        return ok.ToProperty();
    }

    [Fact]
    public void Intersectional_CombinesColumnsIntoOneKey()
    {
        bool[] yTrue = [true, false, true, false];
        bool[] yPred = [true, false, false, true];
        IReadOnlyList<string>[] columns = [new[] { "f", "f", "m", "m" }, new[] { "young", "old", "young", "young" }];
        var report = FairnessMetrics.Compute(yTrue, yPred, columns, NoBootstrap);
        Assert.Equal(["f & old", "f & young", "m & young"], report.Groups.Keys);
        Assert.Equal(2, report.Groups["m & young"].Count);
    }

    [Fact]
    public void BadInput_NamesTheArgument()
    {
        Assert.Equal("yTrue", Assert.Throws<ArgumentException>(() => FairnessMetrics.Compute([], [], ReadOnlySpan<string>.Empty)).ParamName);
        Assert.Equal("yPred", Assert.Throws<ArgumentException>(() => FairnessMetrics.Compute([true], [true, false], ["a"])).ParamName);
        Assert.Equal("groups", Assert.Throws<ArgumentException>(() => FairnessMetrics.Compute([true, false], [true, false], ["a"])).ParamName);
        var nullLabel = Assert.Throws<ArgumentException>(() => FairnessMetrics.Compute([true, false], [true, false], ["a", null!]));
        Assert.Equal("groups", nullLabel.ParamName);
        Assert.Contains("index 1", nullLabel.Message, StringComparison.Ordinal);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => FairnessMetrics.Compute([true, false], [true, false], ["a", "b"], new FairnessOptions { ReferenceGroup = "zzz" })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => FairnessMetrics.Compute([true], [true], ["a"], new FairnessOptions { MinimumGroupSize = 0 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => FairnessMetrics.Compute([true], [true], ["a"], new FairnessOptions { BootstrapResamples = -1 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => FairnessMetrics.Compute([true], [true], ["a"], new FairnessOptions { ConfidenceLevel = 1 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => FairnessMetrics.Compute([true], [true], ["a"], new FairnessOptions { DisparateImpactThreshold = 1.2 })).ParamName);
        Assert.Equal("sensitiveColumns", Assert.Throws<ArgumentNullException>(() => FairnessMetrics.Compute([true], [true], (IReadOnlyList<IReadOnlyList<string>>)null!)).ParamName);
        Assert.Equal("sensitiveColumns", Assert.Throws<ArgumentException>(() => FairnessMetrics.Compute([true], [true], Array.Empty<IReadOnlyList<string>>())).ParamName);
        Assert.Equal("sensitiveColumns", Assert.Throws<ArgumentException>(() => FairnessMetrics.Compute([true], [true], new IReadOnlyList<string>[] { new[] { "a & b" } })).ParamName);
        Assert.Equal("sensitiveColumns", Assert.Throws<ArgumentException>(() => FairnessMetrics.Compute([true, true], [true, true], new IReadOnlyList<string>[] { new[] { "a" } })).ParamName);
    }

    private static bool Same(double a, double b) => a.Equals(b);

    private static (bool[] YTrue, bool[] YPred, string[] Groups) Sample(int n, int seed)
    {
        var random = new Random(seed);
        var yTrue = new bool[n];
        var yPred = new bool[n];
        var groups = new string[n];
        for (var i = 0; i < n; i++)
        {
            var group = random.Next(3);
            groups[i] = "g" + group;
            yTrue[i] = random.NextDouble() < 0.4;
            yPred[i] = random.NextDouble() < (yTrue[i] ? 0.7 : 0.2) - (0.05 * group);
        }

        return (yTrue, yPred, groups);
    }

    private static void AssertRates(JsonElement expected, GroupRates actual, string context)
    {
        Assert.Equal(expected.GetProperty("count").GetInt64(), actual.Count);
        Assert.Equal(expected.GetProperty("tp").GetInt64(), actual.TruePositives);
        Assert.Equal(expected.GetProperty("fp").GetInt64(), actual.FalsePositives);
        Assert.Equal(expected.GetProperty("fn").GetInt64(), actual.FalseNegatives);
        Assert.Equal(expected.GetProperty("tn").GetInt64(), actual.TrueNegatives);
        Check(expected, "selection_rate", actual.SelectionRate, actual.SelectionRateInterval, context);
        Check(expected, "tpr", actual.TruePositiveRate, actual.TruePositiveRateInterval, context);
        Check(expected, "fpr", actual.FalsePositiveRate, actual.FalsePositiveRateInterval, context);
        Check(expected, "accuracy", actual.Accuracy, actual.AccuracyInterval, context);
        Check(expected, "precision", actual.Precision, actual.PrecisionInterval, context);
    }

    private static void Check(JsonElement expected, string name, double rate, Interval interval, string context)
    {
        Reference.AssertClose(expected.D(name), rate, $"{context} {name}");
        var bounds = expected.Ds(name + "_interval");
        Reference.AssertClose(bounds[0], interval.Lower, $"{context} {name} lower");
        Reference.AssertClose(bounds[1], interval.Upper, $"{context} {name} upper");
    }
}
