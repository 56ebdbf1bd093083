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

    [Fact]
    public void DemoApprovals_InProduction_AreRefusedAtStartUp_NamingTheSetting()
    {
        using var dir = new TempDirectory();
        using var factory = GatedServiceFactory.Create(dir, new Dictionary<string, string?> { ["GatedService:GenerateDemoApprovals"] = "true" }, "Production");

        var thrown = Record.Exception(() => factory.CreateClient());

        var invalid = Assert.IsType<OptionsValidationException>(Innermost<OptionsValidationException>(thrown));
        Assert.Contains("GenerateDemoApprovals", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("Production", invalid.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "governance", "trusted-reviewer-keys.json")));
    }

    [Fact]
    public void Production_ByDefault_GeneratesNoDemoKeys_AndTheGateBlocks()
    {
        using var dir = new TempDirectory();
        using var factory = GatedServiceFactory.Create(dir, environment: "Production");

        var thrown = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(Innermost<AiGovernance.Gates.Decisions.DeploymentBlockedException>(thrown));
        Assert.False(File.Exists(Path.Combine(dir.Path, "governance", "trusted-reviewer-keys.json")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(dir.Path, "governance", "approvals")));
    }

    [Fact]
    public void DemoKey_InProduction_IsRefusedAtStartUp()
    {
        using var dir = new TempDirectory();
        using var factory = GatedServiceFactory.Create(dir, new Dictionary<string, string?>
        {
            ["GatedService:ApiKeys:0:Name"] = "demo",
            ["GatedService:ApiKeys:0:Sha256"] = GatedServiceFactory.Sha256("demo-key-not-for-production"),
            ["GatedService:ApiKeys:0:Roles:0"] = "operator",
        }, "Production");

        var thrown = Record.Exception(() => factory.CreateClient());

        var invalid = Assert.IsType<OptionsValidationException>(Innermost<OptionsValidationException>(thrown));
        Assert.Contains("demo key", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_TurnDemoApprovalsOnOnlyForDevelopment()
    {
        var root = AppContext.BaseDirectory;
        using var production = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "appsettings.json")));
        using var development = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "appsettings.Development.json")));

        Assert.False(production.RootElement.GetProperty("GatedService").GetProperty("GenerateDemoApprovals").GetBoolean());
        Assert.Equal(0, production.RootElement.GetProperty("GatedService").GetProperty("ApiKeys").GetArrayLength());
        Assert.True(development.RootElement.GetProperty("GatedService").GetProperty("GenerateDemoApprovals").GetBoolean());
        Assert.False(new GatedServiceOptions().GenerateDemoApprovals);
    }

    private static T? Innermost<T>(Exception? exception)
        where T : Exception
    {
        while (exception is not null)
        {
            if (exception is T match)
            {
                return match;
            }

            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (Innermost<T>(inner) is { } found)
                    {
                        return found;
                    }
                }
            }

            exception = exception.InnerException;
        }

        return null;
    }
}
