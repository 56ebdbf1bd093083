namespace AiGovernance.Gates.Approvals;

/// <summary>The reviewer roles of the default approval policy.</summary>
public static class ReviewerRoles
{
    /// <summary>Validates models; independent of the team that built them.</summary>
    public const string ModelValidator = "model-validator";

    /// <summary>The system's technical owner.</summary>
    public const string TechnicalOwner = "technical-owner";

    /// <summary>Audits fairness.</summary>
    public const string FairnessAuditor = "fairness-auditor";

    /// <summary>Reviews security.</summary>
    public const string SecurityReviewer = "security-reviewer";

    /// <summary>Legal counsel.</summary>
    public const string LegalCounsel = "legal-counsel";

    /// <summary>Compliance officer.</summary>
    public const string ComplianceOfficer = "compliance-officer";

    /// <summary>An executive sponsoring the system.</summary>
    public const string Executive = "executive";

    /// <summary>The CI/CD pipeline's signing identity.</summary>
    public const string Pipeline = "ci-pipeline";
}
