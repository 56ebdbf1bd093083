using System.Text.Json;

namespace AiGovernance.Scorecards.Tests.Roi;

public class RoiCalculatorTests
{
    public static TheoryData<string> RoiCases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Reference.Load("roi_reference.json").GetProperty("roi").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    private static JsonElement RoiCase(string name)
    {
        foreach (var c in Reference.Load("roi_reference.json").GetProperty("roi").EnumerateArray())
        {
            if (c.GetProperty("name").GetString() == name)
            {
                return c;
            }
        }

        throw new InvalidOperationException(name);
    }

    private static RoiInputs Inputs(JsonElement c)
    {
        var i = c.GetProperty("inputs");
        return new RoiInputs
        {
            DevelopmentCost = i.GetProperty("developmentCost").GetDouble(),
            AnnualInfrastructureCost = i.GetProperty("annualInfrastructureCost").GetDouble(),
            AnnualOperationalCost = i.GetProperty("annualOperationalCost").GetDouble(),
            AnnualRevenueImpact = i.GetProperty("annualRevenueImpact").GetDouble(),
            AnnualCostSavings = i.GetProperty("annualCostSavings").GetDouble(),
            Years = i.GetProperty("years").GetInt32(),
            DiscountRate = i.GetProperty("discountRate").GetDouble(),
            ProbabilityOfSuccess = i.GetProperty("probabilityOfSuccess").GetDouble(),
        };
    }

