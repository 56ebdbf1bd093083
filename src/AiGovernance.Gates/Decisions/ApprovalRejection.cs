namespace AiGovernance.Gates.Decisions;

/// <summary>A valid, explicit rejection by an allowed reviewer; it blocks the gate whatever else is present.</summary>
/// <param name="Kind">The approval kind.</param>
/// <param name="ReviewerId">The reviewer.</param>
/// <param name="ReviewerRole">The role the reviewer acted in.</param>
/// <param name="KeyId">The key that verified the signature.</param>
public readonly record struct ApprovalRejection(string Kind, string ReviewerId, string ReviewerRole, string KeyId);
