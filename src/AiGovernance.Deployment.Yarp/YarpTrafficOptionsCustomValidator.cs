using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.Yarp;

/// <summary>The rules of <see cref="YarpTrafficOptions"/> that attributes cannot state: both addresses absolute http(s) URIs
/// and different, and every header and cookie name an RFC 9110 token.</summary>
internal sealed class YarpTrafficOptionsCustomValidator : IValidateOptions<YarpTrafficOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static YarpTrafficOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, YarpTrafficOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckAddress(options.StableAddress, nameof(options.StableAddress), failures);
        CheckAddress(options.CandidateAddress, nameof(options.CandidateAddress), failures);
        if (options.StableAddress is { } stable && options.CandidateAddress is { } candidate
            && Uri.TryCreate(stable, UriKind.Absolute, out var s) && Uri.TryCreate(candidate, UriKind.Absolute, out var c) && s == c)
        {
            failures.Add($"{nameof(options.StableAddress)} and {nameof(options.CandidateAddress)} must differ.");
        }

        CheckToken(options.UnitIdHeaderName, nameof(options.UnitIdHeaderName), failures);
        CheckToken(options.UnitIdCookieName, nameof(options.UnitIdCookieName), failures);
        CheckToken(options.PinHeaderName, nameof(options.PinHeaderName), failures);
        CheckToken(options.PinCookieName, nameof(options.PinCookieName), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Whether <paramref name="value"/> is an RFC 9110 token (the syntax of header and cookie names).</summary>
    internal static bool IsToken(string value)
    {
        foreach (var ch in value)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || "!#$%&'*+-.^_`|~".Contains(ch, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return value.Length > 0;
    }

    private static void CheckAddress(string? value, string property, List<string> failures)
    {
        if (value is null)
        {
            return; // [Required] reports it.
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{property} must be an absolute http or https URI.");
        }
    }

    private static void CheckToken(string? value, string property, List<string> failures)
    {
        if (value is not null && !IsToken(value))
        {
            failures.Add($"{property} must be a header or cookie name (letters, digits and !#$%&'*+-.^_`|~ only).");
        }
    }
}
