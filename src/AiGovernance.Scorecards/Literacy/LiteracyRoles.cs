namespace AiGovernance.Scorecards.Literacy;

/// <summary>The names of the four default roles in <see cref="AiLiteracyAssessment.Default"/>.</summary>
public static class LiteracyRoles
{
    /// <summary>Executives: strategic risks, business cases, vendor claims, governance oversight.</summary>
    public const string Executive = "executive";

    /// <summary>Managers: use cases, expectations, AI-augmented teams, escalation.</summary>
    public const string Manager = "manager";

    /// <summary>Technical staff: governance requirements, fairness constraints, limitations, bias testing.</summary>
    public const string Technical = "technical";

    /// <summary>Legal and compliance: regulatory mapping, legal risk, contract terms, compliance audits.</summary>
    public const string LegalCompliance = "legal_compliance";
}
