namespace AiGovernance.Gates.Approvals;

/// <summary>Signs approval envelopes; implementations may keep the private key in process, in a KMS or in an HSM.</summary>
public interface IApprovalSigner
{
    /// <summary>The key's identifier, written into the envelope as a hint.</summary>
    string KeyId { get; }

    /// <summary>Signs the pre-authentication encoding of an envelope with ECDSA P-256 / SHA-256 (DER-encoded signature).</summary>
    /// <param name="data">The bytes to sign.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The signature.</returns>
    ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);
}
