namespace AiGovernance.Core.Audit;

/// <summary>An append-only, tamper-evident (hash-chained) log of governance events.</summary>
/// <remarks>Implementations are safe for concurrent use: concurrent appends are serialised into one chain.</remarks>
public interface IAuditLog
{
    /// <summary>The current head of the chain.</summary>
    AuditCheckpoint Head { get; }

    /// <summary>Appends an event, stamping it with the next sequence number and the current time.</summary>
    /// <param name="auditEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the append before it is written.</param>
    /// <returns>The record as chained.</returns>
    ValueTask<AuditRecord> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>Reads records in sequence order.</summary>
    /// <param name="fromSequence">The first sequence number to return (1-based).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The records.</returns>
    IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence = 1, CancellationToken cancellationToken = default);

    /// <summary>Verifies the whole chain as stored, including that it reaches the head this instance wrote.</summary>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The first break, if any.</returns>
    ValueTask<AuditVerificationResult> VerifyAsync(CancellationToken cancellationToken = default);
}
