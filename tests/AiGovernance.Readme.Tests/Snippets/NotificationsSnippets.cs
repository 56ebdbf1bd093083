using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Notifications;
using AiGovernance.Notifications.Tests.Webhooks;
using AiGovernance.Notifications.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The ```csharp blocks of src/AiGovernance.Notifications/README.md, against a real local webhook listener.</summary>
public class NotificationsSnippets
{
    [Fact]
    public void Registration()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AiGovernance:Notifications:WebhookUrl"] = "https://hooks.example/services/T0/B0/X",
            ["AiGovernance:Notifications:DeadLetterPath"] = Path.Combine(Path.GetTempPath(), "aigov-readme-dead.jsonl"),
        }).Build();

        // Drift events, gate decisions and rollout transitions reach the webhook; the URL comes from a secret, never a committed file.
        services.AddAiGovernance(b => b
            .AddMonitoring()
            .AddGates()
            .AddDeployment()
            .AddWebhookNotifications(configuration.GetSection("AiGovernance:Notifications")));

        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<AiGovernance.Monitoring.Responses.IDriftResponseHandler>().OfType<WebhookDriftResponseHandler>());
        Assert.IsType<WebhookGateObserver>(Assert.Single(provider.GetServices<AiGovernance.Gates.Decisions.IGateDecisionObserver>()));
        Assert.IsType<WebhookRolloutObserver>(Assert.Single(provider.GetServices<AiGovernance.Deployment.Rollout.IRolloutObserver>()));
    }

    [Fact]
    public async Task NotifyARollback()
    {
        await using var listener = await WebhookListener.StartAsync([200]);
        var webhookUrl = listener.Url;

        using var notifier = new WebhookNotifier(new NotificationsOptions
        {
            WebhookUrl = webhookUrl,   // from a secret store: the URL holds the token
            Format = WebhookFormat.Teams,
            DeadLetterPath = "data/notifications.dead-letter.jsonl",
        });
        var delivered = await notifier.NotifyAsync(new GovernanceNotification
        {
            Kind = NotificationKind.Rollout,
            Title = "Rollout credit-scorer-2.0.0: RolledBack",
            SystemId = "credit-scoring",
            Severity = Severity.Critical,
            Summary = "Automatic rollback: the candidate's error rate rose by 4.1 points.",
            OccurredAt = TimeProvider.System.GetUtcNow(),
        });

        Assert.True(delivered);
        using var body = JsonDocument.Parse(Assert.Single(listener.Bodies));
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
    }
}
