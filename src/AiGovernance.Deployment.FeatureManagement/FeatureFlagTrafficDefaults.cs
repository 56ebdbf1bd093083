namespace AiGovernance.Deployment.FeatureManagement;

/// <summary>The defaults and limits of <see cref="FeatureFlagTrafficOptions"/> in one place.</summary>
internal static class FeatureFlagTrafficDefaults
{
    /// <summary>The variant that serves the baseline.</summary>
    public const string StableVariant = "Stable";

    /// <summary>The variant that serves the candidate.</summary>
    public const string CandidateVariant = "Candidate";

    /// <summary>The longest feature name, variant name, seed or pinned user id accepted.</summary>
    public const int MaxNameLength = 256;

    /// <summary>The most pinned users per arm (each becomes a configuration key).</summary>
    public const int MaxPinnedUsers = 1000;

    /// <summary>The configuration path of Microsoft.FeatureManagement's flags (the Microsoft feature-flag schema).</summary>
    public const string FeatureFlagsPath = "feature_management:feature_flags";
}
