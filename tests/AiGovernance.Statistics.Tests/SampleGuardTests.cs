using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests;

/// <summary>The SIMD finiteness check and range must agree with a plain scan at every length and position.</summary>
public class SampleGuardTests
{
    [Fact]
    public void IsFinite_SpanOverPartOfAnArray_ReadsOnlyItsOwnValues()
    {
        // The vector loop must stop at the span's end: the NaNs just past it are not part of the sample.
        var storage = new double[64];
        for (var length = 8; length <= 24; length++)
        {
            storage.AsSpan().Fill(double.NaN);
            for (var i = 0; i < length; i++)
            {
                storage[i] = i + 1;
            }

            Assert.True(SampleGuard.IsFinite(storage.AsSpan(0, length), out var minimum, out var maximum), $"length {length}");
            Assert.Equal((1.0, (double)length), (minimum, maximum));
        }
    }

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
