namespace AiGovernance.Statistics;

/// <summary>A small, fast, seeded generator (SplitMix64, Steele, Lea &amp; Flood 2014) with unbiased bounded draws
/// (Lemire 2019). Its sequence for a seed is fixed by this code, independent of the .NET version.</summary>
/// <remarks>The one random generator of the product: every bootstrap and resampling (<see cref="Bootstrap"/>, the
/// fairness intervals, pairwise-difference selection) draws from it, and <c>System.Random</c> is banned in
/// <c>src/</c> (BannedSymbols.txt). The algorithm is written out in <see cref="Bootstrap"/>'s remarks so that results
/// can be reproduced outside .NET; <c>TestData/bootstrap_reference.py</c> does exactly that.</remarks>
internal struct SplitMix64Random
{
    private ulong _state;

    public SplitMix64Random(long seed) => _state = unchecked((ulong)seed);

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), bound ≥ 1.</summary>
    public ulong NextBounded(ulong bound)
    {
        var high = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = unchecked(0 - bound) % bound;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return high;
    }
}
