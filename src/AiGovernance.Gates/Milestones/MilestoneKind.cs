namespace AiGovernance.Gates.Milestones;

/// <summary>The two kinds of milestone.</summary>
public enum MilestoneKind
{
    /// <summary>A dated milestone satisfied by a gate or an approval.</summary>
    Fixed = 0,

    /// <summary>A performance gate with a go/no-go evaluation protocol and any number of attempts.</summary>
    Adaptive = 1,
}
