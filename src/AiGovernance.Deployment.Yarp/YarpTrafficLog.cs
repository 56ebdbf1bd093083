using Microsoft.Extensions.Logging;

namespace AiGovernance.Deployment.Yarp;

/// <summary>The YARP traffic target's log messages (event ids 9700–9799; docs/telemetry.md lists every package's range).</summary>
internal static partial class YarpTrafficLog
{
    [LoggerMessage(EventId = 9601, Level = LogLevel.Information,
        Message = "YARP cluster {Cluster}: configuration {Revision} applied, candidate share {Fraction}.")]
    public static partial void ConfigurationApplied(ILogger logger, string cluster, string revision, double fraction);

    [LoggerMessage(EventId = 9602, Level = LogLevel.Warning,
        Message = "YARP cluster {Cluster}: candidate retired by rollback (configuration {Revision}): {Reason}")]
    public static partial void CandidateRetired(ILogger logger, string cluster, string revision, string reason);

    [LoggerMessage(EventId = 9603, Level = LogLevel.Error,
        Message = "YARP cluster {Cluster}: configuration {Revision} was rejected by the proxy; traffic did not move.")]
    public static partial void ConfigurationRejected(ILogger logger, string cluster, string revision, Exception exception);
}
