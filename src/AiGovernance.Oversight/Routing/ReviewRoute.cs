namespace AiGovernance.Oversight.Routing;

/// <summary>Where a case goes after the model has scored it.</summary>
public enum ReviewRoute
{
    /// <summary>The model was confident enough: the decision is automated (and may still be sampled for audit).</summary>
    Automatic = 0,

    /// <summary>The model was uncertain: a person decides, through the independent-review protocol.</summary>
    HumanReview = 1,
}
