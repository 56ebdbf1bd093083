using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Notifications.Tests.Webhooks;
using AiGovernance.Notifications.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiGovernance.Notifications.Tests.DependencyInjection;

public sealed class NotificationsBuilderExtensionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aigov-notify-di-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task DriftResponseWorkflow_DeliversAHighSeverityEventToTheWebhook_AsSlack()
    {
        await using var listener = await WebhookListener.StartAsync([200]);
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddMonitoring().AddWebhookNotifications(o =>
        {
            o.WebhookUrl = listener.Url;
            o.Format = WebhookFormat.Slack;
            o.DeadLetterPath = Path.Combine(_dir, "dead.jsonl");
        }));
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<DriftResponseWorkflow>().HandleAsync(new DriftEvent
        {
            SystemId = "hiring", Kind = DriftEventKind.Fairness, Severity = Severity.High, Summary = "parity gap 0.12 <b>",
        }, TestContext.Current.CancellationToken);

        Assert.Contains(result.Outcomes, h => h.Succeeded && h.Handler.Contains(nameof(WebhookDriftResponseHandler), StringComparison.Ordinal));
        using var body = JsonDocument.Parse(Assert.Single(listener.Bodies));
        Assert.Equal("[High] Fairness on hiring", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("parity gap 0.12 &lt;b&gt;", body.RootElement.GetProperty("blocks")[1].GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public void AddWebhookNotifications_Twice_RegistersTheHandlerOnce()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddMonitoring()
            .AddWebhookNotifications(o => (o.WebhookUrl, o.DeadLetterPath) = (new Uri("https://hooks.example/x"), Path.Combine(_dir, "d.jsonl")))
            .AddWebhookNotifications());
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IDriftResponseHandler>().OfType<WebhookDriftResponseHandler>());
    }

    [Fact]
    public void MissingWebhookUrl_FailsValidationAtStartUp()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddWebhookNotifications());
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NotificationsOptions>>().Value);

        Assert.Contains("WebhookUrl", refused.Message, StringComparison.Ordinal);
    }
}
