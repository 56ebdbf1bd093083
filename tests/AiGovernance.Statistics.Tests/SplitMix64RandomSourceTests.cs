using MathNet.Numerics.Distributions;

namespace AiGovernance.Statistics.Tests;

public class SplitMix64RandomSourceTests
{
    [Fact]
    public void NextDouble_IsTheTop53BitsOfTheSplitMix64Sequence()
    {
        // The published SplitMix64 outputs for seed 0 (see SplitMix64RandomTests), scaled by 2^-53.
        var random = new SplitMix64RandomSource(0);
        Assert.Equal((0xE220A8397B1DCDAFUL >> 11) / 9007199254740992.0, random.NextDouble());
        Assert.Equal((0x6E789E6AA1B965F4UL >> 11) / 9007199254740992.0, random.NextDouble());
        Assert.Equal((0x06C45D188009454FUL >> 11) / 9007199254740992.0, random.NextDouble());
    }

    [Fact]
    public void BoundedIntegers_AreSplitMix64sUnbiasedDraws()
    {
        var source = new SplitMix64RandomSource(123);
        var reference = new SplitMix64Random(123);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal((int)reference.NextBounded(7), source.Next(7));
            Assert.Equal(10 + (int)reference.NextBounded(5), source.Next(10, 15));
        }
    }

    [Fact]
    public void MathNetNormal_DrawnFromIt_HasTheRequestedMoments()
    {
        var random = new SplitMix64RandomSource(20_260_401);
        var draws = new double[100_000];
        for (var i = 0; i < draws.Length; i++)
        {
            draws[i] = Normal.Sample(random, 3, 2);
        }

        // The mean's standard error is 2/√100000 ≈ 0.0063 and the sd's ≈ 0.0045: ±0.04 and ±0.03 are beyond 6σ.
        Assert.InRange(draws.Average(), 2.96, 3.04);
        Assert.InRange(Math.Sqrt(draws.Select(x => (x - 3) * (x - 3)).Average()), 1.97, 2.03);
    }

    [Fact]
    public void NextBytes_AreTheOutputsLittleEndian_OneWordPerEightBytes()
    {
        // Seed 0's published outputs: 16 bytes take exactly the first two words, so the next double is the third.
        var random = new SplitMix64RandomSource(0);
        var bytes = new byte[16];
        random.NextBytes(bytes);
        Assert.Equal(Convert.FromHexString("AFCD1D7B39A820E2F465B9A16A9E786E"), bytes);
        Assert.Equal((0x06C45D188009454FUL >> 11) / 9007199254740992.0, random.NextDouble());

        // 3 bytes take the low three bytes of a whole word, and the next draw starts on a fresh word.
        random = new SplitMix64RandomSource(0);
        bytes = new byte[3];
        random.NextBytes(bytes);
        Assert.Equal(new byte[] { 0xAF, 0xCD, 0x1D }, bytes);
        Assert.Equal((0x6E789E6AA1B965F4UL >> 11) / 9007199254740992.0, random.NextDouble());
    }
}
