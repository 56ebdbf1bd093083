namespace AiGovernance.Scorecards;

/// <summary>The four dimensions in report order, with their tag and display names.</summary>
internal static class ScorecardDimensions
{
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
