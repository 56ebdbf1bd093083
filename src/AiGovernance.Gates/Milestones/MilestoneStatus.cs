namespace AiGovernance.Gates.Milestones;

/// <summary>Where a milestone stands.</summary>
public enum MilestoneStatus
{
    /// <summary>A fixed milestone not yet satisfied and not yet due.</summary>
    Pending = 0,

    /// <summary>A fixed milestone past its due date and not satisfied.</summary>
    Overdue = 1,

    /// <summary>A fixed milestone satisfied.</summary>
    Satisfied = 2,

    /// <summary>An adaptive milestone with no attempt yet.</summary>
    NotAttempted = 3,

    /// <summary>An adaptive milestone whose latest attempt was a go.</summary>
    Go = 4,

    /// <summary>An adaptive milestone whose latest attempt was a no-go.</summary>
    NoGo = 5,

    /// <summary>An adaptive milestone whose latest attempt was inconclusive.</summary>
    Inconclusive = 6,
}
