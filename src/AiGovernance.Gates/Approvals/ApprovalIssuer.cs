namespace AiGovernance.Gates.Approvals;

/// <summary>Issues signed approvals: serialises the statement, signs its DSSE pre-authentication encoding and wraps both
/// in an envelope.</summary>
public static class ApprovalIssuer
{
    /// <summary>Signs an approval statement.</summary>
    /// <param name="statement">The statement.</param>
    /// <param name="signer">The reviewer's signer.</param>
    /// <param name="cancellationToken">Cancels signing.</param>
    /// <returns>The DSSE envelope.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async ValueTask<DsseEnvelope> SignAsync(ApprovalStatement statement, IApprovalSigner signer,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(signer);
        var payload = statement.ToPayload();
        var signature = await signer.SignAsync(Dsse.PreAuthenticationEncoding(Dsse.InTotoPayloadType, payload),
            cancellationToken).ConfigureAwait(false);
        return new DsseEnvelope(Dsse.InTotoPayloadType, payload, [new DsseSignature(signer.KeyId, signature)]);
    }
}
