using AiGovernance.Core;

namespace AiGovernance.Gates.Approvals;

/// <summary>Remembers the nonces of verified approvals so that a nonce reused by a different statement is caught as a replay.</summary>
public interface IApprovalNonceLedger
{
    /// <summary>Records a nonce for a statement, or reports that the nonce was already used by a different statement.</summary>
    /// <param name="nonce">The approval's nonce.</param>
    /// <param name="statementDigest">The SHA-256 of the signed payload; presenting the same statement again is not a replay.</param>
    /// <param name="expiresAt">When the approval expires; the entry may be forgotten afterwards.</param>
    /// <returns><see langword="false"/> when the nonce was seen with a different statement.</returns>
    bool TryRecord(string nonce, Sha256Digest statementDigest, DateTimeOffset expiresAt);
}
