namespace AiGovernance.Gates.Law;

/// <summary>A later date of application for systems or models already placed on the market before a cut-off date, for
/// example Art. 111(3): general-purpose AI models placed on the market before 2 August 2025 comply by 2 August 2027.</summary>
/// <param name="PlacedOnMarketBefore">The cut-off: the later date applies to what was placed on the market before it.</param>
/// <param name="AppliesFrom">The later date of application.</param>
/// <param name="Citation">The provision granting it, for example <c>EU AI Act Art. 111(3)</c>.</param>
/// <remarks>Applied only when the placing-on-the-market date is known; an unknown date gets the earlier, general date
/// (fail closed).</remarks>
public sealed record TransitionalApplication(DateOnly PlacedOnMarketBefore, DateOnly AppliesFrom, string Citation);
