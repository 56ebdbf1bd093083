using AiGovernance.Deployment;
using AiGovernance.Oversight;
using AiGovernance.Scorecards;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiGovernance.Samples.GatedService.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task AppSettings_BindKestrelToLoopbackOnly_AndConfigureEveryPackage()
    {
        using var dir = new TempDirectory();
        await using var factory = GatedServiceFactory.Create(dir);
        using var client = factory.CreateClient();
        var configuration = factory.Services.GetRequiredService<IConfiguration>();

        var url = new Uri(configuration["Kestrel:Endpoints:Http:Url"]!);
        Assert.Equal("127.0.0.1", url.Host);
        Assert.Equal(5080, url.Port);

        // The seed's 5% → 25% → 50% → 100% plan and the other packages' sections come from appsettings.json.
        var deployment = factory.Services.GetRequiredService<IOptions<DeploymentOptions>>().Value;
        Assert.Equal([0.05, 0.25, 0.5, 1.0], deployment.StageFractions!);
        Assert.Equal("credit-scorer-2.0.0", deployment.RolloutName);
        var oversight = factory.Services.GetRequiredService<IOptions<OversightOptions>>().Value;
        Assert.Equal(0.75, oversight.ReviewThreshold);
        Assert.Equal("2026-Q4", oversight.AuditSalt);
        var scorecards = factory.Services.GetRequiredService<IOptions<ScorecardsOptions>>().Value;
        Assert.Equal(8, scorecards.Metrics.Count);
        Assert.Equal(4, scorecards.Metrics.Select(m => m.Dimension).Distinct().Count());
    }
}
