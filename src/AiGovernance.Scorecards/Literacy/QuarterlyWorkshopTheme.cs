namespace AiGovernance.Scorecards.Literacy;

/// <summary>The theme of one quarter's cross-functional workshop.</summary>
/// <param name="Quarter">The quarter, 1 to 4.</param>
/// <param name="Topic">The theme.</param>
public readonly record struct QuarterlyWorkshopTheme(int Quarter, string Topic);
