using Microsoft.Extensions.Options;

namespace AiGovernance.Notifications;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="NotificationsOptions"/>, checked by generated code
/// (trim- and AOT-safe). Registered with <c>ValidateOnStart</c> and run by <see cref="Webhooks.WebhookNotifier"/>'s constructor.</summary>
[OptionsValidator]
internal sealed partial class NotificationsOptionsValidator : IValidateOptions<NotificationsOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static NotificationsOptionsValidator Instance { get; } = new();
}
