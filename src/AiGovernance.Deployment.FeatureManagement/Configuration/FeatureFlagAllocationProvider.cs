using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AiGovernance.Deployment.FeatureManagement.Configuration;

/// <summary>The configuration provider behind <see cref="FeatureFlagDeploymentTarget"/>: one flag in Microsoft.FeatureManagement's
/// Microsoft feature-flag schema (<c>feature_management:feature_flags</c>), replaced whole and signalled with a reload on
/// every change.</summary>
internal sealed class FeatureFlagAllocationProvider : ConfigurationProvider
{
    private readonly FeatureFlagTrafficOptions _options;

    /// <summary>Starts with the candidate's share at 0 (the candidate reachable only by its pinned users).</summary>
    public FeatureFlagAllocationProvider(FeatureFlagTrafficOptions options)
    {
        _options = options;
        Data = Build(options, 0.0, retired: false);
    }

    /// <summary>Replaces the flag with the allocation for <paramref name="fraction"/> and raises the reload token.</summary>
    public void Publish(double fraction, bool retired)
    {
        Data = Build(_options, fraction, retired);
        OnReload();
    }

    /// <summary>The keys of the flag: enabled, its variants, percentiles [0, 100·fraction) for the candidate and the rest for the
    /// stable variant, the default when enabled (stable), the seed and the user pins.</summary>
    internal static Dictionary<string, string?> Build(FeatureFlagTrafficOptions options, double fraction, bool retired)
    {
        var flag = FeatureFlagTrafficDefaults.FeatureFlagsPath + ":0:";
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [flag + "id"] = options.FeatureName,
            [flag + "enabled"] = "true",
            [flag + "variants:0:name"] = options.StableVariant,
            [flag + "allocation:default_when_enabled"] = options.StableVariant,
            [flag + "allocation:default_when_disabled"] = options.StableVariant,
        };
        if (options.StableConfigurationValue is { } stableValue)
        {
            data[flag + "variants:0:configuration_value"] = stableValue;
        }

        if (!retired)
        {
            data[flag + "variants:1:name"] = options.CandidateVariant;
            if (options.CandidateConfigurationValue is { } candidateValue)
            {
                data[flag + "variants:1:configuration_value"] = candidateValue;
            }
        }

        if (options.Seed is { } seed)
        {
            data[flag + "allocation:seed"] = seed;
        }

        var split = Percent(fraction);
        var next = 0;
        if (split > 0.0)
        {
            AddPercentile(data, flag, next++, options.CandidateVariant, 0.0, split);
        }

        if (split < 100.0)
        {
            AddPercentile(data, flag, next, options.StableVariant, split, 100.0);
        }

        var users = 0;
        if (!retired && options.PinnedCandidateUsers is { Count: > 0 } candidates)
        {
            AddUsers(data, flag, users++, options.CandidateVariant, candidates);
        }

        if (options.PinnedStableUsers is { Count: > 0 } stables)
        {
            AddUsers(data, flag, users, options.StableVariant, stables);
        }

        return data;
    }

    /// <summary>The fraction as a percentile bound in [0, 100].</summary>
    internal static double Percent(double fraction) => Math.Clamp(fraction * 100.0, 0.0, 100.0);

    private static void AddPercentile(Dictionary<string, string?> data, string flag, int index, string variant, double from, double to)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{flag}allocation:percentile:{index}:");
        data[prefix + "variant"] = variant;
        data[prefix + "from"] = from.ToString("R", CultureInfo.InvariantCulture);
        data[prefix + "to"] = to.ToString("R", CultureInfo.InvariantCulture);
    }

    private static void AddUsers(Dictionary<string, string?> data, string flag, int index, string variant, IList<string> users)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{flag}allocation:user:{index}:");
        data[prefix + "variant"] = variant;
        for (var i = 0; i < users.Count; i++)
        {
            data[string.Create(CultureInfo.InvariantCulture, $"{prefix}users:{i}")] = users[i];
        }
    }
}
