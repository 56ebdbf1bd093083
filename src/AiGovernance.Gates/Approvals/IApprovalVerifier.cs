namespace AiGovernance.Gates.Approvals;

/// <summary>Verifies one signed approval against what the gate expects; fails closed with a reason.</summary>
public interface IApprovalVerifier
{
    /// <summary>Verifies a signed approval.</summary>
    /// <param name="envelope">The DSSE envelope.</param>
    /// <param name="expectation">What the approval must be bound to.</param>
    /// <returns>The outcome.</returns>
    ApprovalVerification Verify(DsseEnvelope envelope, ApprovalExpectation expectation);
}
