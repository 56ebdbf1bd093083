namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>One stored oversight report of the post-market period: how often people overrode the AI, and the warnings raised
/// (the measured effectiveness of human oversight, Article 14).</summary>
/// <param name="At">When the report was made.</param>
/// <param name="ReportId">The stored report.</param>
/// <param name="ReviewCount">Reviews analysed, when recorded.</param>
/// <param name="OverrideRate">Overrides out of reviews, when recorded.</param>
/// <param name="Warnings">The warnings raised (kind: message; untrusted text, escaped wherever rendered).</param>
public sealed record PostMarketOversightFinding(DateTimeOffset At, long ReportId, double? ReviewCount, double? OverrideRate,
    IReadOnlyList<string> Warnings);
