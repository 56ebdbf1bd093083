using AiGovernance.Shared;

namespace AiGovernance.Shared.Tests.Guards;

public sealed class ArgumentGuardTests
{
    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void ThrowIfNotProbability_OutsideTheUnitInterval_NamesTheArgument(double confidence)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ArgumentGuard.ThrowIfNotProbability(confidence));
        Assert.Equal(nameof(confidence), ex.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void ThrowIfNotProbability_InsideTheUnitInterval_Passes(double confidence) =>
        ArgumentGuard.ThrowIfNotProbability(confidence);

    [Fact]
    public void ThrowIfNotFinite_Infinity_NamesTheArgument()
    {
        var rate = double.PositiveInfinity;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ArgumentGuard.ThrowIfNotFinite(rate));
        Assert.Equal(nameof(rate), ex.ParamName);
    }

    [Fact]
    public void ThrowIfAnyNotFinite_NamesTheFirstBadIndex()
    {
        double[] history = [1, 2, double.NaN, double.PositiveInfinity];
        var ex = Assert.Throws<ArgumentException>(() => ArgumentGuard.ThrowIfAnyNotFinite(history));
        Assert.Equal(nameof(history), ex.ParamName);
        Assert.Contains("index 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfEmptyWhenGiven_AllowsNullButNotBlank()
    {
        ArgumentGuard.ThrowIfEmptyWhenGiven(null);
        string systemId = " ";
        var ex = Assert.Throws<ArgumentException>(() => ArgumentGuard.ThrowIfEmptyWhenGiven(systemId));
        Assert.Equal(nameof(systemId), ex.ParamName);
    }
}
