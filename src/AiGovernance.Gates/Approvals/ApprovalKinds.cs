namespace AiGovernance.Gates.Approvals;

/// <summary>The approval kinds of the default policy; policies may name others.</summary>
public static class ApprovalKinds
{
    /// <summary>Technical validation of performance, robustness and failure modes.</summary>
    public const string TechnicalValidation = "technical_validation";

    /// <summary>Fairness audit across demographic segments.</summary>
    public const string FairnessAudit = "fairness_audit";

    /// <summary>Security review.</summary>
    public const string SecurityReview = "security_review";

    /// <summary>Legal and compliance approval.</summary>
    public const string LegalApproval = "legal_approval";

    /// <summary>Sign-off by an executive sponsor.</summary>
    public const string ExecutiveSponsor = "executive_sponsor";

    /// <summary>Automated checks run by the pipeline (signed by the pipeline's key).</summary>
    public const string AutomatedChecks = "automated_checks";
}
