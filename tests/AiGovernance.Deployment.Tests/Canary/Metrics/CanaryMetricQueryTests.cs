using AiGovernance.Deployment.Canary.Metrics;

namespace AiGovernance.Deployment.Tests.Canary.Metrics;

public sealed class CanaryMetricQueryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("credit-scoring:v2.1_a")]
    [InlineData("r")]
    public void IsValidRolloutName_LettersDigitsAndSeparators_Valid(string rollout) =>
        Assert.True(CanaryMetricQuery.IsValidRolloutName(rollout));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("quote\"")]
    [InlineData("brace}")]
    public void IsValidRolloutName_NullEmptyOrOtherCharacters_Invalid(string? rollout) =>
        Assert.False(CanaryMetricQuery.IsValidRolloutName(rollout));

    [Fact]
    public void Constructor_NullRollout_Throws() =>
        Assert.Equal("rollout", Assert.Throws<ArgumentNullException>(() => new CanaryMetricQuery(null!, Start, Start.AddMinutes(5))).ParamName);

    [Fact]
    public void Constructor_RolloutThatCouldBreakAQuery_ThrowsWithItsLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CanaryMetricQuery("x\"}) or vector(1", Start, Start.AddMinutes(5)));

        Assert.Equal("rollout", ex.ParamName);
        Assert.StartsWith("A rollout name must be 1 to 128 letters, digits or '_', '.', ':', '-' (got 16 characters).", ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EndNotAfterStart_Throws() =>
        Assert.Equal("end", Assert.Throws<ArgumentOutOfRangeException>(() => new CanaryMetricQuery("r", Start, Start)).ParamName);

    [Fact]
    public void Window_IsEndMinusStart() =>
        Assert.Equal(TimeSpan.FromMinutes(5), new CanaryMetricQuery("r", Start, Start.AddMinutes(5)).Window);
}
