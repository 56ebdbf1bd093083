namespace AiGovernance.Scorecards;

/// <summary>The return on an AI investment, from <see cref="RoiCalculator.Calculate(RoiInputs)"/>.</summary>
public readonly record struct RoiResult
{
    /// <summary>The net present value of −development cost at time 0 followed by the annual net benefit in each year,
    /// year t discounted by (1 + rate)^t.</summary>
    public double Npv { get; init; }

    /// <summary>The internal rate of return of the same cash flows; <see langword="null"/> when none exists (when the
    /// annual net benefit is not positive, or there is no development cost to recover).</summary>
    public double? Irr { get; init; }

    /// <summary>(total benefits − total investment) / total investment, undiscounted.</summary>
    public double Roi { get; init; }

    /// <summary>Years until the undiscounted cumulative cash flow turns non-negative, interpolated linearly within that
    /// year; <see langword="null"/> when it does not pay back within the horizon.</summary>
    public double? PaybackPeriodYears { get; init; }

    /// <summary>Years until the discounted cumulative cash flow turns non-negative, interpolated linearly within that
    /// year; <see langword="null"/> when it does not pay back within the horizon.</summary>
    public double? DiscountedPaybackPeriodYears { get; init; }

    /// <summary>Development cost plus annual costs times years.</summary>
    public double TotalInvestment { get; init; }

    /// <summary>Annual benefits (revenue impact plus cost savings) times years.</summary>
    public double TotalBenefits { get; init; }

    /// <summary>Annual benefits minus annual costs.</summary>
    public double AnnualNetBenefit { get; init; }

    /// <summary>The risk-adjusted expected NPV: p·NPV + (1 − p)·(−development cost), where p is
    /// <see cref="RoiInputs.ProbabilityOfSuccess"/> and failure means the development cost is spent and the system is
    /// abandoned before it runs (no annual costs, no benefits).</summary>
    public double ExpectedNpv { get; init; }
}
