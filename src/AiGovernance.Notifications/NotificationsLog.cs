using Microsoft.Extensions.Logging;

namespace AiGovernance.Notifications;

/// <summary>The package's log events (ids 9700–9799, docs/telemetry.md). No message holds the webhook URL.</summary>
internal static partial class NotificationsLog
{
    [LoggerMessage(EventId = 9701, Level = LogLevel.Information,
        Message = "Notification {Kind} delivered to the {Format} webhook after {Attempts} attempt(s)")]
    public static partial void Delivered(ILogger logger, string kind, string format, int attempts);

    [LoggerMessage(EventId = 9702, Level = LogLevel.Warning,
        Message = "Delivery to the {Format} webhook failed ({Failure}); retry {Retry} in {DelayMilliseconds} ms")]
    public static partial void Retrying(ILogger logger, string format, string failure, int retry, double delayMilliseconds);

    [LoggerMessage(EventId = 9703, Level = LogLevel.Error,
        Message = "Notification {Kind} not delivered to the {Format} webhook after {Attempts} attempt(s) ({Failure}); "
            + "written to the dead-letter log {Path}")]
    public static partial void DeadLettered(ILogger logger, string kind, string format, int attempts, string failure, string path);

    [LoggerMessage(EventId = 9704, Level = LogLevel.Critical,
        Message = "Notification {Kind} not delivered and the dead-letter log {Path} could not be written")]
    public static partial void DeadLetterFailed(ILogger logger, Exception exception, string kind, string path);

    [LoggerMessage(EventId = 9705, Level = LogLevel.Error, Message = "Background delivery of notification {Kind} failed unexpectedly")]
    public static partial void BackgroundDeliveryFailed(ILogger logger, Exception exception, string kind);
}
