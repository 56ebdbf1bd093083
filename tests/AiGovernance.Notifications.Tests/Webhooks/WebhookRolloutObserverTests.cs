using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Notifications.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Notifications.Tests.Webhooks;

public sealed class WebhookRolloutObserverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aigov-notify-rollout-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class NullTarget : IDeploymentTarget
    {
        public ValueTask SetTrafficAsync(double candidateFraction, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RollBackAsync(string reason, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TransitionAndRollback_OfTheRealController_ReachTheListener()
    {
        await using var listener = await WebhookListener.StartAsync([200]);
        var options = new NotificationsOptions
        {
            WebhookUrl = listener.Url, DeadLetterPath = Path.Combine(_dir, "dead.jsonl"), RolloutSystemId = "fraud-detection",
        };
        using var notifier = new WebhookNotifier(options);
        var observer = new WebhookRolloutObserver(notifier, Options.Create(options));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var plan = RolloutPlan.Create("fraud-v2", [.. RolloutPlan.DefaultFractions.Select(f => new RolloutStage(f, TimeSpan.FromHours(1), 1000))]);
        await using (var controller = new RolloutController(plan, new NullTarget(), new CanaryRecorder(), new InMemoryAuditLog(time), time,
            observers: [observer]))
        {
            await controller.StartCanaryAsync("shadow analysis passed", TestContext.Current.CancellationToken);
            await controller.RollBackAsync("operator: latency complaints", TestContext.Current.CancellationToken);
        }

        await observer.DisposeAsync();

        // Deliveries run in the background, so their order is not guaranteed.
        var bodies = listener.Bodies.Select(b => JsonDocument.Parse(b).RootElement).OrderBy(b => b.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Rollout fraud-v2: Canary", "Rollout fraud-v2: RolledBack"], bodies.Select(b => b.GetProperty("title").GetString()));
        Assert.All(bodies, b => Assert.Equal("rollout", b.GetProperty("kind").GetString()));
        Assert.All(bodies, b => Assert.Equal("fraud-detection", b.GetProperty("systemId").GetString()));
        Assert.Equal(["Low", "Critical"], bodies.Select(b => b.GetProperty("severity").GetString()));
        Assert.Equal("operator: latency complaints", bodies[1].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task AddWebhookNotifications_WiresTheObserverIntoTheDeploymentPackagesController()
    {
        await using var listener = await WebhookListener.StartAsync([200]);
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddDeployment(o => o.RolloutName = "fraud-v2").AddWebhookNotifications(o =>
        {
            o.WebhookUrl = listener.Url;
            o.DeadLetterPath = Path.Combine(_dir, "dead.jsonl");
            o.MinimumRolloutSeverity = AiGovernance.Core.Severity.Critical;
        }));
        await using (var provider = services.BuildServiceProvider())
        {
            var controller = provider.GetRequiredService<RolloutController>();
            await controller.StartCanaryAsync("shadow analysis passed", TestContext.Current.CancellationToken);
            await controller.RollBackAsync("operator", TestContext.Current.CancellationToken);
        }

        using var body = JsonDocument.Parse(Assert.Single(listener.Bodies));
        Assert.Equal("Rollout fraud-v2: RolledBack", body.RootElement.GetProperty("title").GetString());
    }
}
