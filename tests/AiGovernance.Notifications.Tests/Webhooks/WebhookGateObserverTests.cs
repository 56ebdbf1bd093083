using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Gates.Decisions;
using AiGovernance.Notifications.Webhooks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Notifications.Tests.Webhooks;

public sealed class WebhookGateObserverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aigov-notify-gate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private NotificationsOptions Settings(Uri url) => new()
    {
        WebhookUrl = url, DeadLetterPath = Path.Combine(_dir, "dead.jsonl"), BaseDelay = TimeSpan.FromMilliseconds(1), UseJitter = false,
    };

    [Fact]
    public async Task BlockedDecision_OfTheRealGate_ReachesTheListenerAsJson()
    {
        await using var listener = await WebhookListener.StartAsync([200]);
        using var notifier = new WebhookNotifier(Settings(listener.Url));
        using var f = new ApprovalFixture();
        var observer = new WebhookGateObserver(notifier, Options.Create(Settings(listener.Url)));
        var gate = new GovernanceGate(f.Policy, f.Verifier, f.Audit, f.Clock, observers: [observer]);

        var decision = await gate.EvaluateAsync(f.Request([], RiskTier.Medium), TestContext.Current.CancellationToken);
        await observer.DisposeAsync();

        Assert.False(decision.IsAllowed);
        using var body = JsonDocument.Parse(Assert.Single(listener.Bodies));
        Assert.Equal("gate", body.RootElement.GetProperty("kind").GetString());
        Assert.Equal("Deployment gate blocked for credit-scoring in production", body.RootElement.GetProperty("title").GetString());
        Assert.Equal("High", body.RootElement.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task MinimumGateSeverityHigh_PostsBlocksOnly()
    {
        await using var listener = await WebhookListener.StartAsync([200]);
        var options = Settings(listener.Url);
        options.MinimumGateSeverity = Severity.High;
        using var notifier = new WebhookNotifier(options);
        using var f = new ApprovalFixture();
        var observer = new WebhookGateObserver(notifier, Options.Create(options));
        var gate = new GovernanceGate(f.Policy, f.Verifier, f.Audit, f.Clock, observers: [observer]);

        Assert.True((await gate.EvaluateAsync(f.Request(await f.HighRiskSetAsync()), TestContext.Current.CancellationToken)).IsAllowed);
        await observer.DisposeAsync();

        Assert.Empty(listener.Bodies);
    }

    [Fact]
    public async Task FailingWebhook_DoesNotHoldTheGate_AndTheDecisionEndsInTheDeadLetterLog()
    {
        await using var listener = await WebhookListener.StartAsync([503]);
        var options = Settings(listener.Url);
        (options.MaxRetryAttempts, options.BaseDelay, options.AttemptTimeout) = (2, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        var deliveryClock = new FakeTimeProvider(ApprovalFixture.Start);
        using var notifier = new WebhookNotifier(options, timeProvider: deliveryClock);
        using var f = new ApprovalFixture();
        var observer = new WebhookGateObserver(notifier, Options.Create(options));
        var gate = new GovernanceGate(f.Policy, f.Verifier, f.Audit, f.Clock, observers: [observer]);

        // The retries wait on a clock nobody has advanced yet, so the gate answering proves it did not wait for them.
        var decision = await gate.EvaluateAsync(f.Request([], RiskTier.Medium), TestContext.Current.CancellationToken);
        Assert.False(decision.IsAllowed);
        Assert.Single(f.Audit.Snapshot());
        Assert.False(File.Exists(notifier.DeadLetterPath));

        var drained = Task.Run(observer.Dispose, TestContext.Current.CancellationToken); // the synchronous path of Dispose() waits too
        while (!drained.IsCompleted)
        {
            deliveryClock.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(drained, Task.Delay(TimeSpan.FromMilliseconds(1), TestContext.Current.CancellationToken));
        }

        await drained;
        using var line = JsonDocument.Parse(Assert.Single(File.ReadAllLines(notifier.DeadLetterPath)));
        Assert.Equal("gate", line.RootElement.GetProperty("notification").GetProperty("kind").GetString());
        Assert.True(listener.Requests >= 1);
    }
}
