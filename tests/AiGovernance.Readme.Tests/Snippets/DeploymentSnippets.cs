using System.Diagnostics;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The ```csharp blocks of src/AiGovernance.Deployment/README.md.</summary>
public class DeploymentSnippets
{
    /// <summary>A stand-in for the README's fairness check.</summary>
    private sealed class MyFairnessCheck : IRolloutCheck
    {
        public string Name => "fairness";

        public ValueTask<RolloutCheckResult> EvaluateAsync(RolloutCheckContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(RolloutCheckResult.Proceed("parity ratio 0.93"));
    }

    [Fact]
    public async Task RegistrationAndRequestPath()
    {
        var services = new ServiceCollection();

        services.AddAiGovernance(b => b
            .AddDeployment(o =>
            {
                o.RolloutName = "fraud-model-v2";      // also the bucketing salt
                o.StageFractions = [0.05, 0.25, 0.5, 1.0];
                o.MinStageDuration = TimeSpan.FromHours(4);
                o.BaselineErrorRate = 0.01;            // with MinimumDetectableEffect sizes each stage (PowerAnalysis)
                o.MinimumDetectableEffect = 0.005;
                o.MonitoringInterval = TimeSpan.FromMinutes(5);
            })
            .AddRolloutCheck<MyFairnessCheck>());

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var router = provider.GetRequiredService<CanaryRouter>();
        var recorder = provider.GetRequiredService<CanaryRecorder>();
        var controller = provider.GetRequiredService<RolloutController>();
        var request = "score this transaction";
        static ValueTask<bool> ServeAsync(DeploymentVariant variant, string request) => ValueTask.FromResult(request.Length > 0);

        for (var i = 0; i < 10_000; i++)
        {
            var userId = $"user-{i}";

            // request path
            var assignment = router.Assign(userId);                   // CanaryRouter: arm + unit sub-bucket, lock-free, 0 B
            var start = Stopwatch.GetTimestamp();
            var isError = !await ServeAsync(assignment.Variant, request);   // your baseline or candidate model
            recorder.Record(assignment, Stopwatch.GetElapsedTime(start), isError);   // CanaryRecorder: striped, 0 B

            // once the shadow run passed: the first stage's share of units goes to the candidate
            await controller.StartCanaryAsync("shadow criteria met");
        }

        Assert.Equal((RolloutState.Canary, 0.05), (controller.Status.State, controller.Status.TrafficFraction));
        var snapshot = recorder.Snapshot();
        Assert.Equal(10_000, snapshot.Baseline.Requests + snapshot.Candidate.Requests);
        Assert.Equal(10_000, snapshot.Baseline.SubBuckets.TotalRequests + snapshot.Candidate.SubBuckets.TotalRequests);
        Assert.InRange(snapshot.Candidate.Requests, 400, 600);       // ≈ 5 % of the units after the first request
        var status = await controller.EvaluateAsync();
        Assert.Equal(RolloutState.Canary, status.State);              // too few requests and too little time to advance
        Assert.Single(provider.GetRequiredService<IAuditLog>() is InMemoryAuditLog log ? log.Snapshot() : []);
    }
}
