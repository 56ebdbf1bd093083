namespace AiGovernance.Core.Audit;

/// <summary>Thrown when an audit log cannot be opened for appending because its stored chain is broken.</summary>
/// <remarks>Appending to a broken chain would hide the tampering, so the log fails closed. Inspect the file with
/// <see cref="FileAuditLog.VerifyFileAsync(string, AuditCheckpoint?, CancellationToken)"/>.</remarks>
public sealed class AuditLogCorruptedException : AiGovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="verification">The verification result that found the break.</param>
    public AuditLogCorruptedException(AuditVerificationResult verification)
        : base($"The audit log's chain is broken at sequence {verification.FirstInvalidSequence}: {verification.Message}")
    {
        Verification = verification;
    }

    /// <summary>The verification result that found the break.</summary>
    public AuditVerificationResult Verification { get; }
}
