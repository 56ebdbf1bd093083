using AiGovernance.Core;

namespace AiGovernance.Gates.Approvals;

/// <summary>Remembers the nonces of verified approvals so that a nonce reused by a different statement is caught as a replay.</summary>
/// <remarks>First use wins: of two different statements carrying one nonce, exactly one is ever accepted, even when they
/// are presented at once to two replicas sharing a durable ledger; presenting the accepted statement again is not a replay.
/// An entry whose approval has expired may be forgotten (an expired approval fails verification anyway), after which the
/// nonce is free again. Implementations are safe for concurrent use.</remarks>
public interface IApprovalNonceLedger
{
    /// <summary>Records a nonce for a statement, or reports that the nonce was already used by a different statement.</summary>
    /// <param name="nonce">The approval's nonce.</param>
    /// <param name="statementDigest">The SHA-256 of the signed payload; presenting the same statement again is not a replay.</param>
    /// <param name="expiresAt">When the approval expires; the entry may be forgotten afterwards.</param>
    /// <param name="cancellationToken">Cancels the call; whether the nonce was recorded is then unknown.</param>
    /// <returns><see langword="false"/> when the nonce is held by a different statement whose approval has not expired.</returns>
    ValueTask<bool> TryRecordAsync(string nonce, Sha256Digest statementDigest, DateTimeOffset expiresAt,
        CancellationToken cancellationToken = default);
}
