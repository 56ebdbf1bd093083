using AiGovernance.Statistics;
using static AiGovernance.Reliability.Tests.Hostile.HostileValues;

namespace AiGovernance.Reliability.Tests.Hostile;

/// <summary>Inputs of 10⁶ values (sorted, reverse-sorted, one value repeated, ±1e308 extremes) through the span
/// functions a nightly drift job calls; each call is time-boxed like the generated cases.</summary>
public class LargeInputTests
{
    public static TheoryData<string> Shapes => ["sorted", "reverse", "duplicates", "extremes"];

    private static double[] Large(string shape, int seed)
    {
        var n = 1_000_000;
        return shape switch
        {
            "sorted" => Build(SampleShape.Sorted, seed, n),
            "reverse" => Build(SampleShape.ReverseSorted, seed, n),
            "duplicates" => Enumerable.Repeat(0.25, n).ToArray(),
            _ => Build(SampleShape.Extreme, seed, n),
        };
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MillionValueSamples_ThroughTheDriftFunctions_FinishAndStayInRange(string shape)
    {
        var x = Large(shape, 1);
        var y = Large(shape, 2);
        var finiteSums = shape != "extremes";
        var defects = new List<string?>
        {
            HostileCall.Check("SortedSample.Create", () => SortedSample.Create(x), s => s.Count == x.Length, inputIsValid: true),
            HostileCall.Check("MannWhitney.Test", () => MannWhitney.Test(x, y), r => IsProbability(r.PValue), inputIsValid: true),
            HostileCall.Check("KolmogorovSmirnov.TwoSample", () => KolmogorovSmirnov.TwoSample(x, y), r => r.Statistic is >= 0 and <= 1 && IsProbability(r.PValue), inputIsValid: true),
            HostileCall.Check("LinearTrend.Fit(y)", () => LinearTrend.Fit(y), r => !finiteSums || double.IsFinite(r.Slope), inputIsValid: true),
            HostileCall.Check("PopulationStabilityIndex.Analyze", () => PopulationStabilityIndex.Analyze(x, y), r => r.Value >= 0, inputIsValid: true),
            HostileCall.Check("Wasserstein.Distance/NormalizedDistance", () => Wasserstein.Distance(x, y), d => d >= 0, inputIsValid: true),
            HostileCall.Check("ChiSquared.GoodnessOfFit(o)", () => ChiSquared.GoodnessOfFit(x.Select(Math.Abs).ToArray()), r => !finiteSums || IsProbability(r.PValue),
                inputIsValid: x.Any(v => v != 0)),
            HostileCall.Check("MultipleTesting.Adjust", () => MultipleTesting.Adjust(x.Select(v => Math.Abs(v) % 1).ToArray(), MultipleTestingMethod.Holm),
                a => a.Length == x.Length, inputIsValid: true),
        };
        if (shape != "extremes")
        {
            // 10⁵ × 10⁵ = 10¹⁰ pairwise differences: the selection algorithm must not enumerate them.
            defects.Add(HostileCall.Check("MannWhitney.HodgesLehmann", () => MannWhitney.HodgesLehmann(x.AsSpan(0, 100_000), y.AsSpan(0, 100_000)),
                r => r.Lower <= r.Estimate && r.Estimate <= r.Upper, inputIsValid: true));
        }

        Assert.All(defects, d => Assert.Null(d));
    }
}
