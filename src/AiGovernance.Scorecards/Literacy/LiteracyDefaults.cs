namespace AiGovernance.Scorecards.Literacy;

/// <summary>The seed's literacy defaults: role competencies, thresholds and the cross-functional workshop curriculum.</summary>
internal static class LiteracyDefaults
{
    public const double NeedsTrainingThreshold = 0.7;
    public const double PriorityTrainingThreshold = 0.6;

    public static Dictionary<string, string[]> RoleCompetencies() => new(StringComparer.OrdinalIgnoreCase)
    {
        [LiteracyRoles.Executive] =
        [
            "Understand strategic AI risks",
            "Interpret AI business cases",
            "Evaluate AI vendor claims",
            "Oversee AI governance",
        ],
        [LiteracyRoles.Manager] =
        [
            "Identify appropriate AI use cases",
            "Set realistic AI expectations",
            "Manage AI-augmented teams",
            "Escalate AI concerns appropriately",
        ],
        [LiteracyRoles.Technical] =
        [
            "Understand governance requirements",
            "Implement fairness constraints",
            "Document model limitations",
            "Conduct bias testing",
        ],
        [LiteracyRoles.LegalCompliance] =
        [
            "Map AI to regulatory requirements",
            "Assess AI legal risks",
            "Draft AI-specific contract terms",
            "Conduct AI compliance audits",
        ],
    };
}