    private static void AssertOptional(JsonElement expected, double? actual, string context)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual is null, $"{context}: expected none, got {actual}");
        }
        else
        {
            Assert.True(actual is not null, $"{context}: expected {expected}, got none");
            Reference.AssertClose(expected.GetDouble(), actual.Value, context);
        }
    }

    [Theory]
    [MemberData(nameof(RoiCases))]
    public void Calculate_MatchesIndependentComputation(string name)
    {
        var c = RoiCase(name);
        var result = RoiCalculator.Calculate(Inputs(c));

        Reference.AssertClose(c.GetProperty("npv").GetDouble(), result.Npv, $"{name} NPV");
        Reference.AssertClose(c.GetProperty("roi").GetDouble(), result.Roi, $"{name} ROI");
        Reference.AssertClose(c.GetProperty("totalInvestment").GetDouble(), result.TotalInvestment, $"{name} total investment");
        Reference.AssertClose(c.GetProperty("totalBenefits").GetDouble(), result.TotalBenefits, $"{name} total benefits");
        Reference.AssertClose(c.GetProperty("annualNetBenefit").GetDouble(), result.AnnualNetBenefit, $"{name} annual net");
        Reference.AssertClose(c.GetProperty("expectedNpv").GetDouble(), result.ExpectedNpv, $"{name} expected NPV");
        AssertOptional(c.GetProperty("irr"), result.Irr, $"{name} IRR");
        AssertOptional(c.GetProperty("payback"), result.PaybackPeriodYears, $"{name} payback");
        AssertOptional(c.GetProperty("discountedPayback"), result.DiscountedPaybackPeriodYears, $"{name} discounted payback");
    }

    [Fact]
    public void Calculate_WorkedExample_ByHand()
    {
        // Flows -500k, +350k, +350k, +350k at 10 %: the seed-style example.
        var result = RoiCalculator.Calculate(new RoiInputs
        {
            DevelopmentCost = 500_000,
            AnnualInfrastructureCost = 120_000,
            AnnualOperationalCost = 80_000,
            AnnualRevenueImpact = 300_000,
            AnnualCostSavings = 250_000,
        });

        Assert.Equal(350_000, result.AnnualNetBenefit);
        Assert.Equal(1_100_000, result.TotalInvestment);
        Assert.Equal(1_650_000, result.TotalBenefits);
        Assert.Equal(0.5, result.Roi, 12);
        Assert.Equal(-500_000 + (350_000 / 1.1) + (350_000 / 1.21) + (350_000 / 1.331), result.Npv, 6);
        Assert.Equal(1 + (150_000.0 / 350_000), result.PaybackPeriodYears!.Value, 12);
        Assert.Equal(result.Npv, result.ExpectedNpv);
    }

    [Fact]
    public void Calculate_AllNegativeFlows_HasNoIrrAndNoPayback()
    {
        var result = RoiCalculator.Calculate(new RoiInputs
        {
            DevelopmentCost = 100,
            AnnualInfrastructureCost = 50,
            AnnualRevenueImpact = 10,
        });

        Assert.Null(result.Irr);
        Assert.Null(result.PaybackPeriodYears);
        Assert.Null(result.DiscountedPaybackPeriodYears);
        Assert.True(result.Npv < 0);
    }

    [Fact]
    public void Calculate_NoDevelopmentCost_PaysBackImmediately()
    {
        var result = RoiCalculator.Calculate(new RoiInputs { AnnualOperationalCost = 10, AnnualCostSavings = 20 });
        Assert.Equal(0.0, result.PaybackPeriodYears);
        Assert.Null(result.Irr);
    }

    [Fact]
    public void Calculate_ProbabilityOfSuccess_WeighsTheAbandonedProject()
    {
        var inputs = new RoiInputs { DevelopmentCost = 1000, AnnualRevenueImpact = 600, ProbabilityOfSuccess = 0.25 };
        var certain = RoiCalculator.Calculate(inputs with { ProbabilityOfSuccess = 1 });
        var risky = RoiCalculator.Calculate(inputs);

        Assert.Equal(certain.Npv, risky.Npv);
        Assert.Equal((0.25 * certain.Npv) - (0.75 * 1000), risky.ExpectedNpv, 9);
    }

    [Fact]
    public void Calculate_Defaults_AreThreeYearsAtTenPercent()
    {
        var inputs = new RoiInputs();
        Assert.Equal(3, inputs.Years);
        Assert.Equal(0.10, inputs.DiscountRate);
        Assert.Equal(1.0, inputs.ProbabilityOfSuccess);
    }

    [Fact]
    public void Calculate_BadInputs_NameTheProperty()
    {
        var valid = new RoiInputs { DevelopmentCost = 100, AnnualRevenueImpact = 50 };
        Assert.Equal("inputs.DevelopmentCost",
            Assert.Throws<ArgumentOutOfRangeException>(() => RoiCalculator.Calculate(valid with { DevelopmentCost = -1 })).ParamName);
        Assert.Equal("inputs.AnnualCostSavings",
            Assert.Throws<ArgumentOutOfRangeException>(() => RoiCalculator.Calculate(valid with { AnnualCostSavings = double.NaN })).ParamName);
        Assert.Equal("inputs.Years",
            Assert.Throws<ArgumentOutOfRangeException>(() => RoiCalculator.Calculate(valid with { Years = 0 })).ParamName);
        Assert.Equal("inputs.DiscountRate",
            Assert.Throws<ArgumentOutOfRangeException>(() => RoiCalculator.Calculate(valid with { DiscountRate = -1 })).ParamName);
        Assert.Equal("inputs.ProbabilityOfSuccess",
            Assert.Throws<ArgumentOutOfRangeException>(() => RoiCalculator.Calculate(valid with { ProbabilityOfSuccess = 1.5 })).ParamName);
        Assert.Equal("inputs",
            Assert.Throws<ArgumentException>(() => RoiCalculator.Calculate(new RoiInputs { AnnualRevenueImpact = 5 })).ParamName);
        Assert.Throws<ArgumentNullException>(() => RoiCalculator.Calculate(null!));
    }

    [Fact]
    public void Sensitivity_DefaultGrid_MatchesRecomputedNpv()
    {
        var inputs = new RoiInputs
        {
            DevelopmentCost = 500_000,
            AnnualInfrastructureCost = 120_000,
            AnnualOperationalCost = 80_000,
            AnnualRevenueImpact = 300_000,
            AnnualCostSavings = 250_000,
        };
        var table = RoiCalculator.Sensitivity(inputs);

        Assert.Equal([-0.2, -0.1, 0, 0.1, 0.2], table.Changes);
        Assert.Equal(RoiCalculator.Calculate(inputs).Npv, table.BaseNpv);
        Assert.Equal(table.BaseNpv, table.Npv(2, 2), 9);
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                var b = 1 + table.Changes[i];
                var k = 1 + table.Changes[j];
                var changed = inputs with
                {
                    DevelopmentCost = inputs.DevelopmentCost * k,
                    AnnualInfrastructureCost = inputs.AnnualInfrastructureCost * k,
                    AnnualOperationalCost = inputs.AnnualOperationalCost * k,
                    AnnualRevenueImpact = inputs.AnnualRevenueImpact * b,
                    AnnualCostSavings = inputs.AnnualCostSavings * b,
                };
                Reference.AssertClose(RoiCalculator.Calculate(changed).Npv, table.Npv(i, j), $"cell {i},{j}");
            }
        }

        // More benefit raises the NPV; more cost lowers it.
        Assert.True(table.Npv(4, 2) > table.BaseNpv && table.Npv(0, 2) < table.BaseNpv);
        Assert.True(table.Npv(2, 4) < table.BaseNpv && table.Npv(2, 0) > table.BaseNpv);
        var markdown = table.ToMarkdown();
        Assert.StartsWith("| Benefits \\ Costs | -20 % | -10 % | 0 % | +10 % | +20 % |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_BadChange_NamesChanges()
    {
        var inputs = new RoiInputs { DevelopmentCost = 1, AnnualRevenueImpact = 1 };
        Assert.Equal("changes", Assert.Throws<ArgumentException>(() => RoiCalculator.Sensitivity(inputs, [0.1, -1.0])).ParamName);
        Assert.Equal("changes", Assert.Throws<ArgumentException>(() => RoiCalculator.Sensitivity(inputs, [])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => RoiCalculator.Sensitivity(inputs).Npv(5, 0));
    }
}
