using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.Canary.Metrics;

/// <summary>The rules attributes cannot state: an absolute http(s) address, <c>{variant}</c> in every template, no unknown
/// placeholder, two different variant names.</summary>
internal sealed partial class PrometheusCanaryMetricSourceOptionsCustomValidator : IValidateOptions<PrometheusCanaryMetricSourceOptions>
{
    /// <summary>The placeholders a template may hold.</summary>
    public static readonly string[] Placeholders = ["rollout", "variant", "window"];

    /// <summary>A shared instance (the validator is stateless).</summary>
    public static PrometheusCanaryMetricSourceOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, PrometheusCanaryMetricSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BaseAddress is { } address
            && (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{nameof(options.BaseAddress)} must be an absolute http or https address.");
        }

        Check(nameof(options.RequestsQuery), options.RequestsQuery);
        Check(nameof(options.ErrorsQuery), options.ErrorsQuery);
        Check(nameof(options.LatencyBucketsQuery), options.LatencyBucketsQuery);
        if (string.Equals(options.BaselineVariant, options.CandidateVariant, StringComparison.Ordinal))
        {
            failures.Add($"{nameof(options.BaselineVariant)} and {nameof(options.CandidateVariant)} must differ.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(string property, string? template)
        {
            if (string.IsNullOrWhiteSpace(template))
            {
                return;
            }

            if (!template.Contains("{variant}", StringComparison.Ordinal))
            {
                failures.Add($"{property} must contain the placeholder {{variant}}.");
            }

            foreach (Match match in Placeholder().Matches(template))
            {
                if (Array.IndexOf(Placeholders, match.Groups[1].Value) < 0)
                {
                    failures.Add($"{property} holds the unknown placeholder {match.Value} at index {match.Index}; "
                        + "known: {rollout}, {variant}, {window}.");
                }
            }
        }
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
