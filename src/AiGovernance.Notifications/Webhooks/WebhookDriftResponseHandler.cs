using AiGovernance.Core;
using AiGovernance.Monitoring.Responses;
using Microsoft.Extensions.Options;

namespace AiGovernance.Notifications.Webhooks;

/// <summary>Tells people about drift: every event the drift response workflow handles at or above
/// <see cref="NotificationsOptions.MinimumDriftSeverity"/> is posted to the webhook.</summary>
/// <remarks>Registered by <c>AddWebhookNotifications</c>. A delivery failure does not fail the workflow: the notifier retries,
/// then writes the notification to the dead-letter log.</remarks>
public sealed class WebhookDriftResponseHandler : IDriftResponseHandler
{
    private readonly WebhookNotifier _notifier;

    /// <summary>Creates the handler.</summary>
    /// <param name="notifier">Delivers the notifications.</param>
    /// <param name="options">The lowest severity notified.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public WebhookDriftResponseHandler(WebhookNotifier notifier, IOptions<NotificationsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(options);
        _notifier = notifier;
        MinimumSeverity = options.Value.MinimumDriftSeverity;
    }

    /// <inheritdoc />
    public Severity MinimumSeverity { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public async ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken) =>
        await _notifier.NotifyAsync(GovernanceNotification.FromDrift(context), cancellationToken).ConfigureAwait(false);
}
