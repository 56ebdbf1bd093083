namespace AiGovernance.Scorecards;

/// <summary>The defaults and limits of the Scorecards options and calculators, in one place; each option states its default
/// with a <c>&lt;value&gt;</c> line, and docs/background.md says where each number comes from.</summary>
internal static class ScorecardsDefaults
{
    /// <summary>The technical-performance dimension weighs a quarter.</summary>
    public const double TechnicalWeight = 0.25;

    /// <summary>The business-impact dimension weighs 35 %.</summary>
    public const double BusinessWeight = 0.35;

    /// <summary>The risk-and-compliance dimension weighs a quarter.</summary>
    public const double RiskWeight = 0.25;

    /// <summary>The adoption-and-trust dimension weighs 15 %.</summary>
    public const double AdoptionWeight = 0.15;

    /// <summary>Dimensions and metrics scoring below 0.6 are weaknesses.</summary>
    public const double WeaknessThreshold = 0.6;

    /// <summary>An individual scoring below 0.7 needs training.</summary>
    public const double NeedsTrainingThreshold = 0.7;

    /// <summary>A competency averaging below 0.6 is a priority training topic.</summary>
    public const double PriorityTrainingThreshold = 0.6;

    /// <summary>An ROI case runs three years.</summary>
    public const int Years = 3;

    /// <summary>The longest ROI horizon accepted.</summary>
    public const int MaxYears = 200;

    /// <summary>Cash flows are discounted at 10 % a year.</summary>
    public const double DiscountRate = 0.10;

    /// <summary>Benefits are counted in full unless a probability of success is given.</summary>
    public const double ProbabilityOfSuccess = 1.0;

    /// <summary>The sensitivity table varies benefits and costs by −20 %, −10 %, 0, +10 %, +20 %.</summary>
    public static readonly double[] SensitivityChanges = [-0.20, -0.10, 0.0, 0.10, 0.20];
}
