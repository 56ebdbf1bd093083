using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Yarp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using Microsoft.Extensions.Configuration;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The ```csharp blocks of src/AiGovernance.Deployment.Yarp/README.md and
/// src/AiGovernance.Deployment.FeatureManagement/README.md.</summary>
public class TrafficTargetSnippets
{
    [Fact]
    public async Task Yarp_Block1_StartsTheRollout_AndYarpAppliesTheFirstStage()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        builder.Services.AddReverseProxy();
        builder.Services.AddAiGovernance(b => b
            .AddDeployment(o => o.RolloutName = "fraud-model-v2")
            .AddYarpTraffic(o =>
            {
                o.StableAddress = "http://fraud-v1:8080/";
                o.CandidateAddress = "http://fraud-v2:8080/";
                o.Salt = "fraud-model-v2";              // the rollout name: proxy and CanaryRouter agree
                o.UnitIdHeaderName = "X-Customer-Id";   // every request of a customer goes to one arm
                o.PinHeaderName = "X-Canary-Pin";       // "stable" / "candidate" for debugging; off unless set
            }));
        var app = builder.Build();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseRolloutRecording();   // feeds the CanaryRecorder the controller judges
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();      // a custom pipeline must add YARP's standard steps back
            proxy.UsePassiveHealthChecks();
        });
        await app.StartAsync();

        var controller = app.Services.GetRequiredService<RolloutController>();
        await controller.StartCanaryAsync("shadow criteria met");   // YARP now sends 5 % of customers to fraud-v2

        try
        {
            Assert.Equal(0.05, app.Services.GetRequiredService<YarpDeploymentTarget>().CandidateFraction);
            Assert.Equal(RolloutState.Canary, controller.Status.State);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task FeatureManagement_Block1_StartsTheRollout_AndTheFlagAnswers()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());

        services.AddFeatureManagement();
        services.AddAiGovernance(b => b
            .AddDeployment(o => o.RolloutName = "fraud-model-v2")
            .AddFeatureFlagTraffic(o =>
            {
                o.FeatureName = "FraudModel";
                o.Seed = "fraud-model-v2";               // users hash to the same percentile in every flag with this seed
                o.PinnedCandidateUsers = ["debug-alice"]; // always the candidate, until a rollback
            }));
        using var provider = services.BuildServiceProvider();

        var controller = provider.GetRequiredService<RolloutController>();
        await controller.StartCanaryAsync("shadow criteria met");   // percentiles [0, 5) now get "Candidate"

        var features = provider.GetRequiredService<IVariantFeatureManager>();
        var variant = await features.GetVariantAsync("FraudModel", new TargetingContext { UserId = "customer-42" });

        Assert.True(variant?.Name is "Stable" or "Candidate");
        Assert.Equal("Candidate", (await features.GetVariantAsync("FraudModel", new TargetingContext { UserId = "debug-alice" }))?.Name);
        Assert.Equal(0.05, controller.Status.TrafficFraction);
    }
}
