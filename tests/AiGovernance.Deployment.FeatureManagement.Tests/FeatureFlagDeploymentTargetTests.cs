using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Bucketing;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace AiGovernance.Deployment.FeatureManagement.Tests;

/// <summary>The rollout controller moves a real Microsoft.FeatureManagement variant allocation: each stage's share is measured
/// by evaluating the flag for 20,000 distinct users through <see cref="IVariantFeatureManager"/>.</summary>
/// <remarks>Slack: Microsoft.FeatureManagement hashes each user with the seed (SHA-256) to a percentile, so over n = 20,000
/// distinct users the candidate's share is binomial around the plan, SD √(p(1−p)/n): 0.21 pp at 10 %, 0.31 pp at 25 %,
/// 0.35 pp at 50 %; ±1 pp is 4.7, 3.3 and 2.8 SD. The user ids and seed are fixed, so every run measures the same shares.</remarks>
public class FeatureFlagDeploymentTargetTests
{
    private const string Feature = "FraudModel";
    private const string Salt = "fraud-model-v2";
    private const int Users = 20_000;
    private const double Tolerance = 0.01;
    private static readonly double[] Stages = [0.10, 0.25, 0.50, 1.0];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Services(Dictionary<string, string?>? appSettings = null, Action<FeatureFlagTrafficOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(appSettings ?? []).Build());
        services.AddFeatureManagement();
        services.AddAiGovernance(b => b.AddDeployment().AddFeatureFlagTraffic(o =>
        {
            o.FeatureName = Feature;
            o.Seed = Salt;
            o.PinnedCandidateUsers = ["debug-alice"];
            o.PinnedStableUsers = ["debug-bob"];
            configure?.Invoke(o);
        }));
        return services.BuildServiceProvider();
    }

    private static async Task<Dictionary<string, string?>> EvaluateAsync(IVariantFeatureManager features, IEnumerable<string> users,
        CanaryRecorder? recorder = null)
    {
        var variants = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            var variant = await features.GetVariantAsync(Feature, new TargetingContext { UserId = user }, Ct);
            variants.Add(user, variant?.Name);
            // One synthetic healthy request per user, in the arm the flag chose, so the controller can judge the stage.
            var arm = variant?.Name == "Candidate" ? DeploymentVariant.Candidate : DeploymentVariant.Baseline;
            recorder?.Record(new CanaryAssignment(arm, StableBucketing.SubBucket(user, Salt)), TimeSpan.FromMilliseconds(20), isError: false);
        }

        return variants;
    }

    private static double CandidateShare(Dictionary<string, string?> variants)
    {
        Assert.All(variants.Values, v => Assert.True(v is "Stable" or "Candidate", $"unexpected variant {v ?? "null"}"));
        return variants.Values.Count(v => v == "Candidate") / (double)variants.Count;
    }

    private static string[] UserIds(string prefix, int count = Users) => [.. Enumerable.Range(0, count).Select(i => $"{prefix}-{i}")];

    private static RolloutController Controller(IDeploymentTarget target, CanaryRecorder recorder, FakeTimeProvider time) =>
        new(RolloutPlan.Create(Salt, [.. Stages.Select(f => new RolloutStage(f, TimeSpan.FromHours(1), 1000))]), target, recorder,
            new InMemoryAuditLog(time), time) { Design = RoutingDesign.PerUnit };

    [Fact]
    public async Task StageChanges_MoveTheVariantShare_WithinOnePointOfTheAllocation_AndRollbackToZero()
    {
        await using var services = Services();
        var features = services.GetRequiredService<IVariantFeatureManager>();
        var recorder = new CanaryRecorder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var controller = Controller(services.GetRequiredService<IDeploymentTarget>(), recorder, time);
        var users = UserIds("user");

        Assert.Equal(0.0, CandidateShare(await EvaluateAsync(features, users)));
        await controller.StartCanaryAsync("shadow criteria met", Ct);
        HashSet<string>? previous = null;
        foreach (var planned in Stages)
        {
            Assert.Equal(planned, controller.Status.TrafficFraction);
            var variants = await EvaluateAsync(features, users, recorder);
            Assert.InRange(CandidateShare(variants), planned - Tolerance, planned + Tolerance);
            var candidates = variants.Where(v => v.Value == "Candidate").Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
            Assert.True(previous is null || previous.IsSubsetOf(candidates), "a user left the candidate when its share rose");
            previous = candidates;
            if (planned < 1.0)
            {
                time.Advance(TimeSpan.FromHours(1));
                Assert.Equal(CanaryDecision.ProceedToFullRollout, (await controller.EvaluateAsync(Ct)).LastAnalysis!.Decision);
            }
        }

        Assert.Equal(RolloutState.Completed, controller.Status.State);
        await services.GetRequiredService<IDeploymentTarget>().RollBackAsync("incident 4711", Ct);
        Assert.Equal(0.0, CandidateShare(await EvaluateAsync(features, users)));
    }

    [Fact]
    public async Task ControllerRollback_MovesTheShareToZero()
    {
        await using var services = Services();
        var features = services.GetRequiredService<IVariantFeatureManager>();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var controller = Controller(services.GetRequiredService<IDeploymentTarget>(), new CanaryRecorder(), time);
        var users = UserIds("session");
        await controller.StartCanaryAsync("go", Ct);
        Assert.InRange(CandidateShare(await EvaluateAsync(features, users)), Stages[0] - Tolerance, Stages[0] + Tolerance);

        Assert.Equal(RolloutState.RolledBack, (await controller.RollBackAsync("operator saw a bad dashboard", Ct)).State);

        Assert.Equal(0.0, CandidateShare(await EvaluateAsync(features, users)));
        Assert.True(services.GetRequiredService<FeatureFlagDeploymentTarget>().CandidateRetired);
    }

    [Fact]
    public async Task PinnedUsers_GetTheirArm_WhateverTheShare_AndCandidatePinsEndWithRollback()
    {
        await using var services = Services();
        var features = services.GetRequiredService<IVariantFeatureManager>();
        var target = services.GetRequiredService<FeatureFlagDeploymentTarget>();
        var pinned = new[] { "debug-alice", "debug-bob" };

        Assert.Equal(["Candidate", "Stable"], (await EvaluateAsync(features, pinned)).Values);
        await target.SetTrafficAsync(1.0, Ct);
        Assert.Equal(["Candidate", "Stable"], (await EvaluateAsync(features, pinned)).Values);
        await target.RollBackAsync("retire", Ct);
        Assert.Equal(["Stable", "Stable"], (await EvaluateAsync(features, pinned)).Values);
    }

    [Fact]
    public async Task TheApplicationsOwnFlags_AreKept_AndAFlagOfTheSameIdIsOverridden()
    {
        var appSettings = new Dictionary<string, string?>
        {
            ["feature_management:feature_flags:0:id"] = "Beta",
            ["feature_management:feature_flags:0:enabled"] = "true",
            ["feature_management:feature_flags:1:id"] = Feature,
            ["feature_management:feature_flags:1:enabled"] = "false",
        };
        await using var services = Services(appSettings);
        var features = services.GetRequiredService<IVariantFeatureManager>();
        await services.GetRequiredService<IDeploymentTarget>().SetTrafficAsync(0.5, Ct);

        Assert.True(await features.IsEnabledAsync("Beta", Ct));
        Assert.InRange(CandidateShare(await EvaluateAsync(features, UserIds("mixed", 4_000))), 0.47, 0.53);
    }
}
