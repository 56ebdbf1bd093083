using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Gates.Decisions;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Notifications;
using AiGovernance.Notifications.Webhooks;
using AiGovernance.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers webhook notifications: a <see cref="WebhookNotifier"/> (options validated at start-up) and the
/// <see cref="WebhookDriftResponseHandler"/>, <see cref="WebhookGateObserver"/> and <see cref="WebhookRolloutObserver"/>, so
/// drift events, the decisions of the Gates package's <c>GovernanceGate</c> and the transitions of the Deployment package's
/// <c>RolloutController</c> reach the webhook (each kind can be turned off or filtered by severity in
/// <see cref="NotificationsOptions"/>). Registering twice adds nothing twice.</summary>
public static class NotificationsBuilderExtensions
{
    /// <summary>Adds webhook notifications with options configured elsewhere (the webhook URL is required).</summary>
    /// <param name="builder">The AiGovernance builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddWebhookNotifications(this IAiGovernanceBuilder builder) => PackageRegistration.Add(builder, AddCore);

    /// <summary>Adds webhook notifications configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The AiGovernance builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddWebhookNotifications(this IAiGovernanceBuilder builder, Action<NotificationsOptions> configure) =>
        PackageRegistration.Add(builder, AddCore, configure);

    /// <summary>Adds webhook notifications bound to a configuration section (for example <c>AiGovernance:Notifications</c>).</summary>
    /// <param name="builder">The AiGovernance builder.</param>
    /// <param name="section">The section.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddWebhookNotifications(this IAiGovernanceBuilder builder, IConfigurationSection section) =>
        PackageRegistration.Add<NotificationsOptions>(builder, AddCore, section, static (o, s) => o.Bind(s));

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The validators and handler are concrete, preserved types.")]
    private static void AddCore(IServiceCollection services)
    {
        if (!PackageRegistration.TryAddPackage<NotificationsMarker, NotificationsOptions, NotificationsOptionsValidator,
                NotificationsOptionsCustomValidator>(services))
        {
            return;
        }

        services.TryAddSingleton(sp => new WebhookNotifier(
            sp.GetRequiredService<IOptions<NotificationsOptions>>().Value,
            httpClient: null,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<WebhookNotifier>>(),
            sp.GetService<IMeterFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDriftResponseHandler, WebhookDriftResponseHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGateDecisionObserver, WebhookGateObserver>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRolloutObserver, WebhookRolloutObserver>());
    }

    /// <summary>Marks the package as registered.</summary>
    private sealed class NotificationsMarker;
}
