namespace AiGovernance.Deployment.FeatureManagement.Tests;

public class FeatureFlagTrafficOptionsCustomValidatorTests
{
    [Fact]
    public void SameVariantForBothArms_Fails()
    {
        var options = new FeatureFlagTrafficOptions { FeatureName = "F", CandidateVariant = "stable" };
        Assert.Contains("must differ", FeatureFlagTrafficOptionsCustomValidator.Instance.Validate(null, options).FailureMessage,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("bob\r\nadmin")]
    public void InvalidPinnedUser_Fails_NamingItsIndex(string user)
    {
        var options = new FeatureFlagTrafficOptions { FeatureName = "F", PinnedCandidateUsers = ["alice", user] };
        Assert.Contains(FeatureFlagTrafficOptionsCustomValidator.Instance.Validate(null, options).Failures!,
            f => f.StartsWith("PinnedCandidateUsers[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void UserPinnedToBothArms_Fails()
    {
        var options = new FeatureFlagTrafficOptions { FeatureName = "F", PinnedCandidateUsers = ["alice"], PinnedStableUsers = ["alice"] };
        Assert.Contains("both arms", FeatureFlagTrafficOptionsCustomValidator.Instance.Validate(null, options).FailureMessage,
            StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyPinnedUsers_Fail()
    {
        var options = new FeatureFlagTrafficOptions { FeatureName = "F", PinnedStableUsers = [.. Enumerable.Range(0, 1001).Select(i => $"u{i}")] };
        Assert.Contains("at most 1000", FeatureFlagTrafficOptionsCustomValidator.Instance.Validate(null, options).FailureMessage,
            StringComparison.Ordinal);
    }

    [Fact]
    public void TargetConstructor_RejectsAMissingFeatureName()
    {
        var ex = Assert.Throws<ArgumentException>(() => new FeatureFlagDeploymentTarget(new FeatureFlagTrafficOptions()));
        Assert.Equal("options", ex.ParamName);
        Assert.Contains("FeatureName", ex.Message, StringComparison.Ordinal);
    }
}
