using Microsoft.Extensions.Options;

namespace AiGovernance.Notifications;

/// <summary>The rules attributes cannot state: the webhook URL is absolute http or https and the format defined. Messages
/// never show the URL (it holds a token).</summary>
internal sealed class NotificationsOptionsCustomValidator : IValidateOptions<NotificationsOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static NotificationsOptionsCustomValidator Instance { get; } = new();

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, NotificationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.WebhookUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add("NotificationsOptions.WebhookUrl must be an absolute http or https URL (its value is not shown: it holds a token).");
        }

        if (!Enum.IsDefined(options.Format))
        {
            failures.Add($"NotificationsOptions.Format {(int)options.Format} is not a defined WebhookFormat.");
        }

        if (string.IsNullOrWhiteSpace(options.DeadLetterPath))
        {
            failures.Add("NotificationsOptions.DeadLetterPath is required.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
