using AiGovernance.Core;
using AiGovernance.Deployment.Rollout;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiGovernance.Notifications.Webhooks;

/// <summary>Tells people about rollouts: every transition a <see cref="RolloutController"/> records (a stage entered, paused,
/// resumed, completed, rolled back or a failed rollback) at or above <see cref="NotificationsOptions.MinimumRolloutSeverity"/>
/// is posted to the webhook, unless <see cref="NotificationsOptions.NotifyRolloutTransitions"/> is off.</summary>
/// <remarks>Registered by <c>AddWebhookNotifications</c>. The notification names <see cref="NotificationsOptions.RolloutSystemId"/>
/// as the system, or the rollout's name when that is not set. The observer returns at once and delivers in the background
/// (the notifier retries, then dead-letters), so a slow or failing webhook never holds the controller.
/// <see cref="DisposeAsync"/> and <see cref="Dispose"/> wait for deliveries under way.</remarks>
public sealed class WebhookRolloutObserver : IRolloutObserver, IAsyncDisposable, IDisposable
{
    private readonly BackgroundDeliveries _deliveries;
    private readonly bool _enabled;
    private readonly string? _systemId;

    /// <summary>Creates the observer.</summary>
    /// <param name="notifier">Delivers the notifications.</param>
    /// <param name="options">Whether rollout transitions are notified, from which severity, and the system they deploy.</param>
    /// <param name="logger">Logs a delivery that failed unexpectedly; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="notifier"/> or <paramref name="options"/> is null.</exception>
    public WebhookRolloutObserver(WebhookNotifier notifier, IOptions<NotificationsOptions> options,
        ILogger<WebhookRolloutObserver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(options);
        _deliveries = new BackgroundDeliveries(notifier, logger ?? (ILogger)NullLogger.Instance);
        _enabled = options.Value.NotifyRolloutTransitions;
        _systemId = string.IsNullOrWhiteSpace(options.Value.RolloutSystemId) ? null : options.Value.RolloutSystemId;
        MinimumSeverity = options.Value.MinimumRolloutSeverity;
    }

    /// <summary>The lowest severity notified (a rollback is critical, a pause medium, other transitions low).</summary>
    public Severity MinimumSeverity { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="transition"/> is null.</exception>
    public ValueTask OnTransitionAsync(RolloutTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var notification = GovernanceNotification.FromRollout(_systemId ?? transition.Rollout, transition.Rollout, transition.Current,
            transition.OccurredAt);
        if (_enabled && notification.Severity >= MinimumSeverity)
        {
            _deliveries.Start(notification);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Waits for the deliveries under way to be delivered or dead-lettered.</summary>
    /// <returns>A task that completes when they have.</returns>
    public ValueTask DisposeAsync() => new(_deliveries.DrainAsync());

    /// <summary>Waits (blocking) for the deliveries under way to be delivered or dead-lettered; prefer
    /// <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => _deliveries.DrainAsync().GetAwaiter().GetResult();
}
