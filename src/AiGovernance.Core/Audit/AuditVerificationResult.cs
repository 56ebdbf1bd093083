namespace AiGovernance.Core.Audit;

/// <summary>The outcome of verifying an audit chain.</summary>
/// <param name="IsValid">Whether every record verified.</param>
/// <param name="VerifiedCount">How many records verified before the first failure (all of them when valid).</param>
/// <param name="FirstInvalidSequence">The sequence number at which the chain breaks, or <see langword="null"/> when valid.</param>
/// <param name="Failure">Why it breaks there.</param>
/// <param name="Message">A sentence describing the failure; empty when valid.</param>
public readonly record struct AuditVerificationResult(
    bool IsValid,
    long VerifiedCount,
    long? FirstInvalidSequence,
    AuditChainFailure Failure,
    string Message)
{
    internal static AuditVerificationResult Valid(long count) => new(true, count, null, AuditChainFailure.None, string.Empty);

    internal static AuditVerificationResult Broken(long verified, long at, AuditChainFailure failure, string message) =>
        new(false, verified, at, failure, message);
}
