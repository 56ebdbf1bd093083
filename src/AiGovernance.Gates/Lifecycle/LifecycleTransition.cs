namespace AiGovernance.Gates.Lifecycle;

/// <summary>The outcome of a requested lifecycle transition.</summary>
/// <param name="Succeeded">Whether the system moved.</param>
/// <param name="From">The phase before the request.</param>
/// <param name="To">The requested phase (the current one when refused).</param>
/// <param name="MissingOutputs">Required outputs of the phase being left that have no evidence.</param>
/// <param name="Reasons">Why the transition was refused (or how it was allowed).</param>
public readonly record struct LifecycleTransition(bool Succeeded, LifecyclePhase From, LifecyclePhase To, IReadOnlyList<string> MissingOutputs,
    IReadOnlyList<string> Reasons);
