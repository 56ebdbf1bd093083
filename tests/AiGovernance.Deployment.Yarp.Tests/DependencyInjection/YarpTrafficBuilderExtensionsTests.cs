using AiGovernance.Deployment.Rollout;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;

namespace AiGovernance.Deployment.Yarp.Tests.DependencyInjection;

public class YarpTrafficBuilderExtensionsTests
{
    [Fact]
    public void YarpTarget_ReplacesTheRouterTarget_WhicheverIsAddedFirst()
    {
        foreach (var yarpFirst in new[] { true, false })
        {
            var services = new ServiceCollection();
            services.AddAiGovernance(b =>
            {
                if (yarpFirst)
                {
                    b.AddYarpTraffic(o => { o.StableAddress = "http://s/"; o.CandidateAddress = "http://c/"; }).AddDeployment();
                }
                else
                {
                    b.AddDeployment().AddYarpTraffic(o => { o.StableAddress = "http://s/"; o.CandidateAddress = "http://c/"; });
                }
            });
            using var provider = services.BuildServiceProvider();
            var target = provider.GetRequiredService<IDeploymentTarget>();
            Assert.Same(provider.GetRequiredService<YarpDeploymentTarget>(), target);
            Assert.Same(target, provider.GetServices<IProxyConfigProvider>().Single());
        }
    }

    [Fact]
    public void Options_BindFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Yarp:StableAddress"] = "http://stable:8080/",
            ["Yarp:CandidateAddress"] = "http://candidate:8080/",
            ["Yarp:PinHeaderName"] = "X-Canary-Pin",
            ["Yarp:Salt"] = "fraud-model-v2",
        }).Build();
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddYarpTraffic(configuration.GetSection("Yarp")));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<YarpTrafficOptions>>().Value;
        Assert.Equal(("X-Canary-Pin", "fraud-model-v2"), (options.PinHeaderName, options.Salt));
    }

    [Fact]
    public async Task InvalidOptions_FailTheHostAtStart()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddReverseProxy();
        builder.Services.AddAiGovernance(b => b.AddYarpTraffic(o => o.StableAddress = "http://s/"));
        await using var app = builder.Build();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("CandidateAddress", ex.Message, StringComparison.Ordinal);
    }
}
