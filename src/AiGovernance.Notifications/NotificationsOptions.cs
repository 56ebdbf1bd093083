using System.ComponentModel.DataAnnotations;
using AiGovernance.Core;

namespace AiGovernance.Notifications;

/// <summary>Where notifications go and how hard delivery tries (configuration section, for example
/// <c>AiGovernance:Notifications</c>).</summary>
/// <remarks>The webhook URL is a secret (Slack's and Teams' URLs carry the token that authorises posting): it is never
/// written to a log, an exception message or the dead-letter log. Keep it in a secret store or an environment variable
/// (<c>AiGovernance__Notifications__WebhookUrl</c>), not in appsettings.json.</remarks>
public sealed class NotificationsOptions
{
    /// <summary>The incoming webhook's URL (absolute http or https).</summary>
    /// <value>No default: required.</value>
    [Required]
    public Uri? WebhookUrl { get; set; }

    /// <summary>The body the webhook expects.</summary>
    /// <value>The default value is <see cref="WebhookFormat.Json"/>.</value>
    public WebhookFormat Format { get; set; } = WebhookFormat.Json;

    /// <summary>Retries after the first attempt fails (a timeout, a connection error, HTTP 408, 429 or 5xx).</summary>
    /// <value>The default value is 4.</value>
    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = NotificationsDefaults.MaxRetryAttempts;

    /// <summary>The first retry's delay; each further retry waits twice as long (exponential back-off, with jitter when
    /// <see cref="UseJitter"/>).</summary>
    /// <value>The default value is 2 seconds.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), NotificationsDefaults.MinimumRetryDelay, NotificationsDefaults.MaximumRetryDelay)]
    #pragma warning restore IL2026
    public TimeSpan BaseDelay { get; set; } = 
        TimeSpan.Parse(NotificationsDefaults.BaseDelay, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether retry delays are jittered (recommended when many services post to one webhook).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UseJitter { get; set; } = true;

    /// <summary>How long one attempt may take before it is abandoned and retried.</summary>
    /// <value>The default value is 10 seconds.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), NotificationsDefaults.MinimumRetryDelay, NotificationsDefaults.MaximumAttemptTimeout)]
    #pragma warning restore IL2026
    public TimeSpan AttemptTimeout { get; set; } = 
        TimeSpan.Parse(NotificationsDefaults.AttemptTimeout, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The JSON-lines file a notification is appended to when every attempt failed.</summary>
    /// <value>The default value is <c>notifications.dead-letter.jsonl</c> (relative to the working directory).</value>
    [Required]
    public string DeadLetterPath { get; set; } = NotificationsDefaults.DeadLetterPath;

    /// <summary>The lowest drift severity notified by the drift response handler.</summary>
    /// <value>The default value is <see cref="Severity.Medium"/>.</value>
    public Severity MinimumDriftSeverity { get; set; } = Severity.Medium;

    /// <summary>Whether gate decisions recorded by the <c>GovernanceGate</c> are posted (by the <c>WebhookGateObserver</c>).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool NotifyGateDecisions { get; set; } = true;

    /// <summary>The lowest gate decision severity posted: a block is <see cref="Severity.High"/>, an allow
    /// <see cref="Severity.Low"/>; <see cref="Severity.High"/> posts blocks only.</summary>
    /// <value>The default value is <see cref="Severity.Low"/> (every decision).</value>
    public Severity MinimumGateSeverity { get; set; } = Severity.Low;

    /// <summary>Whether rollout transitions recorded by the <c>RolloutController</c> are posted (by the
    /// <c>WebhookRolloutObserver</c>).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool NotifyRolloutTransitions { get; set; } = true;

    /// <summary>The lowest rollout transition severity posted: a rollback or failed rollback is <see cref="Severity.Critical"/>,
    /// a pause <see cref="Severity.Medium"/>, other transitions <see cref="Severity.Low"/>.</summary>
    /// <value>The default value is <see cref="Severity.Low"/> (every transition).</value>
    public Severity MinimumRolloutSeverity { get; set; } = Severity.Low;

    /// <summary>The AI system a rollout notification names.</summary>
    /// <value>The default value is <see langword="null"/>: the rollout's name.</value>
    public string? RolloutSystemId { get; set; }

    /// <summary>The longest summary or fact shown; longer text is cut with its original length noted.</summary>
    /// <value>The default value is 1,000 characters.</value>
    [Range(64, 30_000)]
    public int MaxTextLength { get; set; } = NotificationsDefaults.MaxTextLength;
}
