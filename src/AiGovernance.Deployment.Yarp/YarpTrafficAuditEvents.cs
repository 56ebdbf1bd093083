namespace AiGovernance.Deployment.Yarp;

/// <summary>The audit event types the YARP traffic target writes to the <see cref="Core.Audit.IAuditLog"/> it is given.</summary>
/// <remarks>The payload holds the cluster, the configuration revision, the candidate's share of units, whether the
/// candidate was retired (a rollback) and, for a rollback, the reason (bounded and cleaned).</remarks>
public static class YarpTrafficAuditEvents
{
    /// <summary>YARP applied a new split between the stable and the candidate destination.</summary>
    public const string TrafficApplied = "deployment.yarp.traffic_applied";
}
