namespace AiGovernance.Scorecards;

/// <summary>The seed's scorecard defaults.</summary>
internal static class ScorecardDefaults
{
    public const double TechnicalWeight = 0.25;
    public const double BusinessWeight = 0.35;
    public const double RiskWeight = 0.25;
    public const double AdoptionWeight = 0.15;
    public const double WeaknessThreshold = 0.6;

    /// <summary>The dimensions in report order.</summary>
    public static readonly ScorecardDimension[] Dimensions =
        [ScorecardDimension.Technical, ScorecardDimension.Business, ScorecardDimension.Risk, ScorecardDimension.Adoption];

    public static string TagName(ScorecardDimension dimension) => dimension switch
    {
        ScorecardDimension.Technical => "technical",
        ScorecardDimension.Business => "business",
        ScorecardDimension.Risk => "risk",
        ScorecardDimension.Adoption => "adoption",
        _ => "unknown",
    };

    public static string DisplayName(ScorecardDimension dimension) => dimension switch
    {
        ScorecardDimension.Technical => "Technical performance",
        ScorecardDimension.Business => "Business impact",
        ScorecardDimension.Risk => "Risk & compliance",
        ScorecardDimension.Adoption => "Adoption & trust",
        _ => dimension.ToString(),
    };
}
