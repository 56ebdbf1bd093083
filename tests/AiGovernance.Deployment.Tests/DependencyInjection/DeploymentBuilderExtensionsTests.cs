using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Deployment.Tests.DependencyInjection;

public class DeploymentBuilderExtensionsTests
{
    private sealed class AlwaysProceedCheck : IRolloutCheck
    {
        public string Name => "always";

        public ValueTask<RolloutCheckResult> EvaluateAsync(RolloutCheckContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(RolloutCheckResult.Proceed("ok"));
    }

    [Fact]
    public void AddDeployment_EnsureServicesNotAddedTwice()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddDeployment().AddRolloutCheck<AlwaysProceedCheck>());
        var count = services.Count;
        services.AddAiGovernance(b => b.AddDeployment(o => o.RolloutName = "fraud-v2").AddRolloutCheck<AlwaysProceedCheck>());

        Assert.Equal(count + 1, services.Count); // only the second configure action
        Assert.Single(services, d => d.ServiceType == typeof(RolloutController));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        Assert.Single(services, d => d.ServiceType == typeof(IRolloutCheck));
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IValidateOptions<DeploymentOptions>)));
    }

    [Fact]
    public async Task Resolves_AControllerOverTheRouter_WithThePowerBasedPlan()
    {
        var time = new FakeTimeProvider();
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddAiGovernance(b => b.AddDeployment(o =>
            {
                o.RolloutName = "fraud-v2";
                o.StageFractions = [0.1, 1.0];
                o.MonitoringInterval = null;
            }))
            .BuildServiceProvider();

        var controller = provider.GetRequiredService<RolloutController>();
        var router = provider.GetRequiredService<CanaryRouter>();
        Assert.Equal("fraud-v2", router.Salt);
        Assert.Equal([0.1, 1.0], controller.Plan.Stages.Select(s => s.TrafficFraction));
        Assert.True(controller.Plan.Stages[0].MinRequestsPerVariant > 7000);
        Assert.Same(provider.GetRequiredService<CanaryRecorder>(), provider.GetRequiredService<CanaryRecorder>());

        await controller.StartCanaryAsync("shadow passed", TestContext.Current.CancellationToken);
        Assert.Equal(0.1, router.TrafficFraction);
        Assert.Equal(RoutingDesign.PerUnit, router.Design);
        Assert.Equal(RoutingDesign.PerUnit, controller.Design);
        Assert.Equal(CanaryRouter.DefaultRecentUnitCacheSize, router.RecentUnitCacheSize);
        Assert.Equal(0.005, controller.Plan.MinimumDetectableEffect);
    }

    [Fact]
    public void RoutingDesignAndCacheSize_ReachTheRouterAndTheController()
    {
        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b.AddDeployment(o =>
            {
                o.RoutingDesign = RoutingDesign.PerRequest;
                o.RecentUnitCacheSize = 0;
                o.MonitoringInterval = null;
            }))
            .BuildServiceProvider();

        Assert.Equal(RoutingDesign.PerRequest, provider.GetRequiredService<CanaryRouter>().Design);
        Assert.Equal(0, provider.GetRequiredService<CanaryRouter>().RecentUnitCacheSize);
        Assert.Equal(RoutingDesign.PerRequest, provider.GetRequiredService<RolloutController>().Design);
    }

    [Fact]
    public void UndefinedRoutingDesign_FailsValidation()
    {
        var result = new DeploymentOptionsValidator().Validate(null, new DeploymentOptions { RoutingDesign = (RoutingDesign)9 });
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("RoutingDesign", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { 0.05, 0.5 })]
    [InlineData(new[] { 0.5, 0.25, 1.0 })]
    public void InvalidStages_FailValidationAtStart(double[] fractions)
    {
        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b.AddDeployment(o => o.StageFractions = fractions))
            .BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("StageFractions", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonPositiveThresholds_FailValidation()
    {
        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b.AddDeployment(o =>
            {
                o.Canary.MaxP95IncreaseMilliseconds = 0;
                o.Canary.Alpha = -1;
                o.MonitoringInterval = TimeSpan.Zero;
            }))
            .BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DeploymentOptions>>().Value);
        Assert.Contains(exception.Failures, f => f.Contains("MaxP95IncreaseMilliseconds", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("MonitoringInterval", StringComparison.Ordinal));
    }

    [Fact]
    public void BindsFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Deployment:RolloutName"] = "from-config",
            ["Deployment:StageFractions:0"] = "0.2",
            ["Deployment:StageFractions:1"] = "1",
            ["Deployment:Canary:MaxP95IncreaseMilliseconds"] = "80",
            ["Deployment:Canary:Mode"] = "FixedSample",
        }).Build();
        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b.AddDeployment(configuration.GetSection("Deployment")))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DeploymentOptions>>().Value;
        Assert.Equal("from-config", options.RolloutName);
        Assert.Equal([0.2, 1.0], options.StageFractions!);
        Assert.Equal(80, options.Canary.MaxP95IncreaseMilliseconds);
        Assert.Equal(CanaryAnalysisMode.FixedSample, options.Canary.Mode);
    }

    [Fact]
    public async Task HostedService_EvaluatesOnTheConfiguredInterval()
    {
        var time = new FakeTimeProvider();
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddAiGovernance(b => b.AddDeployment(o => o.MonitoringInterval = TimeSpan.FromMinutes(5)))
            .BuildServiceProvider();
        var controller = provider.GetRequiredService<RolloutController>();
        var ct = TestContext.Current.CancellationToken;
        await controller.StartCanaryAsync("go", ct);
        controller.SignalFairnessViolation("parity ratio 0.6");

        var service = provider.GetServices<IHostedService>().Single();
        await service.StartAsync(ct);
        time.Advance(TimeSpan.FromMinutes(5));
        for (var i = 0; i < 200 && controller.Status.State != RolloutState.RolledBack; i++)
        {
            await Task.Delay(10, ct);
        }

        Assert.Equal(RolloutState.RolledBack, controller.Status.State);
        Assert.Equal(0.0, provider.GetRequiredService<CanaryRouter>().TrafficFraction);
        await service.StopAsync(ct);
    }

    [Fact]
    public void AddDeployment_SeveralInvalidOptions_StartupListsEveryError()
    {
        var services = new ServiceCollection().AddAiGovernance(b => b.AddDeployment(o =>
        {
            o.StageFractions = [0.5, 0.25];
            o.MinStageDuration = TimeSpan.FromHours(-1);
            o.Canary.Alpha = 0.9;
            o.Resilience.RollbackMaxDelay = TimeSpan.Zero;
            o.Shadow.CandidateTimeout = TimeSpan.Zero;
        }));

        var failures = StartupValidation.Failures(services);

        foreach (var field in new[] { "StageFractions", "MinStageDuration", "Alpha", "RollbackMaxDelay", "CandidateTimeout" })
        {
            Assert.Contains(failures, f => f.Contains(field, StringComparison.Ordinal));
        }
    }

#pragma warning disable CS0618 // The obsolete names are what this test is about.
    [Fact]
    public void AddDeploymentStrategies_ObsoleteNames_ForwardToAddDeployment()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Deployment:BaselineErrorRate"] = "0.02",
        }).Build();
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddDeploymentStrategies().AddDeploymentStrategies(o => o.RolloutName = "fraud-v2")
            .AddDeploymentStrategies(configuration.GetSection("Deployment")));

        Assert.Single(services, d => d.ServiceType == typeof(RolloutController));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<DeploymentOptions>>().Value;
        Assert.Equal("fraud-v2", options.RolloutName);
        Assert.Equal(0.02, options.BaselineErrorRate);
    }
#pragma warning restore CS0618
}
