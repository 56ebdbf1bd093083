using System.Runtime.CompilerServices;
using AiGovernance.Statistics;

namespace AiGovernance.Scorecards;

/// <summary>Return on investment of an AI system: NPV, IRR, ROI, payback, a risk-adjusted expected NPV and the NPV's
/// sensitivity to benefits and costs.</summary>
/// <remarks>
/// <para>Cash flows: −<see cref="RoiInputs.DevelopmentCost"/> at time 0, then the annual net benefit (revenue impact +
/// cost savings − infrastructure − operational cost) at the end of each year 1..<see cref="RoiInputs.Years"/>.</para>
/// </remarks>
public static class RoiCalculator
{
    /// <summary>Computes NPV, IRR, ROI and payback for <paramref name="inputs"/>.</summary>
    /// <param name="inputs">The investment.</param>
    /// <returns>The figures; see <see cref="RoiResult"/> for each definition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative or not finite, <see cref="RoiInputs.Years"/> is
    /// outside 1..200, the discount rate is not greater than −1, or the probability of success is outside [0, 1].</exception>
    /// <exception cref="ArgumentException">The total investment is zero, so the ROI is undefined.</exception>
    public static RoiResult Calculate(RoiInputs inputs)
    {
        Guard(inputs);
        Span<double> flows = stackalloc double[inputs.Years + 1];
        var net = FillFlows(inputs, 1.0, 1.0, flows);
        var npv = CashFlows.NetPresentValue(inputs.DiscountRate, flows);
        var totalInvestment = inputs.DevelopmentCost + (inputs.AnnualCosts * inputs.Years);
        var totalBenefits = inputs.AnnualBenefits * inputs.Years;
        var p = inputs.ProbabilityOfSuccess;
        return new RoiResult
        {
            Npv = npv,
            Irr = CashFlows.InternalRateOfReturn(flows),
            Roi = (totalBenefits - totalInvestment) / totalInvestment,
            PaybackPeriodYears = Payback(flows, 1.0),
            DiscountedPaybackPeriodYears = Payback(flows, 1.0 / (1.0 + inputs.DiscountRate)),
            TotalInvestment = totalInvestment,
            TotalBenefits = totalBenefits,
            AnnualNetBenefit = net,
            ExpectedNpv = (p * npv) - ((1.0 - p) * inputs.DevelopmentCost),
        };
    }

    /// <summary>The NPV under −20 %, −10 %, 0, +10 % and +20 % changes to benefits and to costs.</summary>
    /// <param name="inputs">The investment.</param>
    /// <returns>A 5 × 5 table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An input is out of range, as for <see cref="Calculate(RoiInputs)"/>.</exception>
    /// <exception cref="ArgumentException">The total investment is zero.</exception>
    public static NpvSensitivityTable Sensitivity(RoiInputs inputs) => Sensitivity(inputs, ScorecardsDefaults.SensitivityChanges);

    /// <summary>The NPV under each combination of relative changes to benefits and costs.</summary>
    /// <param name="inputs">The investment.</param>
    /// <param name="changes">Relative changes, each finite and greater than −1 (−0.1 for −10 %); applied to benefits
    /// (rows) and costs (columns).</param>
    /// <returns>A table with one row and one column per change.</returns>
    /// <remarks>O(k²·years) for k changes.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An input is out of range, as for <see cref="Calculate(RoiInputs)"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="changes"/> is empty or holds a value that is not finite or not
    /// greater than −1; or the total investment is zero.</exception>
    public static NpvSensitivityTable Sensitivity(RoiInputs inputs, ReadOnlySpan<double> changes)
    {
        Guard(inputs);
        if (changes.IsEmpty)
        {
            throw new ArgumentException("At least one change is required.", nameof(changes));
        }

        for (var i = 0; i < changes.Length; i++)
        {
            if (!double.IsFinite(changes[i]) || changes[i] <= -1)
            {
                throw new ArgumentException($"Changes must be finite and greater than -1; changes[{i}] is {changes[i]}.", nameof(changes));
            }
        }

        var k = changes.Length;
        var npv = new double[k * k];
        Span<double> flows = stackalloc double[inputs.Years + 1];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                FillFlows(inputs, 1.0 + changes[i], 1.0 + changes[j], flows);
                npv[(i * k) + j] = CashFlows.NetPresentValue(inputs.DiscountRate, flows);
            }
        }

        FillFlows(inputs, 1.0, 1.0, flows);
        return new NpvSensitivityTable(changes.ToArray(), npv, CashFlows.NetPresentValue(inputs.DiscountRate, flows));
    }

    private static double FillFlows(RoiInputs inputs, double benefitFactor, double costFactor, Span<double> flows)
    {
        var net = (inputs.AnnualBenefits * benefitFactor) - (inputs.AnnualCosts * costFactor);
        flows[0] = -inputs.DevelopmentCost * costFactor;
        flows[1..].Fill(net);
        return net;
    }

    /// <summary>The first time the cumulative (discounted by <paramref name="discountFactor"/> per year) cash flow is
    /// non-negative, interpolated linearly within the year in which it turns.</summary>
    private static double? Payback(ReadOnlySpan<double> flows, double discountFactor)
    {
        var cumulative = flows[0];
        if (cumulative >= 0)
        {
            return 0.0;
        }

        var factor = 1.0;
        for (var t = 1; t < flows.Length; t++)
        {
            factor *= discountFactor;
            var flow = flows[t] * factor;
            var next = cumulative + flow;
            if (next >= 0)
            {
                return t - 1 + (-cumulative / flow);
            }

            cumulative = next;
        }

        return null;
    }

    private static void Guard(RoiInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        GuardAmount(inputs.DevelopmentCost);
        GuardAmount(inputs.AnnualInfrastructureCost);
        GuardAmount(inputs.AnnualOperationalCost);
        GuardAmount(inputs.AnnualRevenueImpact);
        GuardAmount(inputs.AnnualCostSavings);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs.Years, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inputs.Years, ScorecardsDefaults.MaxYears);
        if (!double.IsFinite(inputs.DiscountRate) || inputs.DiscountRate <= -1)
        {
            throw new ArgumentOutOfRangeException(
                "inputs.DiscountRate", inputs.DiscountRate, "The discount rate must be finite and greater than -1.");
        }

        if (!(inputs.ProbabilityOfSuccess is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException("inputs.ProbabilityOfSuccess", inputs.ProbabilityOfSuccess,
                "The probability of success must be in [0, 1].");
        }

        if (inputs.DevelopmentCost + (inputs.AnnualCosts * inputs.Years) <= 0)
        {
            throw new ArgumentException("The total investment is zero, so the ROI is undefined; enter the development or annual costs.",
                nameof(inputs));
        }
    }

    private static void GuardAmount(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Amounts must be finite and non-negative.");
        }
    }
}
