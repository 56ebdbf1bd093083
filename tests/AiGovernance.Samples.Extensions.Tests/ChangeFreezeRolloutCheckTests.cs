using AiGovernance.Core;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Routing;
using AiGovernance.Samples.Extensions.ChangeFreeze;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Samples.Extensions.Tests;

public class ChangeFreezeRolloutCheckTests
{
    private static readonly ChangeFreezeWindow YearEnd = new()
    {
        Start = new DateTimeOffset(2026, 12, 18, 0, 0, 0, TimeSpan.Zero),
        End = new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero),
        Reason = "Year-end freeze",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Rollout(ServiceProvider provider, FakeTimeProvider time) : IDisposable
    {
        public FakeTimeProvider Time => time;
        public RolloutController Controller { get; } = provider.GetRequiredService<RolloutController>();
        public CanaryRouter Router { get; } = provider.GetRequiredService<CanaryRouter>();
        private CanaryRecorder Recorder { get; } = provider.GetRequiredService<CanaryRecorder>();
        public ChangeFreezeOptions Options => provider.GetRequiredService<IOptions<ChangeFreezeOptions>>().Value;

        /// <summary>40,000 requests split half and half, with the given error rates.</summary>
        public void Feed(double baselineErrorRate = 0.01, double candidateErrorRate = 0.01)
        {
            for (var i = 0; i < 20_000; i++)
            {
                Recorder.Record(DeploymentVariant.Baseline, TimeSpan.FromMilliseconds(40 + (i % 7)), i < baselineErrorRate * 20_000);
                Recorder.Record(DeploymentVariant.Candidate, TimeSpan.FromMilliseconds(40 + (i % 7)), i < candidateErrorRate * 20_000);
            }
        }

        public void Dispose() => provider.Dispose();
    }

    private static Rollout Build(DateTimeOffset now, Action<ChangeFreezeOptions>? configure = null)
    {
        var time = new FakeTimeProvider(now);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddAiGovernance(b => b
            .AddDeployment(o =>
            {
                o.RolloutName = "credit-model-v3";
                o.RoutingDesign = RoutingDesign.PerRequest;   // Feed records single requests, not customers
                o.StageFractions = [0.5, 1.0];
                o.MinStageDuration = TimeSpan.FromHours(1);
            })
            .AddChangeFreezeCheck(o =>
            {
                o.Windows.Add(YearEnd);
                configure?.Invoke(o);
            }));
        return new Rollout(services.BuildServiceProvider(), time);
    }

    [Fact]
    public async Task Freeze_HoldsAHealthyStage_ThenLetsItThroughAfterTheWindow()
    {
        using var rollout = Build(new DateTimeOffset(2026, 12, 18, 10, 0, 0, TimeSpan.Zero)); // Friday, frozen
        await rollout.Controller.StartCanaryAsync("shadow criteria met", Ct);
        rollout.Feed();
        rollout.Time.Advance(TimeSpan.FromHours(1));

        var held = await rollout.Controller.EvaluateAsync(Ct);

        Assert.Equal((RolloutState.Canary, 0.5), (held.State, held.TrafficFraction));
        Assert.Equal(CanaryDecision.ProceedToFullRollout, held.LastAnalysis!.Decision); // the canary itself is healthy
        Assert.Equal("Check change-freeze holds: Year-end freeze until 2027-01-04 00:00:00Z.", held.Reason);
        Assert.Equal(0.5, rollout.Router.TrafficFraction);

        rollout.Time.SetUtcNow(new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.Zero)); // Monday morning
        var after = await rollout.Controller.EvaluateAsync(Ct);

