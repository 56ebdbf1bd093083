using AiGovernance.Reporting.Charts;

namespace AiGovernance.Reporting.Tests.Charts;

public sealed class SvgWriterTests
{
    [Fact]
    public void NiceTicks_CoverTheRangeWithRoundSteps()
    {
        var ticks = SvgWriter.NiceTicks(0.8287, 0.9142, 5);
        Assert.True(ticks[0] <= 0.8287 && ticks[^1] >= 0.9142);
        double[] expected = [0.82, 0.84, 0.86, 0.88, 0.9, 0.92];
        Assert.Equal(expected.Length, ticks.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], ticks[i], 12);
        }
    }
}
