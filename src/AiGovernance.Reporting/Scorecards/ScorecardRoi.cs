using AiGovernance.Scorecards;

namespace AiGovernance.Reporting.Scorecards;

/// <summary>The return on investment: NPV, IRR, ROI, payback, and the NPV's sensitivity to benefits and costs.</summary>
public sealed class ScorecardRoi
{
    /// <summary>The net present value.</summary>
    public double Npv { get; init; }

    /// <summary>The internal rate of return.</summary>
    public double? Irr { get; init; }

    /// <summary>Total benefits over total investment, minus one.</summary>
    public double Roi { get; init; }

    /// <summary>Years until the cumulative net cash flow turns positive.</summary>
    public double? PaybackYears { get; init; }

    /// <summary>Years until the discounted cumulative net cash flow turns positive.</summary>
    public double? DiscountedPaybackYears { get; init; }

    /// <summary>Development plus running costs over the horizon.</summary>
    public double TotalInvestment { get; init; }

    /// <summary>Benefits over the horizon.</summary>
    public double TotalBenefits { get; init; }

    /// <summary>Benefits minus running costs per year.</summary>
    public double AnnualNetBenefit { get; init; }

    /// <summary>The NPV weighted by the probability of success.</summary>
    public double ExpectedNpv { get; init; }

    /// <summary>The horizon in years.</summary>
    public int Years { get; init; }

    /// <summary>The discount rate.</summary>
    public double DiscountRate { get; init; }

    /// <summary>The relative changes of the sensitivity table (for example −0.2 … +0.2).</summary>
    public IReadOnlyList<double> SensitivityChanges { get; init; } = [];

    /// <summary>The NPV per benefit change (rows) and cost change (columns).</summary>
    public IReadOnlyList<IReadOnlyList<double>> SensitivityNpv { get; init; } = [];

    /// <summary>Why each <see langword="null"/> value is undefined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes an ROI calculation and, optionally, its sensitivity table.</summary>
    /// <param name="inputs">The inputs.</param>
    /// <param name="result">The result.</param>
    /// <param name="sensitivity">The sensitivity table, or <see langword="null"/>.</param>
    /// <returns>The ROI part of the report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public static ScorecardRoi From(RoiInputs inputs, RoiResult result, NpvSensitivityTable? sensitivity = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var r = new Json.NullReasons();
        var changes = sensitivity?.Changes ?? [];
        return new ScorecardRoi
        {
            Npv = result.Npv,
            Irr = r.Value(result.Irr, "irr", "no rate makes the NPV zero (the cash flows never change sign)"),
            Roi = result.Roi,
            PaybackYears = r.Value(result.PaybackPeriodYears, "paybackYears", "the investment is not paid back within the horizon"),
            DiscountedPaybackYears = r.Value(result.DiscountedPaybackPeriodYears, "discountedPaybackYears",
                "the investment is not paid back within the horizon once discounted"),
            TotalInvestment = result.TotalInvestment,
            TotalBenefits = result.TotalBenefits,
            AnnualNetBenefit = result.AnnualNetBenefit,
            ExpectedNpv = result.ExpectedNpv,
            Years = inputs.Years,
            DiscountRate = inputs.DiscountRate,
            SensitivityChanges = changes,
            SensitivityNpv = sensitivity is null ? [] : [.. changes.Select((_, b) => (IReadOnlyList<double>)[.. changes.Select((_,
                c) => sensitivity.Npv(b, c))])],
            NullReasons = r.Result,
        };
    }
}
