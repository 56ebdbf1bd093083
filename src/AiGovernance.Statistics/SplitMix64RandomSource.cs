using MathNet.Numerics.Random;

namespace AiGovernance.Statistics;

/// <summary>The product's seeded generator (SplitMix64, as <see cref="Bootstrap"/> draws) as a MathNet.Numerics
/// <see cref="RandomSource"/>, so that MathNet's distributions (<c>Normal.Sample</c>, <c>Poisson.Sample</c>,
/// <c>Categorical.Sample</c>, …) sample from a sequence fixed by the seed instead of <c>System.Random</c>'s, whose seeded
/// sequence is not documented as stable across .NET versions (it is banned in <c>src/</c>).</summary>
/// <remarks>
/// <para><b>Sequence:</b> state₀ = seed; each step adds 0x9E3779B97F4A7C15 and mixes (Steele, Lea &amp; Flood 2014). A double is
/// the top 53 bits × 2⁻⁵³, in [0, 1); bounded integers use Lemire's (2019) unbiased multiply-and-reject; bytes are the 64-bit
/// outputs little-endian. The draws a MathNet distribution makes from it are fixed by the MathNet version the product pins.</para>
/// <para><b>Cost:</b> O(1) per draw, no allocation. Not thread-safe unless created with <c>threadSafe: true</c>.</para>
/// </remarks>
public sealed class SplitMix64RandomSource : RandomSource
{
    private const double TwoToMinus53 = 1.0 / (1UL << 53);
    private SplitMix64Random _random;

    /// <summary>Creates the generator.</summary>
    /// <param name="seed">The seed; the same seed gives the same sequence on every platform and .NET version.</param>
    /// <param name="threadSafe">Whether draws take a lock so that several threads may share the instance.</param>
    public SplitMix64RandomSource(long seed, bool threadSafe = false)
        : base(threadSafe) => _random = new SplitMix64Random(seed);

    /// <summary>A uniform double in [0, 1): the top 53 bits of the next output × 2⁻⁵³.</summary>
    /// <returns>The draw.</returns>
    protected override double DoSample() => (_random.NextUInt64() >> 11) * TwoToMinus53;

    /// <summary>A uniform integer in [0, <see cref="int.MaxValue"/>).</summary>
    /// <returns>The draw.</returns>
    protected override int DoSampleInteger() => (int)_random.NextBounded(int.MaxValue);

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), unbiased.</summary>
    /// <param name="maxExclusive">The exclusive upper bound (≥ 1; MathNet checks it).</param>
    /// <returns>The draw.</returns>
    protected override int DoSampleInteger(int maxExclusive) => (int)_random.NextBounded((ulong)maxExclusive);

    /// <summary>A uniform integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>), unbiased.</summary>
    /// <param name="minInclusive">The inclusive lower bound.</param>
    /// <param name="maxExclusive">The exclusive upper bound (greater than <paramref name="minInclusive"/>; MathNet checks it).</param>
    /// <returns>The draw.</returns>
    protected override int DoSampleInteger(int minInclusive, int maxExclusive) =>
        (int)(minInclusive + (long)_random.NextBounded((ulong)((long)maxExclusive - minInclusive)));

    /// <summary>Fills <paramref name="buffer"/> with the next outputs, little-endian.</summary>
    /// <param name="buffer">The buffer to fill.</param>
    protected override void DoSampleBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Span<byte> word = stackalloc byte[sizeof(ulong)];
        for (var i = 0; i < buffer.Length; i += sizeof(ulong))
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(word, _random.NextUInt64());
            word[..Math.Min(sizeof(ulong), buffer.Length - i)].CopyTo(buffer.AsSpan(i));
        }
    }
}
