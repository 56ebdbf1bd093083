namespace AiGovernance.Gates.Milestones;

/// <summary>The go/no-go outcome of an adaptive milestone's evaluation.</summary>
public enum MilestoneVerdict
{
    /// <summary>The evidence does not settle the question yet: more labelled data is needed.</summary>
    Inconclusive = 0,

    /// <summary>The lower confidence bound clears the threshold (or the non-inferiority margin).</summary>
    Go = 1,

    /// <summary>The upper confidence bound falls below the threshold (or the margin).</summary>
    NoGo = 2,
}
