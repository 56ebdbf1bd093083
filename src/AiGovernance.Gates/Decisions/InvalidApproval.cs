using AiGovernance.Gates.Approvals;

namespace AiGovernance.Gates.Decisions;

/// <summary>A presented approval that does not count, and why.</summary>
/// <param name="Index">Its position in <see cref="GateRequest.Approvals"/>.</param>
/// <param name="Reason">Why it does not count.</param>
/// <param name="Detail">A sentence explaining the reason.</param>
/// <param name="Kind">The approval kind it claims, when its signature verified.</param>
/// <param name="ReviewerId">The reviewer it names, when its signature verified.</param>
public readonly record struct InvalidApproval(int Index, ApprovalFailureReason Reason, string Detail, string? Kind, string? ReviewerId);
