namespace AiGovernance.Deployment.FeatureManagement;

/// <summary>The audit event types the feature-flag traffic target writes to the <see cref="Core.Audit.IAuditLog"/> it is given.</summary>
/// <remarks>The payload holds the feature flag, the allocation revision, the candidate's share, whether the candidate was
/// retired (a rollback) and, for a rollback, the reason (bounded and cleaned).</remarks>
public static class FeatureFlagTrafficAuditEvents
{
    /// <summary>A new percentile allocation of the flag was published to configuration.</summary>
    public const string AllocationPublished = "deployment.feature_flag.allocation_published";
}
