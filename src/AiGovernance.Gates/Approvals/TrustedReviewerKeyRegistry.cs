namespace AiGovernance.Gates.Approvals;

/// <summary>The reviewer keys the gates trust; keys may be added and revoked at run time.</summary>
/// <remarks>
/// <para>Thread-safe. Lookups by key id are hints only: a verifier must still verify the signature with the key.</para>
/// <para>Revocation takes effect at once and for good: from the moment <see cref="Revoke(string)"/> returns, every
/// approval the key signed is rejected — also those whose statement claims an issue time before the revocation, because
/// whoever holds a compromised key can write any issue time into a statement. The recorded revocation time is for
/// audit and reporting. Decisions already recorded in the audit log stand; a gate evaluated again blocks.</para>
/// <para>Reviewer identities are compared ordinally and restricted to a safe ASCII set by
/// <see cref="TrustedReviewerKey"/>; the registry also refuses a reviewer id that differs from a registered one only in
/// letter case, so no new key can pass for an existing reviewer.</para>
/// </remarks>
public sealed class TrustedReviewerKeyRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TrustedReviewerKey> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an empty registry that stamps revocations with the system clock.</summary>
    public TrustedReviewerKeyRegistry()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates an empty registry.</summary>
    /// <param name="timeProvider">Stamps revocations made with <see cref="Revoke(string)"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public TrustedReviewerKeyRegistry(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>Trusts a key.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is already registered or was revoked, or its reviewer id differs
    /// from a registered reviewer's only in letter case.</exception>
    public void Add(TrustedReviewerKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_revoked.ContainsKey(key.KeyId))
            {
                throw new ArgumentException($"Key {key.KeyId} was revoked and cannot be trusted again.", nameof(key));
            }

            foreach (var existing in _keys.Values)
            {
                if (string.Equals(existing.ReviewerId, key.ReviewerId, StringComparison.OrdinalIgnoreCase)
                    && !string.Equals(existing.ReviewerId, key.ReviewerId, StringComparison.Ordinal))
                {
                    throw new ArgumentException(
                        $"Reviewer id '{key.ReviewerId}' differs from the registered reviewer '{existing.ReviewerId}' only in letter " +
                            $"case.", nameof(key));
                }
            }

            if (!_keys.TryAdd(key.KeyId, key))
            {
                throw new ArgumentException($"Key {key.KeyId} is already registered.", nameof(key));
            }
        }
    }

    /// <summary>Revokes a key now (by the registry's clock): every approval it signed stops verifying, whatever issue
    /// time the approval claims. Revoking a key that is not registered yet bars it from being added.</summary>
    /// <param name="keyId">The key's identifier.</param>
    /// <returns>Whether the key was registered.</returns>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is empty.</exception>
    public bool Revoke(string keyId) => Revoke(keyId, _timeProvider.GetUtcNow());

    /// <summary>Revokes a key, recording <paramref name="revokedAt"/> (for example when the key was found compromised) as
    /// the revocation time. The revocation takes effect at once whatever the time given; when the key was already revoked
    /// the earlier time is kept.</summary>
    /// <param name="keyId">The key's identifier.</param>
    /// <param name="revokedAt">The time to record.</param>
    /// <returns>Whether the key was registered.</returns>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is empty.</exception>
    public bool Revoke(string keyId, DateTimeOffset revokedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        lock (_gate)
        {
            if (!_revoked.TryGetValue(keyId, out var earlier) || revokedAt < earlier)
            {
                _revoked[keyId] = revokedAt;
            }

            return _keys.ContainsKey(keyId);
        }
    }

    /// <summary>Whether a key was revoked.</summary>
    /// <param name="keyId">The key's identifier.</param>
    /// <returns>Whether it was revoked.</returns>
    public bool IsRevoked(string keyId) => TryGetRevocation(keyId, out _);

    /// <summary>Gets when a key was revoked.</summary>
    /// <param name="keyId">The key's identifier.</param>
    /// <param name="revokedAt">The recorded revocation time, when revoked.</param>
    /// <returns>Whether the key was revoked.</returns>
    public bool TryGetRevocation(string keyId, out DateTimeOffset revokedAt)
    {
        lock (_gate)
        {
            return _revoked.TryGetValue(keyId ?? string.Empty, out revokedAt);
        }
    }

    /// <summary>A snapshot of every registered key (revoked ones included).</summary>
    /// <returns>The keys.</returns>
    public IReadOnlyList<TrustedReviewerKey> GetKeys()
    {
        lock (_gate)
        {
            return [.. _keys.Values];
        }
    }
}
