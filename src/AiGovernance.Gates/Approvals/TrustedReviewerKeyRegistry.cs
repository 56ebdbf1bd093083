namespace AiGovernance.Gates.Approvals;

/// <summary>The reviewer keys the gates trust; keys may be added and revoked at run time.</summary>
/// <remarks>Thread-safe. Lookups by key id are hints only: a verifier must still verify the signature with the key.</remarks>
public sealed class TrustedReviewerKeyRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TrustedReviewerKey> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _revoked = new(StringComparer.Ordinal);

    /// <summary>Trusts a key.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is already registered, or was revoked.</exception>
    public void Add(TrustedReviewerKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_revoked.Contains(key.KeyId))
            {
                throw new ArgumentException($"Key {key.KeyId} was revoked and cannot be trusted again.", nameof(key));
            }

            if (!_keys.TryAdd(key.KeyId, key))
            {
                throw new ArgumentException($"Key {key.KeyId} is already registered.", nameof(key));
            }
        }
    }

    /// <summary>Revokes a key: approvals it signed stop verifying, whenever they were issued.</summary>
    /// <param name="keyId">The key's identifier.</param>
    /// <returns>Whether the key was registered.</returns>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is empty.</exception>
    public bool Revoke(string keyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        lock (_gate)
        {
            _revoked.Add(keyId);
            return _keys.ContainsKey(keyId);
        }
    }

    /// <summary>Whether a key was revoked.</summary>
    /// <param name="keyId">The key's identifier.</param>
    /// <returns>Whether it was revoked.</returns>
    public bool IsRevoked(string keyId)
    {
        lock (_gate)
        {
            return _revoked.Contains(keyId);
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
