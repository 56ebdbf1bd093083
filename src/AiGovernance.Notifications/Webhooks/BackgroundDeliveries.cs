using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AiGovernance.Notifications.Webhooks;

/// <summary>Deliveries started by an observer and still under way: the observer returns at once (a gate or a rollout never
/// waits for a webhook's retries), and <see cref="DrainAsync"/> waits for every delivery to end, delivered or dead-lettered.</summary>
internal sealed class BackgroundDeliveries(WebhookNotifier notifier, ILogger logger)
{
    private readonly ConcurrentDictionary<Task, byte> _pending = new();

    public void Start(GovernanceNotification notification)
    {
        var delivery = Task.Run(() => notifier.NotifyAsync(notification, CancellationToken.None).AsTask());
        _pending.TryAdd(delivery, 0);
        _ = delivery.ContinueWith(t =>
        {
            _pending.TryRemove(t, out _);
            if (t.Exception is { } exception)
            {
                NotificationsLog.BackgroundDeliveryFailed(logger, exception.GetBaseException(), NotificationsTelemetry.Name(notification.Kind));
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits for the deliveries under way (each ends within the notifier's retry budget); never throws.</summary>
    public async Task DrainAsync()
    {
        try
        {
            await Task.WhenAll(_pending.Keys).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Each failure was logged by its continuation.
        }
    }
}
