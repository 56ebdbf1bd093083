namespace AiGovernance.Gates.Approvals;

/// <summary>One signature of a DSSE envelope.</summary>
/// <param name="KeyId">The key identifier hint; never trusted on its own — the key must verify the signature.</param>
/// <param name="Signature">The signature bytes (ECDSA signatures are DER-encoded).</param>
public sealed record DsseSignature(string? KeyId, ReadOnlyMemory<byte> Signature);
