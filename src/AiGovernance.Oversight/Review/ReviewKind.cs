namespace AiGovernance.Oversight.Review;

/// <summary>Why a person reviewed a case.</summary>
public enum ReviewKind
{
    /// <summary>The model was uncertain and the case was routed to a person, who decides it.</summary>
    Routed = 0,

    /// <summary>The case was decided automatically and sampled for post-hoc audit; a final decision that differs from the
    /// AI's prediction is an error found by the audit.</summary>
    Audit = 1,
}
