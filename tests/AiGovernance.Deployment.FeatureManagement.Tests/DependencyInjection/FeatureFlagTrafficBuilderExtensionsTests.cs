using AiGovernance.Deployment.Rollout;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;

namespace AiGovernance.Deployment.FeatureManagement.Tests.DependencyInjection;

public class FeatureFlagTrafficBuilderExtensionsTests
{
    [Fact]
    public async Task Target_ReplacesTheRouterTarget_AndTheFlagIsSeen_WhicheverOrderTheyAreAdded()
    {
        foreach (var featureManagementFirst in new[] { true, false })
        {
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
            if (featureManagementFirst)
            {
                services.AddFeatureManagement();
            }

            services.AddAiGovernance(b => b.AddDeployment().AddFeatureFlagTraffic(o => o.FeatureName = "Model"));
            if (!featureManagementFirst)
            {
                services.AddFeatureManagement();
            }

            await using var provider = services.BuildServiceProvider();
            Assert.Same(provider.GetRequiredService<FeatureFlagDeploymentTarget>(), provider.GetRequiredService<IDeploymentTarget>());
            var variant = await provider.GetRequiredService<IVariantFeatureManager>().GetVariantAsync("Model",
                TestContext.Current.CancellationToken);
            Assert.Equal("Stable", variant?.Name);
        }
    }

    [Fact]
    public void Options_BindFromConfiguration_AndInvalidOptionsFailValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Flags:FeatureName"] = "Model",
            ["Flags:PinnedCandidateUsers:0"] = "alice",
            ["Flags:PinnedStableUsers:0"] = "alice",
        }).Build();
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddFeatureFlagTraffic(configuration.GetSection("Flags")));
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FeatureFlagTrafficOptions>>().Value);
        Assert.Contains("both arms", ex.Message, StringComparison.Ordinal);
    }
}
