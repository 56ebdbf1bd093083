using System.Diagnostics.CodeAnalysis;

namespace AiGovernance.Scorecards;

/// <summary>The weight of each dimension in the overall health score; valid weights lie in [0, 1] and sum to 1.</summary>
/// <param name="Technical">The weight of <see cref="ScorecardDimension.Technical"/>.</param>
/// <param name="Business">The weight of <see cref="ScorecardDimension.Business"/>.</param>
/// <param name="Risk">The weight of <see cref="ScorecardDimension.Risk"/>.</param>
/// <param name="Adoption">The weight of <see cref="ScorecardDimension.Adoption"/>.</param>
/// <remarks><see cref="BalancedScorecard"/> rejects weights that <see cref="IsValid"/> refuses.</remarks>
public readonly record struct DimensionWeights(double Technical, double Business, double Risk, double Adoption)
{
    /// <summary>How far the sum may be from 1, for weights written with a few decimals.</summary>
    public const double SumTolerance = 1e-9;

    /// <summary>The default weights (balanced-scorecard practice, docs/background.md): technical 0.25, business 0.35, risk 0.25, adoption
    /// 0.15.</summary>
    public static DimensionWeights Default { get; } = new(
        ScorecardsDefaults.TechnicalWeight, ScorecardsDefaults.BusinessWeight, ScorecardsDefaults.RiskWeight, ScorecardsDefaults.AdoptionWeight);

    /// <summary>The weight of <paramref name="dimension"/>.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not a defined value.</exception>
    public double this[ScorecardDimension dimension] => dimension switch
    {
        ScorecardDimension.Technical => Technical,
        ScorecardDimension.Business => Business,
        ScorecardDimension.Risk => Risk,
        ScorecardDimension.Adoption => Adoption,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown scorecard dimension."),
    };

    /// <summary>The sum of the four weights.</summary>
    public double Sum => Technical + Business + Risk + Adoption;

    /// <summary>Whether every weight is finite and in [0, 1] and the four sum to 1 within <see cref="SumTolerance"/>.</summary>
    /// <param name="reason">Why the weights are invalid; <see langword="null"/> when they are valid.</param>
    /// <returns><see langword="true"/> when the weights are valid.</returns>
    public bool IsValid([NotNullWhen(false)] out string? reason)
    {
        foreach (var (name, weight) in new[] { ("technical", Technical), ("business", Business), ("risk", Risk), ("adoption", Adoption) })
        {
            if (!(weight is >= 0 and <= 1))
            {
                reason = $"The {name} weight must be in [0, 1]; it is {weight}.";
                return false;
            }
        }

        if (Math.Abs(Sum - 1.0) > SumTolerance)
        {
            reason = $"Dimension weights must sum to 1; technical {Technical} + business {Business} + risk {Risk} + adoption {Adoption} = {Sum}.";
            return false;
        }

        reason = null;
        return true;
    }
}
