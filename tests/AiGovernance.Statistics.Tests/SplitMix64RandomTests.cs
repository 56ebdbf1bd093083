namespace AiGovernance.Statistics.Tests;

public class SplitMix64RandomTests
{
    [Fact]
    public void Sequence_IsFixedForASeed()
    {
        // Reference outputs of SplitMix64 for seed 0 (Steele, Lea & Flood; also the seeding generator of xoshiro).
        var random = new SplitMix64Random(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
    }

    [Fact]
    public void NextBounded_StaysInRange_AndIsRoughlyUniform()
    {
        var random = new SplitMix64Random(123);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++)
        {
            counts[random.NextBounded(7)]++;
        }

        // Each cell expects 10,000 with standard deviation ≈ 93; ±600 is beyond 6σ.
        Assert.All(counts, c => Assert.InRange(c, 9_400, 10_600));
        Assert.Equal(0UL, new SplitMix64Random(5).NextBounded(1));
    }

    [Fact]
    public void NextBounded_NearTwoToThe64_RejectsExactlyTheLowWordsBelowLemiresThreshold()
    {
        // TestData/splitmix64_reference.py re-implements SplitMix64 and Lemire's method in exact Python integers. Its
        // bounds near 2^64 send a quarter to a half of the words into the rejection loop, and its "boundary" case draws a
        // low word equal to the threshold, which is accepted.
        var data = Reference.Load("splitmix64_reference.json");
        foreach (var c in data.GetProperty("bounded").EnumerateArray())
        {
            var random = new SplitMix64Random(c.GetProperty("seed").GetInt64());
            var bound = c.GetProperty("bound").GetUInt64();
            var i = 0;
            foreach (var expected in c.GetProperty("draws").EnumerateArray())
            {
                Assert.True(expected.GetUInt64() == random.NextBounded(bound), $"{c.GetProperty("name").GetString()}, draw {i}");
                i++;
            }
        }
    }
}
