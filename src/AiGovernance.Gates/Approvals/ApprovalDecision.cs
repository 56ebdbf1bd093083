namespace AiGovernance.Gates.Approvals;

/// <summary>What a reviewer decided.</summary>
public enum ApprovalDecision
{
    /// <summary>The reviewer approves.</summary>
    Approved = 0,

    /// <summary>The reviewer explicitly rejects; a valid rejection blocks the gate whatever else is present.</summary>
    Rejected = 1,
}
