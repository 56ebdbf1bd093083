using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests;

/// <summary>The SIMD finiteness check and range must agree with a plain scan at every length and position.</summary>
public class SampleGuardTests
{
    [Property(MaxTest = 300)]
    public Property IsFinite_FiniteValues_ReturnsTheirRange(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var values = new double[random.Next(1, 70)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(4) == 0 ? double.MaxValue * (random.Next(2) == 0 ? -1 : 1) : (random.NextDouble() - 0.5) * 1e6;
        }

        var finite = SampleGuard.IsFinite(values, out var minimum, out var maximum);
        return (finite && minimum == values.Min() && maximum == values.Max()).ToProperty();
    }

    [Property(MaxTest = 300)]
    public Property ThrowIfEmptyOrNotFinite_OneBadValueAnywhere_NamesItsIndex(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var values = new double[random.Next(1, 70)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.NextDouble();
        }

        double[] bad = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];
        var index = random.Next(values.Length);
        values[index] = bad[random.Next(bad.Length)];
        var error = Assert.Throws<ArgumentException>(() => SampleGuard.ThrowIfEmptyOrNotFinite(values, out _, out _));
        return (error.ParamName == "values" && error.Message.Contains($"at index {index};", StringComparison.Ordinal)
            && !SampleGuard.IsFinite(values, out _, out _)).ToProperty();
    }

    [Fact]
    public void ThrowIfEmptyOrNotFinite_Empty_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => SampleGuard.ThrowIfEmptyOrNotFinite([], out _, out _));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }
}
