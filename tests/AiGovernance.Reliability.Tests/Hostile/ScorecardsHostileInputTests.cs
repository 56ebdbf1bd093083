using System.Text.Json;
using AiGovernance.Scorecards;
using FsCheck;
using FsCheck.Fluent;
using static AiGovernance.Reliability.Tests.Hostile.HostileValues;

namespace AiGovernance.Reliability.Tests.Hostile;

/// <summary>AiGovernance.Scorecards entry points under hostile cash flows, ROI inputs, metric bounds and report JSON.</summary>
public class ScorecardsHostileInputTests
{
    [Fact]
    public void CashFlows_OnHostileFlows_GiveFiniteNpvAndIrrOrReject() =>
        HostileProperty.Run(
            from flows in Samples(60)
            from rate in Scalars()
            select (flows, rate),
            HostileProperty.Cases(600),
            input => HostileCall.Check("CashFlows.NetPresentValue/InternalRateOfReturn", () =>
                    (CashFlows.NetPresentValue(input.rate, input.flows), CashFlows.InternalRateOfReturn(input.flows)),
                r => (!AllWithin(input.flows, 1e300) || input.rate < -0.5 || double.IsFinite(r.Item1)) && (r.Item2 is null || r.Item2 > -1)));

    [Fact]
    public void RoiCalculator_OnHostileInputs_CalculatesOrRejects() =>
        HostileProperty.Run(
            from development in Scalars().Select(v => v * 1e6)
            from infrastructure in Scalars().Select(v => v * 1e5)
            from revenue in Scalars().Select(v => v * 1e6)
            from years in Gen.Elements(-1, 0, 1, 5, 200, 201, int.MaxValue)
            from rate in Scalars()
            from probability in Scalars()
            select new RoiInputs
            {
                DevelopmentCost = development, AnnualInfrastructureCost = infrastructure, AnnualRevenueImpact = revenue, Years = years,
                DiscountRate = rate, ProbabilityOfSuccess = probability,
            },
            HostileProperty.Cases(600),
            inputs => HostileCall.Check("RoiCalculator.Calculate/Sensitivity", () => (RoiCalculator.Calculate(inputs), RoiCalculator.Sensitivity(inputs)),
                r => !double.IsNaN(r.Item1.Npv) && !double.IsNaN(r.Item1.Roi) && r.Item2 is not null));

    [Fact]
    public void ScorecardMetric_OnHostileBoundsAndValues_NormalizesIntoUnitIntervalOrRejects() =>
        HostileProperty.Run(
            from floor in Scalars()
            from target in Scalars()
            from value in Scalars()
            from dimension in Gen.Choose(-1, 4).Select(i => (ScorecardDimension)i)
            from direction in Gen.Choose(-1, 2).Select(i => (MetricDirection)i)
            select (floor, target, value, dimension, direction),
            HostileProperty.Cases(1000),
            input => HostileCall.Check("ScorecardMetric.Normalize", () => new ScorecardMetric("m", input.dimension, input.direction, input.floor, input.target).Normalize(input.value),
                score => IsProbability(score)));

    [Fact]
    public void ScorecardMetric_BoundsWhoseSpanOverflows_NormalizeExactly()
    {
        // Defect D6 (fixed): target − floor overflowed to −∞ and value − floor to −∞, so ∞/∞ = NaN. The halved terms give
        // (−1e308 − 1e308)/(−MaxValue − 1e308) = 2/(1 + 1.7976931348623157) ≈ 0.714875.
        var metric = new ScorecardMetric("m", ScorecardDimension.Risk, MetricDirection.LowerIsBetter, 1e308, -double.MaxValue);
        Assert.Equal(2 / (1 + (double.MaxValue / 1e308)), metric.Normalize(-1e308), 1e-15);
        Assert.Equal(1.0, metric.Normalize(-double.MaxValue));
        Assert.Equal(0.0, metric.Normalize(double.MaxValue));
        var wide = new ScorecardMetric("w", ScorecardDimension.Business, MetricDirection.HigherIsBetter, -double.MaxValue, double.MaxValue);
        Assert.Equal(0.5, wide.Normalize(0), 1e-15);
        Assert.Equal(0.75, wide.Normalize(double.MaxValue / 2), 1e-15);
    }

    [Fact]
    public void ScorecardReport_FromHostileJson_ParsesOrRejectsWithJsonException()
    {
        string[] palette = ["", "{", "null", "[]", "{}", "{\"systemName\":null}", "{\"overall\":1e999}", new string('{', 3000), "{\"dimensions\":[{}]}", "\"\\uD800\""];
        HostileProperty.Run(Gen.Elements(palette), HostileProperty.Cases(200), json =>
            HostileCall.Check("ScorecardReport.FromJson", () => ScorecardReport.FromJson(json), r => r is not null, alsoDocumented: typeof(JsonException)));
    }
}
