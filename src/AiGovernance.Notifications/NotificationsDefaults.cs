namespace AiGovernance.Notifications;

/// <summary>The defaults of <see cref="NotificationsOptions"/>.</summary>
internal static class NotificationsDefaults
{
    public const int MaxRetryAttempts = 4;
    public const string BaseDelay = "00:00:02";
    public const string AttemptTimeout = "00:00:10";
    public const string MinimumRetryDelay = "00:00:00.001";
    public const string MaximumRetryDelay = "00:10:00";
    public const string MaximumAttemptTimeout = "00:05:00";
    public const string DeadLetterPath = "notifications.dead-letter.jsonl";
    public const int MaxTextLength = 1_000;
}
