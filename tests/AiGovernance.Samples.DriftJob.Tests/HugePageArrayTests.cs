using AiGovernance.Samples.DriftJob.Data;

namespace AiGovernance.Samples.DriftJob.Tests;

public class HugePageArrayTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(3_000_000)] // 24 MB: pinned and advised on Linux
    public void Allocate_GivesAZeroedArrayOfTheLength_ThatHoldsWhatIsWritten(int length)
    {
        var values = HugePageArray.Allocate<double>(length);

        Assert.Equal(length, values.Length);
        Assert.True(values.AsSpan().IndexOfAnyExcept(0.0) < 0);
        for (var i = 0; i < length; i += 4096)
        {
            values[i] = i + 0.5;
        }

        for (var i = 0; i < length; i += 4096)
        {
            Assert.Equal(i + 0.5, values[i]);
        }
    }

    [Fact]
    public void Allocate_LargeCodes_AreZeroedToo()
    {
        var codes = HugePageArray.Allocate<int>(2_000_000);

        Assert.Equal(2_000_000, codes.Length);
        Assert.True(codes.AsSpan().IndexOfAnyExcept(0) < 0);
    }
}
