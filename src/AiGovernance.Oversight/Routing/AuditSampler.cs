using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AiGovernance.Shared;

namespace AiGovernance.Oversight.Routing;

/// <summary>Selects automated decisions for post-hoc human audit, reproducibly: the same case id and salt are always
/// selected, or never, on every machine and in every process.</summary>
/// <remarks>
/// <para>The case is selected when u &lt; rate, where u ∈ [0, 1) is the first 53 bits of SHA-256(UTF-8(salt) ‖ 0x1F ‖
/// UTF-8(case id)) read big-endian. SHA-256 makes u uniform for any set of distinct ids, so the realised share of
/// selected cases is binomial with the configured rate. A different salt gives an independent selection, so a
/// reviewer who learns which ids were audited cannot predict the next audit period's sample.</para>
/// <para>Thread-safe and allocation-free for case ids up to 170 characters (longer ids use a pooled buffer).
/// <see cref="string.GetHashCode()"/> is deliberately not used: it is randomised per process.</para>
/// </remarks>
public sealed class AuditSampler
{
    private const int StackLimit = 512;
    private const byte Separator = 0x1F;
    private readonly byte[] _saltPrefix;

    /// <summary>Creates a sampler.</summary>
    /// <param name="rate">The share of automated decisions to audit, in [0, 1].</param>
    /// <param name="salt">Makes the selection specific to a deployment or audit period.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is outside [0, 1] or not a number.</exception>
    /// <exception cref="ArgumentException"><paramref name="salt"/> is empty.</exception>
    public AuditSampler(double rate, string salt)
    {
        ArgumentGuard.ThrowIfNotProbability(rate);

        ArgumentException.ThrowIfNullOrWhiteSpace(salt);
        Rate = rate;
        Salt = salt;
        var saltBytes = Encoding.UTF8.GetBytes(salt);
        _saltPrefix = new byte[saltBytes.Length + 1];
        saltBytes.CopyTo(_saltPrefix, 0);
        _saltPrefix[^1] = Separator;
    }

    /// <summary>The share of automated decisions selected for audit.</summary>
    public double Rate { get; }

    /// <summary>The salt mixed into the hash.</summary>
    public string Salt { get; }

    /// <summary>Whether the case is selected for audit.</summary>
    /// <param name="caseId">The case's id.</param>
    /// <returns><see langword="true"/> when the case's hash falls below the rate.</returns>
    /// <exception cref="ArgumentException"><paramref name="caseId"/> is empty.</exception>
    public bool IsSelected(ReadOnlySpan<char> caseId) => SamplingValue(caseId) < Rate;

    /// <summary>The case's uniform value u ∈ [0, 1); the case is selected when u &lt; <see cref="Rate"/>.</summary>
    /// <param name="caseId">The case's id.</param>
    /// <returns>The value derived from the case id and the salt.</returns>
    /// <exception cref="ArgumentException"><paramref name="caseId"/> is empty.</exception>
    public double SamplingValue(ReadOnlySpan<char> caseId)
    {
        if (caseId.IsWhiteSpace())
        {
            throw new ArgumentException("The case id is empty.", nameof(caseId));
        }

        var length = _saltPrefix.Length + Encoding.UTF8.GetMaxByteCount(caseId.Length);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            _saltPrefix.CopyTo(buffer);
            var written = _saltPrefix.Length + Encoding.UTF8.GetBytes(caseId, buffer[_saltPrefix.Length..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..written], hash);
            return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
