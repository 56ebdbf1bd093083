using AiGovernance.Oversight.Review;

namespace AiGovernance.Oversight.Tests.Review;

public class ReviewRecordTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static ReviewRecord Make(string initial, string ai, string final) =>
        new("c", "r", ReviewKind.Routed, T0, T0, T0, initial, 0.5, ai, 0.6, final);

    [Theory]
    [InlineData("a", "a", "a", false, false, false, false)]
    [InlineData("b", "a", "b", true, false, false, true)]
    [InlineData("b", "a", "a", true, true, true, false)]
    [InlineData("a", "a", "b", false, true, false, true)]
    [InlineData("b", "a", "c", true, true, false, true)]
    public void DerivedFlags_FollowDecisions(string initial, string ai, string final, bool disagreement, bool changedMind, bool towardAi, bool isOverride)
    {
        var record = Make(initial, ai, final);
        Assert.Equal(disagreement, record.Disagreement);
        Assert.Equal(changedMind, record.ChangedMind);
        Assert.Equal(towardAi, record.ChangedTowardAi);
        Assert.Equal(isOverride, record.IsOverride);
    }

    [Fact]
    public void Constructor_TimestampsOutOfOrder_NamesArgument()
    {
        Assert.Equal("initialJudgmentAt", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ReviewRecord("c", "r", ReviewKind.Routed, T0, T0.AddSeconds(-1), T0, "a", 0.5, "a", 0.5, "a")).ParamName);
        Assert.Equal("finalDecisionAt", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ReviewRecord("c", "r", ReviewKind.Routed, T0, T0.AddSeconds(5), T0.AddSeconds(4), "a", 0.5, "a", 0.5, "a")).ParamName);
    }

    [Fact]
    public void Constructor_MissingFieldsOrBadConfidence_NamesArgument()
    {
        Assert.Equal("reviewerId", Assert.Throws<ArgumentException>(() =>
            new ReviewRecord("c", "", ReviewKind.Routed, T0, T0, T0, "a", 0.5, "a", 0.5, "a")).ParamName);
        Assert.Equal("finalDecision", Assert.Throws<ArgumentNullException>(() =>
            new ReviewRecord("c", "r", ReviewKind.Routed, T0, T0, T0, "a", 0.5, "a", 0.5, null!)).ParamName);
        Assert.Equal("aiConfidence", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ReviewRecord("c", "r", ReviewKind.Routed, T0, T0, T0, "a", 0.5, "a", double.NaN, "a")).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ReviewRecord("c", "r", (ReviewKind)9, T0, T0, T0, "a", 0.5, "a", 0.5, "a")).ParamName);
    }
}
