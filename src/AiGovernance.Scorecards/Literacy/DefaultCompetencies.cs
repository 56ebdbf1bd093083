namespace AiGovernance.Scorecards.Literacy;

/// <summary>The competencies each default role is assessed on (<see cref="AiLiteracyAssessment.Default"/>).</summary>
internal static class DefaultCompetencies
{
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
