namespace AiGovernance.Core.Audit;

/// <summary>The head of a hash chain: the last sequence number and its hash.</summary>
/// <remarks>Keeping a checkpoint outside the log (or signing it) lets <see cref="AuditChain.Verify(IEnumerable{AuditRecord}, AuditCheckpoint?)"/>
/// detect a log
/// truncated after the checkpoint.</remarks>
/// <param name="Sequence">The last record's sequence number; 0 for an empty log.</param>
/// <param name="Hash">The last record's hash; <see cref="AuditChain.Genesis"/> for an empty log.</param>
public readonly record struct AuditCheckpoint(long Sequence, Sha256Digest Hash);
