using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AiGovernance.Shared;

namespace AiGovernance.Notifications.Webhooks;

/// <summary>Builds the body of each <see cref="WebhookFormat"/> with System.Text.Json's DOM (JSON escaping is the
/// serializer's). Untrusted text is bounded and control characters escaped (<see cref="UntrustedText"/>) in every format,
/// then escaped for the format's markup: Slack's <c>&amp; &lt; &gt;</c> (and shown in <c>plain_text</c> objects, which Slack
/// does not format), Teams' markdown with backslashes.</summary>
internal static class WebhookPayload
{
    public static JsonObject Build(GovernanceNotification n, WebhookFormat format, int maxText) => format switch
    {
        WebhookFormat.Slack => Slack(n, maxText),
        WebhookFormat.Teams => Teams(n, maxText),
        _ => Json(n, maxText),
    };

    public static JsonObject Json(GovernanceNotification n, int maxText)
    {
        var facts = new JsonObject();
        foreach (var (name, value) in n.Facts)
        {
            facts[UntrustedText.Bound(name, 64)] = UntrustedText.Bound(value, maxText);
        }

        return new JsonObject
        {
            ["kind"] = NotificationsTelemetry.Name(n.Kind),
            ["title"] = UntrustedText.Bound(n.Title, maxText),
            ["severity"] = n.Severity.ToString(),
            ["systemId"] = UntrustedText.Bound(n.SystemId),
            ["summary"] = UntrustedText.Bound(n.Summary, maxText),
            ["facts"] = facts,
            ["occurredAt"] = n.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
        };
    }

    private static JsonObject Slack(GovernanceNotification n, int maxText)
    {
        var title = SlackText(n.Title, maxText);
        var fields = new JsonArray(PlainText($"System: {SlackText(n.SystemId, UntrustedText.DataLength)}"), PlainText($"Severity: {n.Severity}"));
        foreach (var (name, value) in n.Facts)
        {
            fields.Add((JsonNode)PlainText($"{SlackText(name, 64)}: {SlackText(value, maxText)}"));
        }

        return new JsonObject
        {
            ["text"] = $"[{n.Severity}] {title}",
            ["mrkdwn"] = false,
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "header", ["text"] = PlainText(Cut($"[{n.Severity}] {title}", 150)) },
                new JsonObject { ["type"] = "section", ["text"] = PlainText(SlackText(n.Summary, maxText)) },
                new JsonObject { ["type"] = "section", ["fields"] = fields }),
        };
    }

    private static JsonObject Teams(GovernanceNotification n, int maxText)
    {
        var facts = new JsonArray(
            new JsonObject { ["title"] = "System", ["value"] = TeamsText(n.SystemId, UntrustedText.DataLength) },
            new JsonObject { ["title"] = "Severity", ["value"] = n.Severity.ToString() });
        foreach (var (name, value) in n.Facts)
        {
            facts.Add((JsonNode)new JsonObject { ["title"] = TeamsText(name, 64), ["value"] = TeamsText(value, maxText) });
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true,
                    ["text"] = $"\\[{n.Severity}\\] {TeamsText(n.Title, maxText)}" },
                new JsonObject { ["type"] = "TextBlock", ["wrap"] = true, ["text"] = TeamsText(n.Summary, maxText) },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts }),
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }),
        };
    }

    /// <summary>Slack's escaping of its control characters (api.slack.com, "Escaping text"), after bounding.</summary>
    internal static string SlackText(string? text, int maxText) =>
        UntrustedText.Bound(text, maxText).Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Markdown's special characters backslash-escaped (Teams renders a markdown subset in TextBlocks and facts), after
    /// bounding; line breaks are already shown as <c>\u000a</c> by the bounding, so no line can start a list or a heading.</summary>
    internal static string TeamsText(string? text, int maxText)
    {
        var bounded = UntrustedText.Bound(text, maxText);
        var escaped = new StringBuilder(bounded.Length + 8);
        foreach (var c in bounded)
        {
            if (c is '\\' or '*' or '_' or '`' or '~' or '[' or ']' or '(' or ')' or '#' or '<' or '>' or '|' or '!' or '-' or '+' or '{' or '}')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = false };

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