        Assert.Equal((RolloutState.Completed, 1.0), (after.State, after.TrafficFraction));
        Assert.Equal(1.0, rollout.Router.TrafficFraction);
    }

    [Fact]
    public async Task OutsideBusinessHours_Holds_UntilMonday()
    {
        using var rollout = Build(new DateTimeOffset(2027, 1, 8, 15, 30, 0, TimeSpan.Zero)); // Friday 15:30
        await rollout.Controller.StartCanaryAsync("go", Ct);
        rollout.Feed();
        rollout.Time.Advance(TimeSpan.FromHours(1)); // Friday 16:30

        var held = await rollout.Controller.EvaluateAsync(Ct);
        Assert.Equal(RolloutState.Canary, held.State);
        Assert.Equal("Check change-freeze holds: Outside business hours (Friday 16:30 UTC); stages advance 09:00–16:00.", held.Reason);

        rollout.Time.SetUtcNow(new DateTimeOffset(2027, 1, 9, 11, 0, 0, TimeSpan.Zero)); // Saturday
        Assert.Equal(RolloutState.Canary, (await rollout.Controller.EvaluateAsync(Ct)).State);

        rollout.Time.SetUtcNow(new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.Zero)); // Monday 09:00
        Assert.Equal(RolloutState.Completed, (await rollout.Controller.EvaluateAsync(Ct)).State);
    }

    [Fact]
    public async Task BusinessHoursOff_OnlyFreezeWindowsHold()
    {
        using var rollout = Build(new DateTimeOffset(2027, 1, 9, 22, 0, 0, TimeSpan.Zero), o => o.BusinessHoursOnly = false); // Saturday night
        await rollout.Controller.StartCanaryAsync("go", Ct);
        rollout.Feed();
        rollout.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(RolloutState.Completed, (await rollout.Controller.EvaluateAsync(Ct)).State);
    }

    [Fact]
    public async Task Freeze_DoesNotStopAnAutomaticRollback()
    {
        using var rollout = Build(new DateTimeOffset(2026, 12, 21, 10, 0, 0, TimeSpan.Zero));
        await rollout.Controller.StartCanaryAsync("go", Ct);
        rollout.Feed(baselineErrorRate: 0.01, candidateErrorRate: 0.05);

        var status = await rollout.Controller.EvaluateAsync(Ct);

        Assert.Equal(RolloutState.RolledBack, status.State);
        Assert.Equal(0.0, rollout.Router.TrafficFraction);
    }

    [Fact]
    public async Task OptionsFromConfiguration_HoldDuringTheConfiguredWindow()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChangeFreeze:Windows:0:Start"] = "2026-12-18T00:00:00Z",
            ["ChangeFreeze:Windows:0:End"] = "2027-01-04T00:00:00Z",
            ["ChangeFreeze:Windows:0:Reason"] = "Year-end freeze",
            ["ChangeFreeze:BusinessHoursOnly"] = "false",
        }).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddAiGovernance(b => b
            .AddDeployment(o =>
            {
                o.StageFractions = [0.5, 1.0];
                o.RoutingDesign = RoutingDesign.PerRequest;   // Feed records single requests, not customers
            })
            .AddChangeFreezeCheck(configuration.GetSection("ChangeFreeze")));
        using var rollout = new Rollout(services.BuildServiceProvider(), time);

        var options = rollout.Options;
        Assert.Equal(YearEnd.Start, Assert.Single(options.Windows).Start);
        Assert.False(options.BusinessHoursOnly);

        await rollout.Controller.StartCanaryAsync("go", Ct);
        rollout.Feed();
        rollout.Time.Advance(TimeSpan.FromHours(1));
        Assert.StartsWith("Check change-freeze holds: Year-end freeze", (await rollout.Controller.EvaluateAsync(Ct)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidOptions_FailStartupValidation()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddChangeFreezeCheck(o =>
        {
            o.Windows.Add(new ChangeFreezeWindow { Start = YearEnd.End, End = YearEnd.Start });
            o.TimeZoneId = "Mars/Olympus_Mons";
        }));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(ex.Failures, f => f.StartsWith("Windows[0] ends at", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Mars/Olympus_Mons", StringComparison.Ordinal));
    }

    [Fact]
    public void AddChangeFreezeCheck_Twice_RegistersTheGateOnce()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddChangeFreezeCheck(_ => { }).AddChangeFreezeCheck(_ => { }));

        Assert.Single(services, d => d.ServiceType == typeof(IRolloutCheck));
        Assert.Single(services, d => d.ServiceType == typeof(RolloutController));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<ChangeFreezeOptions>));
    }
}
