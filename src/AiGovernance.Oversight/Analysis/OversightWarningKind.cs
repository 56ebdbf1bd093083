namespace AiGovernance.Oversight.Analysis;

/// <summary>What an <see cref="OversightWarning"/> is about.</summary>
public enum OversightWarningKind
{
    /// <summary>The overall override rate is very low: possible automation bias or insufficient training.</summary>
    AutomationBias = 0,

    /// <summary>Too many reviewers almost never override: potential rubber-stamping.</summary>
    RubberStamping = 1,

    /// <summary>Reviewers override far less on high-volume days: workload pressure.</summary>
    WorkloadPressure = 2,

    /// <summary>Override rates differ significantly across reviewers: inconsistent review standards.</summary>
    ReviewerInconsistency = 3,

    /// <summary>The override rate falls significantly over the working day: fatigue.</summary>
    Fatigue = 4,

    /// <summary>Most changed minds move to the AI's recommendation: automation bias in the two-stage protocol.</summary>
    DeferenceToAi = 5,

    /// <summary>Audits find automated decisions wrong more often than tolerated.</summary>
    AuditErrorRate = 6,
}
