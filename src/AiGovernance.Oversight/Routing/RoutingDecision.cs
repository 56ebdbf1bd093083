namespace AiGovernance.Oversight.Routing;

/// <summary>The outcome of routing one case.</summary>
/// <param name="Route">Automatic decision or human review.</param>
/// <param name="PredictedClass">The index of the most probable class (the first on ties); 0 when a single confidence was routed.</param>
/// <param name="Confidence">The maximum class probability (or the single confidence) that was compared with the threshold.</param>
/// <param name="SelectedForAudit">Whether this automated decision was selected for post-hoc human audit; always
/// <see langword="false"/> for cases routed to human review, since a person already decides them.</param>
public readonly record struct RoutingDecision(ReviewRoute Route, int PredictedClass, double Confidence, bool SelectedForAudit)
{
    /// <summary>Whether a person must decide the case.</summary>
    public bool RequiresHumanReview => Route == ReviewRoute.HumanReview;
}
