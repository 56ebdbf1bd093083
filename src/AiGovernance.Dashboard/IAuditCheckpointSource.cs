using AiGovernance.Core.Audit;

namespace AiGovernance.Dashboard;

/// <summary>Where the dashboard finds the latest signed checkpoint of the audit chain, kept outside the log, and how it checks
/// the checkpoint's signature. Register one in DI to show the checkpoint and to verify the chain against it.</summary>
/// <remarks>Without a source the system pages say that no signed checkpoint is configured, and "verify now" checks the chain's
/// hashes only, which cannot detect a log truncated or rewritten from some record onwards.</remarks>
public interface IAuditCheckpointSource
{
    /// <summary>The latest signed checkpoint, or <see langword="null"/> when none was signed yet.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The checkpoint, or <see langword="null"/>.</returns>
    ValueTask<SignedAuditCheckpoint?> GetLatestAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the checkpoint's signature verifies with the key the source trusts.</summary>
    /// <param name="checkpoint">The checkpoint.</param>
    /// <returns><see langword="true"/> when the signature is valid.</returns>
    bool VerifySignature(SignedAuditCheckpoint checkpoint);
}
