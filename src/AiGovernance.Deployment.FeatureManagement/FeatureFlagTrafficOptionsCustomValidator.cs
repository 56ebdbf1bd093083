using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.FeatureManagement;

/// <summary>The rules of <see cref="FeatureFlagTrafficOptions"/> that attributes cannot state: the two variants differ, names
/// and pinned user ids hold no control characters, pinned users are non-empty, bounded, at most
/// <see cref="FeatureFlagTrafficDefaults.MaxPinnedUsers"/> per arm and in one arm only.</summary>
internal sealed class FeatureFlagTrafficOptionsCustomValidator : IValidateOptions<FeatureFlagTrafficOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static FeatureFlagTrafficOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, FeatureFlagTrafficOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.Equals(options.StableVariant, options.CandidateVariant, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{nameof(options.StableVariant)} and {nameof(options.CandidateVariant)} must differ.");
        }

        CheckText(options.FeatureName, nameof(options.FeatureName), failures);
        CheckText(options.StableVariant, nameof(options.StableVariant), failures);
        CheckText(options.CandidateVariant, nameof(options.CandidateVariant), failures);
        CheckText(options.Seed, nameof(options.Seed), failures);
        CheckUsers(options.PinnedCandidateUsers, nameof(options.PinnedCandidateUsers), failures);
        CheckUsers(options.PinnedStableUsers, nameof(options.PinnedStableUsers), failures);
        if (options.PinnedCandidateUsers is { } candidates && options.PinnedStableUsers is { } stables)
        {
            var both = candidates.Intersect(stables, StringComparer.Ordinal).Take(3).ToArray();
            if (both.Length > 0)
            {
                failures.Add($"Users pinned to both arms: {string.Join(", ", both.Select(u => AiGovernance.Shared.UntrustedText.Quote(u)))}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckText(string? value, string property, List<string> failures)
    {
        if (value is not null && value.Any(char.IsControl))
        {
            failures.Add($"{property} must not contain control characters.");
        }
    }

    private static void CheckUsers(IList<string>? users, string property, List<string> failures)
    {
        if (users is null)
        {
            return;
        }

        if (users.Count > FeatureFlagTrafficDefaults.MaxPinnedUsers)
        {
            failures.Add($"{property} holds {users.Count} users; at most {FeatureFlagTrafficDefaults.MaxPinnedUsers} may be pinned.");
        }

        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            if (string.IsNullOrWhiteSpace(user) || user.Length > FeatureFlagTrafficDefaults.MaxNameLength || user.Any(char.IsControl))
            {
                failures.Add($"{property}[{i}] must be a non-empty user id of at most {FeatureFlagTrafficDefaults.MaxNameLength} " +
                    "characters without control characters.");
            }
        }
    }
}
