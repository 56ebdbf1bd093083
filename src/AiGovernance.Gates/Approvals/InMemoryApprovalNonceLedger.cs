using AiGovernance.Core;

namespace AiGovernance.Gates.Approvals;

/// <summary>An <see cref="IApprovalNonceLedger"/> in memory; entries are dropped once their approval has expired (an
/// expired approval fails verification anyway).</summary>
/// <remarks>Thread-safe. A process restart forgets nonces; use a durable ledger when approvals outlive the process.</remarks>
public sealed class InMemoryApprovalNonceLedger : IApprovalNonceLedger
{
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (Sha256Digest Statement, DateTimeOffset ExpiresAt)> _entries = new(StringComparer.Ordinal);

    /// <summary>Creates an empty ledger.</summary>
    /// <param name="timeProvider">The clock used to forget expired entries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public InMemoryApprovalNonceLedger(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>The number of remembered nonces.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="nonce"/> is empty or the digest is empty.</exception>
    public ValueTask<bool> TryRecordAsync(string nonce, Sha256Digest statementDigest, DateTimeOffset expiresAt,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(TryRecord(nonce, statementDigest, expiresAt));
    }

    private bool TryRecord(string nonce, Sha256Digest statementDigest, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nonce);
        if (statementDigest.IsEmpty)
        {
            throw new ArgumentException("The statement digest is empty.", nameof(statementDigest));
        }

        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(nonce, out var existing) && existing.ExpiresAt > now)
            {
                if (!existing.Statement.Equals(statementDigest))
                {
                    return false;
                }

                if (expiresAt > existing.ExpiresAt)
                {
                    _entries[nonce] = (statementDigest, expiresAt);
                }

                return true;
            }

            if (_entries.Count > 0 && _entries.Count % 1024 == 0)
            {
                Prune(now);
            }

            _entries[nonce] = (statementDigest, expiresAt);
            return true;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        List<string>? expired = null;
        foreach (var (nonce, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                (expired ??= []).Add(nonce);
            }
        }

        foreach (var nonce in expired ?? [])
        {
            _entries.Remove(nonce);
        }
    }
}
