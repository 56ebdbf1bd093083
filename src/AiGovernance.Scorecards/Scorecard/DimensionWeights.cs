namespace AiGovernance.Scorecards;

/// <summary>The weight of each dimension in the overall health score; valid weights lie in [0, 1] and sum to 1.</summary>
/// <param name="Technical">The weight of <see cref="ScorecardDimension.Technical"/>.</param>
/// <param name="Business">The weight of <see cref="ScorecardDimension.Business"/>.</param>
/// <param name="Risk">The weight of <see cref="ScorecardDimension.Risk"/>.</param>
/// <param name="Adoption">The weight of <see cref="ScorecardDimension.Adoption"/>.</param>
/// <remarks><see cref="BalancedScorecard"/> and <c>AddScorecards</c> check weights with the same validators as
/// <see cref="ScorecardsOptions"/>: each weight in [0, 1] (<c>[Range]</c>), the four summing to 1 within
/// <see cref="SumTolerance"/>.</remarks>
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
}
