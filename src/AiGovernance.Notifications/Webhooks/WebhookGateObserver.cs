using AiGovernance.Core;
using AiGovernance.Gates.Decisions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiGovernance.Notifications.Webhooks;

/// <summary>Tells people about gate decisions: every decision a <see cref="GovernanceGate"/> records at or above
/// <see cref="NotificationsOptions.MinimumGateSeverity"/> (a block is high, an allow low) is posted to the webhook, unless
/// <see cref="NotificationsOptions.NotifyGateDecisions"/> is off.</summary>
/// <remarks>Registered by <c>AddWebhookNotifications</c>. The observer returns at once and delivers in the background (the
/// notifier retries, then dead-letters), so a slow or failing webhook never holds the gate. <see cref="DisposeAsync"/> and
/// <see cref="Dispose"/> wait for deliveries under way.</remarks>
public sealed class WebhookGateObserver : IGateDecisionObserver, IAsyncDisposable, IDisposable
{
    private readonly BackgroundDeliveries _deliveries;
    private readonly bool _enabled;

    /// <summary>Creates the observer.</summary>
    /// <param name="notifier">Delivers the notifications.</param>
    /// <param name="options">Whether gate decisions are notified, and from which severity.</param>
    /// <param name="logger">Logs a delivery that failed unexpectedly; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="notifier"/> or <paramref name="options"/> is null.</exception>
    public WebhookGateObserver(WebhookNotifier notifier, IOptions<NotificationsOptions> options, ILogger<WebhookGateObserver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(options);
        _deliveries = new BackgroundDeliveries(notifier, logger ?? (ILogger)NullLogger.Instance);
        _enabled = options.Value.NotifyGateDecisions;
        MinimumSeverity = options.Value.MinimumGateSeverity;
    }

    /// <summary>The lowest severity notified.</summary>
    public Severity MinimumSeverity { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    public ValueTask OnDecidedAsync(GateDecision decision, CancellationToken cancellationToken)
    {
        var notification = GovernanceNotification.FromGateDecision(decision);
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
