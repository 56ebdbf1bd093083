using System.Diagnostics.Metrics;

namespace AiGovernance.Notifications;

/// <summary>The notifications package's meter, <see cref="MeterName"/>, and its instruments (docs/telemetry.md lists them).</summary>
/// <remarks>A notifier created by DI gets the meter from the host's <see cref="IMeterFactory"/>; one created without a factory
/// records on a process-wide meter of the same name.</remarks>
public sealed class NotificationsTelemetry
{
    /// <summary>The meter's name, for example for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "AiGovernance.Notifications";

    private static readonly Lazy<NotificationsTelemetry> ProcessWide = new(() => new NotificationsTelemetry(new Meter(MeterName)));

    private readonly Counter<long> _delivered;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _deadLettered;

    private NotificationsTelemetry(Meter meter)
    {
        _delivered = meter.CreateCounter<long>("aigovernance.notifications.delivered", "{notification}",
            "Notifications the webhook accepted, tagged format and kind.");
        _retries = meter.CreateCounter<long>("aigovernance.notifications.retries", "{attempt}",
            "Delivery attempts retried after a failure, tagged format.");
        _deadLettered = meter.CreateCounter<long>("aigovernance.notifications.dead_lettered", "{notification}",
            "Notifications written to the dead-letter log after every attempt failed, tagged format and kind.");
    }

    internal static NotificationsTelemetry Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? ProcessWide.Value : new NotificationsTelemetry(meterFactory.Create(new MeterOptions(MeterName)));

    internal void RecordDelivered(WebhookFormat format, NotificationKind kind) =>
        _delivered.Add(1, new KeyValuePair<string, object?>("format", Name(format)), new KeyValuePair<string, object?>("kind", Name(kind)));

    internal void RecordRetry(WebhookFormat format) => _retries.Add(1, new KeyValuePair<string, object?>("format", Name(format)));

    internal void RecordDeadLettered(WebhookFormat format, NotificationKind kind) =>
        _deadLettered.Add(1, new KeyValuePair<string, object?>("format", Name(format)), new KeyValuePair<string, object?>("kind", Name(kind)));

    internal static string Name(WebhookFormat format) => format switch
    {
        WebhookFormat.Slack => "slack",
        WebhookFormat.Teams => "teams",
        _ => "json",
    };

    internal static string Name(NotificationKind kind) => kind switch
    {
        NotificationKind.Gate => "gate",
        NotificationKind.Rollout => "rollout",
        _ => "drift",
    };
}
