namespace AiGovernance.Gates.DueDiligence;

/// <summary>The twelve criteria of vendor AI due diligence (technical, operational and legal).</summary>
public enum VendorCriterion
{
    /// <summary>Model documentation quality (seed weight 0.10).</summary>
    ModelDocumentation = 0,

    /// <summary>Training data transparency (0.10).</summary>
    TrainingDataTransparency = 1,

    /// <summary>Performance validation rigour (0.15).</summary>
    ValidationRigour = 2,

    /// <summary>Bias testing adequacy (0.15).</summary>
    BiasTesting = 3,

    /// <summary>Security and robustness (0.10).</summary>
    Security = 4,

    /// <summary>Monitoring capabilities (0.10).</summary>
    Monitoring = 5,

    /// <summary>Update notification process (0.05).</summary>
    UpdateNotification = 6,

    /// <summary>Incident response maturity (0.10).</summary>
    IncidentResponse = 7,

    /// <summary>Data portability (0.05).</summary>
    DataPortability = 8,

    /// <summary>Liability allocation (0.05).</summary>
    Liability = 9,

    /// <summary>Compliance coverage (0.03).</summary>
    ComplianceCoverage = 10,

    /// <summary>Audit rights (0.02).</summary>
    AuditRights = 11,
}
