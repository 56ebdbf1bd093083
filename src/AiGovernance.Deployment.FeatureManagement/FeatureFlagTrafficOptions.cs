using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Deployment.FeatureManagement;

/// <summary>Options of <see cref="FeatureFlagDeploymentTarget"/> (<c>AddFeatureFlagTraffic</c>): the variant feature flag the
/// rollout allocates, its two variants, the allocation seed and the users pinned to an arm.</summary>
public sealed class FeatureFlagTrafficOptions
{
    /// <summary>The feature flag's id, as the application passes it to <c>IVariantFeatureManager.GetVariantAsync</c>.</summary>
    /// <value>The default value is null; it must be set.</value>
    [Required]
    [StringLength(FeatureFlagTrafficDefaults.MaxNameLength, MinimumLength = 1)]
    public string? FeatureName { get; set; }

    /// <summary>The name of the variant that serves the baseline.</summary>
    /// <value>The default value is "Stable".</value>
    [Required]
    [StringLength(FeatureFlagTrafficDefaults.MaxNameLength, MinimumLength = 1)]
    public string StableVariant { get; set; } = FeatureFlagTrafficDefaults.StableVariant;

    /// <summary>The name of the variant that serves the candidate.</summary>
    /// <value>The default value is "Candidate".</value>
    [Required]
    [StringLength(FeatureFlagTrafficDefaults.MaxNameLength, MinimumLength = 1)]
    public string CandidateVariant { get; set; } = FeatureFlagTrafficDefaults.CandidateVariant;

    /// <summary>The stable variant's <c>configuration_value</c> (for example the baseline model's name), if any.</summary>
    /// <value>The default value is null (no configuration value).</value>
    [StringLength(4096)]
    public string? StableConfigurationValue { get; set; }

    /// <summary>The candidate variant's <c>configuration_value</c> (for example the candidate model's name), if any.</summary>
    /// <value>The default value is null (no configuration value).</value>
    [StringLength(4096)]
    public string? CandidateConfigurationValue { get; set; }

    /// <summary>The allocation's <c>seed</c>: users hash to the same percentile in every flag with the same seed. Use the
    /// rollout's name to keep a rollout's assignment independent of the flag's name.</summary>
    /// <value>The default value is null: Microsoft.FeatureManagement's default seed ("allocation\n" + the flag id).</value>
    [StringLength(FeatureFlagTrafficDefaults.MaxNameLength, MinimumLength = 1)]
    public string? Seed { get; set; }

    /// <summary>Users always given the candidate variant (a <c>user</c> allocation, which Microsoft.FeatureManagement applies
    /// before the percentiles), for debugging. Removed by a rollback.</summary>
    /// <value>The default value is null (pinning disabled).</value>
    public IList<string>? PinnedCandidateUsers { get; set; }

    /// <summary>Users always given the stable variant, for debugging; kept after a rollback.</summary>
    /// <value>The default value is null (pinning disabled).</value>
    public IList<string>? PinnedStableUsers { get; set; }
}
