namespace AiGovernance.Gates.Approvals;

/// <summary>The outcome of verifying one signed approval.</summary>
/// <param name="Reason">Why the approval does not count; <see cref="ApprovalFailureReason.None"/> when it is valid.</param>
/// <param name="Detail">A sentence explaining the reason.</param>
/// <param name="Statement">The statement, when the signature verified and the payload parsed.</param>
/// <param name="KeyId">The verifying key's identifier, when one verified.</param>
public readonly record struct ApprovalVerification(ApprovalFailureReason Reason, string Detail, ApprovalStatement? Statement, string? KeyId)
{
    /// <summary>Whether the approval is valid.</summary>
    public bool IsValid => Reason == ApprovalFailureReason.None;
}
