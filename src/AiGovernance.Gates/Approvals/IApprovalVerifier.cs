namespace AiGovernance.Gates.Approvals;

/// <summary>Verifies one signed approval against what the gate expects; fails closed with a reason.</summary>
public interface IApprovalVerifier
{
    /// <summary>Verifies a signed approval.</summary>
    /// <param name="envelope">The DSSE envelope.</param>
    /// <param name="expectation">What the approval must be bound to.</param>
    /// <param name="cancellationToken">Cancels the verification (for example while a durable nonce ledger is asked).</param>
    /// <returns>The outcome.</returns>
    ValueTask<ApprovalVerification> VerifyAsync(DsseEnvelope envelope, ApprovalExpectation expectation,
        CancellationToken cancellationToken = default);
}
