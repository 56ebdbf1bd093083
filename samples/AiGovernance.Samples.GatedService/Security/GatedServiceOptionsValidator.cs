using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AiGovernance.Samples.GatedService.Security;

/// <summary>Start-up checks that depend on the environment: demo approvals and the demo key exist for a developer's
/// machine and are refused anywhere else, and every configured API key is well formed.</summary>
/// <remarks>A production instance whose trusted-key file went missing must not create a fresh trust root and approve
/// its own candidate, so <see cref="GatedServiceOptions.GenerateDemoApprovals"/> is off by default and refused outside
/// the Development environment; the demo key from <c>appsettings.Development.json</c> is refused there too.</remarks>
public sealed class GatedServiceOptionsValidator(IHostEnvironment environment) : IValidateOptions<GatedServiceOptions>
{
    /// <summary>The demo key of <c>appsettings.Development.json</c>; documented in the README, so never a secret.</summary>
    public const string DemoKey = "demo-key-not-for-production";

    /// <summary>The SHA-256 of <see cref="DemoKey"/>.</summary>
    public static readonly string DemoKeySha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DemoKey)));

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GatedServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var development = environment.IsDevelopment();
        if (options.GenerateDemoApprovals && !development)
        {
            failures.Add($"GatedService:GenerateDemoApprovals is true in the '{environment.EnvironmentName}' environment. Demo reviewer keys and "
                + "approvals are generated only in Development: anywhere else the service would approve its own candidate. Provide your "
                + "reviewers' keys and signed approvals instead.");
        }

        foreach (var (credential, index) in options.ApiKeys.Select((c, i) => (c, i)))
        {
            var at = $"GatedService:ApiKeys:{index}";
            if (string.IsNullOrWhiteSpace(credential.Name))
            {
                failures.Add($"{at}:Name is required.");
            }

            if (credential.Sha256.Length != 64 || !credential.Sha256.All(char.IsAsciiHexDigit))
            {
                failures.Add($"{at}:Sha256 must be the key's SHA-256 as 64 hex digits.");
            }
            else if (!development && string.Equals(credential.Sha256, DemoKeySha256, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{at} is the documented demo key, accepted only in Development.");
            }

            if (credential.Roles.Count == 0 || credential.Roles.Any(r => r is not (GatedServiceRoles.Operator or GatedServiceRoles.Reviewer)))
            {
                failures.Add($"{at}:Roles must name '{GatedServiceRoles.Operator}' and/or '{GatedServiceRoles.Reviewer}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
