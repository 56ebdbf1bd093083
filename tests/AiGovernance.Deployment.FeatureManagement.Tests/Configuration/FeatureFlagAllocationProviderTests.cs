using AiGovernance.Deployment.FeatureManagement.Configuration;

namespace AiGovernance.Deployment.FeatureManagement.Tests.Configuration;

public class FeatureFlagAllocationProviderTests
{
    private static FeatureFlagTrafficOptions Options() => new()
    {
        FeatureName = "FraudModel",
        Seed = "fraud-model-v2",
        CandidateConfigurationValue = "fraud-v2",
        PinnedCandidateUsers = ["alice"],
        PinnedStableUsers = ["bob", "carol"],
    };

    [Fact]
    public void QuarterShare_WritesTheDocumentedAllocationShape()
    {
        var data = FeatureFlagAllocationProvider.Build(Options(), 0.25, retired: false);
        const string f = "feature_management:feature_flags:0:";
        var expected = new Dictionary<string, string?>
        {
            [f + "id"] = "FraudModel",
            [f + "enabled"] = "true",
            [f + "variants:0:name"] = "Stable",
            [f + "variants:1:name"] = "Candidate",
            [f + "variants:1:configuration_value"] = "fraud-v2",
            [f + "allocation:default_when_enabled"] = "Stable",
            [f + "allocation:default_when_disabled"] = "Stable",
            [f + "allocation:seed"] = "fraud-model-v2",
            [f + "allocation:percentile:0:variant"] = "Candidate",
            [f + "allocation:percentile:0:from"] = "0",
            [f + "allocation:percentile:0:to"] = "25",
            [f + "allocation:percentile:1:variant"] = "Stable",
            [f + "allocation:percentile:1:from"] = "25",
            [f + "allocation:percentile:1:to"] = "100",
            [f + "allocation:user:0:variant"] = "Candidate",
            [f + "allocation:user:0:users:0"] = "alice",
            [f + "allocation:user:1:variant"] = "Stable",
            [f + "allocation:user:1:users:0"] = "bob",
            [f + "allocation:user:1:users:1"] = "carol",
        };
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), data.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Rollback_LeavesOnlyTheStableVariant_AndItsPins()
    {
        var data = FeatureFlagAllocationProvider.Build(Options(), 0.0, retired: true);
        Assert.DoesNotContain(data.Values, v => v is "Candidate" or "alice");
        Assert.Equal("100", data["feature_management:feature_flags:0:allocation:percentile:0:to"]);
        Assert.Equal("bob", data["feature_management:feature_flags:0:allocation:user:0:users:0"]);
    }

    [Fact]
    public void FullShare_HasNoStablePercentile()
    {
        var data = FeatureFlagAllocationProvider.Build(Options(), 1.0, retired: false);
        Assert.Equal("Candidate", data["feature_management:feature_flags:0:allocation:percentile:0:variant"]);
        Assert.False(data.ContainsKey("feature_management:feature_flags:0:allocation:percentile:1:variant"));
    }
}
