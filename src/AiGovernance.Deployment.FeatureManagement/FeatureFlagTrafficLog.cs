using Microsoft.Extensions.Logging;

namespace AiGovernance.Deployment.FeatureManagement;

/// <summary>The feature-flag traffic target's log messages (event ids 9900–9999; docs/telemetry.md lists every package's range).</summary>
internal static partial class FeatureFlagTrafficLog
{
    [LoggerMessage(EventId = 9901, Level = LogLevel.Information,
        Message = "Feature flag {Feature}: allocation {Revision} published, candidate variant percentiles [0, {Percent}).")]
    public static partial void AllocationPublished(ILogger logger, string feature, long revision, double percent);

    [LoggerMessage(EventId = 9902, Level = LogLevel.Warning,
        Message = "Feature flag {Feature}: candidate variant retired by rollback (allocation {Revision}): {Reason}")]
    public static partial void CandidateRetired(ILogger logger, string feature, long revision, string reason);
}
