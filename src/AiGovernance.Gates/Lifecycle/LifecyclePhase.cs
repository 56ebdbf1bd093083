namespace AiGovernance.Gates.Lifecycle;

/// <summary>The five phases of the AI lifecycle, in order.</summary>
public enum LifecyclePhase
{
    /// <summary>Phase 1: business case and risk classification; leaves through the use-case gate.</summary>
    BusinessCaseAndRiskClassification = 1,

    /// <summary>Phase 2: design and data preparation.</summary>
    DesignAndDataPreparation = 2,

    /// <summary>Phase 3: development and validation.</summary>
    DevelopmentAndValidation = 3,

    /// <summary>Phase 4: deployment readiness; leaves through the deployment gate.</summary>
    DeploymentReadiness = 4,

    /// <summary>Phase 5: continuous operation, kept open by the continuation gate.</summary>
    ContinuousOperation = 5,
}
