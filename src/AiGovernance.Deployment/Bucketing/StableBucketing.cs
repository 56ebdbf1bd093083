using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AiGovernance.Deployment.Bucketing;

/// <summary>Assigns units (users, sessions, tenants) to a stable position in [0, 1) so that traffic splits are
/// reproducible in every process, machine and language.</summary>
/// <remarks>
/// <para>The contract: take the UTF-8 bytes of <c>unitId + "\n" + salt</c>, compute SHA-256, read the first 8 bytes
/// of the digest as a little-endian unsigned 64-bit integer h, and return h / 2^64 rounded to the nearest double
/// (exactly what Python's <c>int.from_bytes(hashlib.sha256(s.encode()).digest()[:8], "little") / 2**64</c> gives).
/// In the rare case that rounding reaches 1.0 the largest double below 1.0 is returned, so the result is always in [0, 1).
/// Unpaired UTF-16 surrogates are encoded as U+FFFD, as <see cref="Encoding.UTF8"/> does.</para>
/// <para>A unit is in the candidate group when its fraction is below the traffic fraction, so a unit in the canary at 5%
/// stays in it at 25%: ramps are monotonic. Use a different salt per experiment to decorrelate assignments.</para>
/// <para>Sub-buckets: <see cref="SubBucket"/> is the low 12 bits of the same h (h mod <see cref="SubBucketCount"/>). The arm
/// depends only on the high bits (h / 2^64 below the traffic fraction), and the low bits are uniform and independent of
/// them, so every arm's units are spread evenly over all 4,096 sub-buckets, each a disjoint random set of units. The
/// canary analysis of unit-routed traffic compares arms over these sub-buckets (see <c>CanaryAnalyzer</c>).</para>
/// <para>Cost: one SHA-256 over a short message, on a hashing context kept per thread (the one-shot
/// <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> creates a native context per call). No allocation when
/// <c>unitId.Length + salt.Length</c> ≤ <see cref="MaxStackLength"/> UTF-16 code units; longer inputs rent a pooled buffer.
/// <c>CanaryRouter</c> adds a bounded cache of recently seen units in front of this (see
/// <c>CanaryRouter.RecentUnitCacheSize</c>).</para>
/// </remarks>
public static class StableBucketing
{
    /// <summary>The longest combined length (UTF-16 code units of unit id plus salt) hashed without touching the array pool.</summary>
    public const int MaxStackLength = 255;

    /// <summary>The number of unit sub-buckets: the low 12 bits of the hash.</summary>
    public const int SubBucketCount = 4096;

    [ThreadStatic]
    private static IncrementalHash? _hasher;

    private const double TwoToMinus64 = 1.0 / 18446744073709551616.0;
    private const int MaxStackBytes = (MaxStackLength + 1) * 3;

    /// <summary>The unit's stable position in [0, 1).</summary>
    /// <param name="unitId">The unit being assigned, for example a user id.</param>
    /// <param name="salt">The experiment's salt, for example the rollout name.</param>
    /// <returns>h / 2^64 where h is the first 8 bytes (little-endian) of SHA-256(UTF-8(unitId + "\n" + salt)).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unitId"/> or <paramref name="salt"/> is null.</exception>
    public static double Fraction(string unitId, string salt) => FractionOf(Hash64(unitId, salt));

    /// <summary>The unit's sub-bucket in [0, <see cref="SubBucketCount"/>): the low 12 bits of <see cref="Hash64"/>,
    /// independent of the arm the high bits choose.</summary>
    /// <param name="unitId">The unit being assigned.</param>
    /// <param name="salt">The experiment's salt.</param>
    /// <returns>h mod 4096 where h is the first 8 bytes (little-endian) of SHA-256(UTF-8(unitId + "\n" + salt)).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unitId"/> or <paramref name="salt"/> is null.</exception>
    public static int SubBucket(string unitId, string salt) => SubBucketOf(Hash64(unitId, salt));

    /// <summary>The 64-bit hash behind <see cref="Fraction"/>: the first 8 bytes of SHA-256(UTF-8(unitId + "\n" + salt)), little-endian.</summary>
    /// <param name="unitId">The unit being assigned.</param>
    /// <param name="salt">The experiment's salt.</param>
    /// <returns>The hash.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unitId"/> or <paramref name="salt"/> is null.</exception>
    public static ulong Hash64(string unitId, string salt)
    {
        ArgumentNullException.ThrowIfNull(unitId);
        ArgumentNullException.ThrowIfNull(salt);
        var length = unitId.Length + salt.Length;
        if (length <= MaxStackLength)
        {
            Span<byte> buffer = stackalloc byte[MaxStackBytes];
            return HashInto(unitId, salt, buffer);
        }

        var maxBytes = checked((length + 1) * 3);
        var rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            return HashInto(unitId, salt, rented);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Whether the unit falls in the candidate group at the given traffic fraction (its fraction is below it).</summary>
    /// <param name="unitId">The unit being assigned.</param>
    /// <param name="salt">The experiment's salt.</param>
    /// <param name="trafficFraction">The candidate's share of traffic in [0, 1].</param>
    /// <returns><see langword="true"/> when <see cref="Fraction"/> &lt; <paramref name="trafficFraction"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unitId"/> or <paramref name="salt"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trafficFraction"/> is outside [0, 1] or NaN.</exception>
    public static bool IsInCandidate(string unitId, string salt, double trafficFraction)
    {
        ThrowIfNotFraction(trafficFraction);
        return Fraction(unitId, salt) < trafficFraction;
    }

    /// <summary>h / 2^64 as a double in [0, 1).</summary>
    internal static double FractionOf(ulong hash)
    {
        var fraction = hash * TwoToMinus64;
        return fraction < 1.0 ? fraction : Math.BitDecrement(1.0);
    }

    internal static int SubBucketOf(ulong hash) => (int)(hash & (SubBucketCount - 1));

    internal static void ThrowIfNotFraction(double value,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value >= 0.0 && value <= 1.0))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "A traffic fraction must be in [0, 1].");
        }
    }

    private static ulong HashInto(string unitId, string salt, Span<byte> buffer)
    {
        var written = Encoding.UTF8.GetBytes(unitId, buffer);
        buffer[written++] = (byte)'\n';
        written += Encoding.UTF8.GetBytes(salt, buffer[written..]);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        // One reusable hasher per thread: the one-shot SHA256.HashData sets up a new native digest context per call,
        // which costs microseconds on OpenSSL 3; resetting a kept context costs a fraction of that.
        var hasher = _hasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hasher.AppendData(buffer[..written]);
        hasher.GetHashAndReset(digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }
}
