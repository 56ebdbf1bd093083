namespace AiGovernance.Core;

/// <summary>The three ownership roles every AI system must have assigned.</summary>
public enum OwnerRole
{
    /// <summary>Accountable for outcomes and compliance; approves the use case.</summary>
    Business = 0,

    /// <summary>Responsible for model performance; approves technical design and deployment readiness.</summary>
    Technical = 1,

    /// <summary>Manages production behaviour; may pull a system that degrades.</summary>
    Operations = 2,
}
