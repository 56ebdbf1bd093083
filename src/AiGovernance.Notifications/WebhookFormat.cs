namespace AiGovernance.Notifications;

/// <summary>The body a webhook expects.</summary>
public enum WebhookFormat
{
    /// <summary>The notification as plain JSON (<c>kind</c>, <c>title</c>, <c>severity</c>, <c>systemId</c>, <c>summary</c>,
    /// <c>facts</c>, <c>occurredAt</c>), for a service of your own or an automation platform.</summary>
    Json = 0,

    /// <summary>A Slack incoming webhook: <c>text</c> and Block Kit <c>blocks</c>, untrusted text in <c>plain_text</c> objects
    /// with <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped as Slack requires.</summary>
    Slack = 1,

    /// <summary>A Microsoft Teams incoming webhook (Workflows): a <c>message</c> with one Adaptive Card attachment, untrusted
    /// text markdown-escaped.</summary>
    Teams = 2,
}
