using System.Runtime.CompilerServices;

namespace AiGovernance.Core.Audit;

/// <summary>An audit log held in memory: for tests, short-lived processes, or as a cache in front of durable storage.</summary>
/// <remarks>Thread-safe: appends are serialised by a lock, reads work on a snapshot.</remarks>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private readonly List<AuditRecord> _records = [];
    private AuditCheckpoint _head = new(0, AuditChain.Genesis);

    /// <summary>Creates an empty log.</summary>
    /// <param name="timeProvider">The clock that stamps records.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public InMemoryAuditLog(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public AuditCheckpoint Head
    {
        get
        {
            lock (_gate)
            {
                return _head;
            }
        }
    }

    /// <summary>The number of records.</summary>
    public long Count => Head.Sequence;

    /// <inheritdoc />
    public ValueTask<AuditRecord> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var record = AuditRecordFactory.Create(auditEvent, _head, _timeProvider);
            _records.Add(record);
            _head = new AuditCheckpoint(record.Sequence, record.Hash);
            return ValueTask.FromResult(record);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence = 1,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSequence, 1);
        foreach (var record in Snapshot())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (record.Sequence >= fromSequence)
            {
                yield return record;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<AuditVerificationResult> VerifyAsync(CancellationToken cancellationToken = default)
    {
        AuditRecord[] snapshot;
        AuditCheckpoint head;
        lock (_gate)
        {
            snapshot = [.. _records];
            head = _head;
        }

        return ValueTask.FromResult(AuditChain.Verify(snapshot, head));
    }

    /// <summary>A copy of every record, in sequence order.</summary>
    /// <returns>The records.</returns>
    public IReadOnlyList<AuditRecord> Snapshot()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }
}
