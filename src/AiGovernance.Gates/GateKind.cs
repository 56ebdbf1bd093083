namespace AiGovernance.Gates;

/// <summary>The three gates with stop authority over an AI system.</summary>
public enum GateKind
{
    /// <summary>Use-case approval: may we build this?</summary>
    UseCase = 0,

    /// <summary>Deployment approval: may we ship this artifact to this environment?</summary>
    Deployment = 1,

    /// <summary>Continuation approval: may we keep running this?</summary>
    Continuation = 2,
}
