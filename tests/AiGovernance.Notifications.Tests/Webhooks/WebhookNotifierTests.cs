using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Notifications.Webhooks;

namespace AiGovernance.Notifications.Tests.Webhooks;

public sealed class WebhookNotifierTests : IDisposable
{
    private const string Hostile = "<!channel> *bold* [click](http://evil.example) _x_ `code` & more\u001b[2J\nsecond line";

    private readonly string _dir = Directory.CreateTempSubdirectory("aigov-notify-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Json_TheListenerReceivesTheNotificationAsPlainJson()
    {
        await using var listener = await WebhookListener.StartAsync([200]);
        using var notifier = Notifier(listener, WebhookFormat.Json);

        var delivered = await notifier.NotifyAsync(Notification("PSI 0.31 on income"), TestContext.Current.CancellationToken);

        Assert.True(delivered);
        using var body = JsonDocument.Parse(Assert.Single(listener.Bodies));
        Assert.Equal("drift", body.RootElement.GetProperty("kind").GetString());
        Assert.Equal("DataDrift on credit-scoring", body.RootElement.GetProperty("title").GetString());
        Assert.Equal("High", body.RootElement.GetProperty("severity").GetString());
        Assert.Equal("PSI 0.31 on income", body.RootElement.GetProperty("summary").GetString());
        Assert.Equal("0.31", body.RootElement.GetProperty("facts").GetProperty("psi").GetString());
        Assert.Equal("2026-11-26T09:00:00.0000000+00:00", body.RootElement.GetProperty("occurredAt").GetString());
    }

    [Fact]
    public async Task Slack_UntrustedTextIsPlainTextWithSlacksControlCharactersEscaped()
    {
        await using var listener = await WebhookListener.StartAsync([200]);
        using var notifier = Notifier(listener, WebhookFormat.Slack);

        Assert.True(await notifier.NotifyAsync(Notification(Hostile), TestContext.Current.CancellationToken));

        using var body = JsonDocument.Parse(Assert.Single(listener.Bodies));
        var root = body.RootElement;
        Assert.False(root.GetProperty("mrkdwn").GetBoolean());
        var summary = root.GetProperty("blocks")[1].GetProperty("text");
        Assert.Equal("plain_text", summary.GetProperty("type").GetString());
        Assert.Equal("&lt;!channel&gt; *bold* [click](http://evil.example) _x_ `code` &amp; more\\u001b[2J\\u000asecond line",
            summary.GetProperty("text").GetString());
        Assert.Equal("header", root.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.DoesNotContain("<!channel>", listener.Bodies.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_AnAdaptiveCardWithUntrustedTextMarkdownEscaped()
    {
        await using var listener = await WebhookListener.StartAsync([200]);
        using var notifier = Notifier(listener, WebhookFormat.Teams);

        Assert.True(await notifier.NotifyAsync(Notification(Hostile), TestContext.Current.CancellationToken));

        using var body = JsonDocument.Parse(Assert.Single(listener.Bodies));
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        var attachment = body.RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal(
            @"\<\!channel\> \*bold\* \[click\]\(http://evil.example\) \_x\_ \`code\` & more\\u001b\[2J\\u000asecond line",
            card.GetProperty("body")[1].GetProperty("text").GetString());
        Assert.Equal("FactSet", card.GetProperty("body")[2].GetProperty("type").GetString());
    }

    [Fact]
    public async Task FailingListener_IsRetriedWithExponentialBackOff_ThenTheNotificationIsDeadLettered()
    {
        await using var listener = await WebhookListener.StartAsync([503]);
        var logger = new CapturingLogger<WebhookNotifier>();
        using var notifier = Notifier(listener, WebhookFormat.Slack, retries: 3, logger: logger);

        var delivered = await notifier.NotifyAsync(Notification("PSI 0.31 on income"), TestContext.Current.CancellationToken);

        Assert.False(delivered);
        Assert.Equal(4, listener.Requests);
        var retries = logger.Entries.Where(e => e.Text.Contains("retry", StringComparison.Ordinal))
            .Select(e => e.Text[..(e.Text.IndexOf(" ms", StringComparison.Ordinal) + 3)]).ToList();
        Assert.Equal(
        [
            "Delivery to the slack webhook failed (HTTP 503); retry 1 in 10 ms",
            "Delivery to the slack webhook failed (HTTP 503); retry 2 in 20 ms",
            "Delivery to the slack webhook failed (HTTP 503); retry 3 in 40 ms",
        ], retries);
        var line = Assert.Single(File.ReadAllLines(notifier.DeadLetterPath));
        using var dead = JsonDocument.Parse(line);
        Assert.Equal(4, dead.RootElement.GetProperty("attempts").GetInt32());
        Assert.Equal("HTTP 503", dead.RootElement.GetProperty("failure").GetString());
        Assert.Equal("slack", dead.RootElement.GetProperty("format").GetString());
        Assert.Equal("PSI 0.31 on income", dead.RootElement.GetProperty("notification").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task NeitherLogsNorDeadLetters_HoldTheWebhookUrl()
    {
        await using var listener = await WebhookListener.StartAsync([500]);
        var logger = new CapturingLogger<WebhookNotifier>();
        using var notifier = Notifier(listener, WebhookFormat.Json, retries: 1, logger: logger);

        await notifier.NotifyAsync(Notification("x"), TestContext.Current.CancellationToken);

        Assert.NotEmpty(logger.Entries);
        Assert.DoesNotContain(WebhookListener.Token, logger.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(listener.Url.Authority, logger.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookListener.Token, File.ReadAllText(notifier.DeadLetterPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransientFailures_ThenSuccess_IsDeliveredOnTheThirdAttempt()
    {
        await using var listener = await WebhookListener.StartAsync([502, 429, 200]);
        using var notifier = Notifier(listener, WebhookFormat.Json);

        Assert.True(await notifier.NotifyAsync(Notification("x"), TestContext.Current.CancellationToken));

        Assert.Equal(3, listener.Requests);
        Assert.False(File.Exists(notifier.DeadLetterPath));
    }

    [Fact]
    public async Task ClientError_IsNotRetried_AndIsDeadLetteredAtOnce()
    {
        await using var listener = await WebhookListener.StartAsync([400]);
        using var notifier = Notifier(listener, WebhookFormat.Teams);

        Assert.False(await notifier.NotifyAsync(Notification("x"), TestContext.Current.CancellationToken));

        Assert.Equal(1, listener.Requests);
        using var dead = JsonDocument.Parse(Assert.Single(File.ReadAllLines(notifier.DeadLetterPath)));
        Assert.Equal(1, dead.RootElement.GetProperty("attempts").GetInt32());
        Assert.Equal("HTTP 400", dead.RootElement.GetProperty("failure").GetString());
    }

    [Fact]
    public async Task SlowListener_EachAttemptTimesOut_ThenDeadLettered()
    {
        await using var listener = await WebhookListener.StartAsync([200], delay: TimeSpan.FromSeconds(30));
        using var notifier = Notifier(listener, WebhookFormat.Json, retries: 1, timeout: TimeSpan.FromMilliseconds(200));

        Assert.False(await notifier.NotifyAsync(Notification("x"), TestContext.Current.CancellationToken));

        using var dead = JsonDocument.Parse(Assert.Single(File.ReadAllLines(notifier.DeadLetterPath)));
        Assert.Equal(2, dead.RootElement.GetProperty("attempts").GetInt32());
        Assert.Equal("TimeoutRejectedException", dead.RootElement.GetProperty("failure").GetString());
    }

    [Fact]
    public void InvalidOptions_AreRefusedWithoutShowingTheUrl()
    {
        var options = new NotificationsOptions { WebhookUrl = new Uri("ftp://hooks.example/T0KEN"), DeadLetterPath = Path.Combine(_dir, "d.jsonl") };

        var refused = Assert.Throws<ArgumentException>(() => new WebhookNotifier(options));

        Assert.Contains("absolute http or https", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("T0KEN", refused.Message, StringComparison.Ordinal);
    }

    private WebhookNotifier Notifier(WebhookListener listener, WebhookFormat format, int retries = 4, TimeSpan? timeout = null,
        CapturingLogger<WebhookNotifier>? logger = null) =>
        new(new NotificationsOptions
        {
            WebhookUrl = listener.Url,
            Format = format,
            MaxRetryAttempts = retries,
            BaseDelay = TimeSpan.FromMilliseconds(10),
            UseJitter = false,
            AttemptTimeout = timeout ?? TimeSpan.FromSeconds(10),
            DeadLetterPath = Path.Combine(_dir, "dead-letters.jsonl"),
        }, logger: logger);

    private static GovernanceNotification Notification(string summary) => new()
    {
        Kind = NotificationKind.Drift,
        Title = "DataDrift on credit-scoring",
        SystemId = "credit-scoring",
        Severity = Severity.High,
        Summary = summary,
        Facts = [new("psi", "0.31")],
        OccurredAt = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero),
    };
}
