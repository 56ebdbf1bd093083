namespace AiGovernance.Scorecards;

/// <summary>What an AI investment costs and returns, for <see cref="RoiCalculator.Calculate(RoiInputs)"/>.</summary>
/// <remarks>Amounts are in one currency and non-negative; annual amounts recur in each of <see cref="Years"/> years.</remarks>
public sealed record RoiInputs
{
    /// <summary>The one-off development cost, spent at time 0.</summary>
    public double DevelopmentCost { get; init; }

    /// <summary>The yearly infrastructure cost (compute, storage, licences).</summary>
    public double AnnualInfrastructureCost { get; init; }

    /// <summary>The yearly operational cost (monitoring, retraining, support, oversight staff).</summary>
    public double AnnualOperationalCost { get; init; }

    /// <summary>The yearly revenue the system adds.</summary>
    public double AnnualRevenueImpact { get; init; }

    /// <summary>The yearly cost the system saves.</summary>
    public double AnnualCostSavings { get; init; }

    /// <summary>The horizon in years (1 to 200).</summary>
    /// <value>The default value is 3.</value>
    public int Years { get; init; } = ScorecardsDefaults.Years;

    /// <summary>The yearly discount rate, greater than −1 (0.10 for 10 %).</summary>
    /// <value>The default value is 0.10.</value>
    public double DiscountRate { get; init; } = ScorecardsDefaults.DiscountRate;

    /// <summary>The probability in [0, 1] that the system reaches production and delivers the planned benefits, for
    /// <see cref="RoiResult.ExpectedNpv"/>.</summary>
    /// <value>The default value is 1 (the plan is taken as certain, so the expected NPV equals the NPV).</value>
    public double ProbabilityOfSuccess { get; init; } = ScorecardsDefaults.ProbabilityOfSuccess;

    /// <summary>Revenue impact plus cost savings per year.</summary>
    public double AnnualBenefits => AnnualRevenueImpact + AnnualCostSavings;

    /// <summary>Infrastructure plus operational cost per year.</summary>
    public double AnnualCosts => AnnualInfrastructureCost + AnnualOperationalCost;
}
