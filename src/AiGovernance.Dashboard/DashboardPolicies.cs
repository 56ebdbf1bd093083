namespace AiGovernance.Dashboard;

/// <summary>Authorization policies the dashboard registers for <see cref="DashboardOptions.ReadPolicy"/> and
/// <see cref="DashboardOptions.ActionPolicy"/>.</summary>
public static class DashboardPolicies
{
    /// <summary>Admits requests whose remote address is a loopback address (127.0.0.0/8, ::1) and nothing else — for
    /// development on one machine, like Hangfire's local-requests-only filter. Requests relayed by a reverse proxy on the
    /// same machine look local: never use it behind a proxy or in production.</summary>
    public const string LocalRequestsOnly = "AiGovernance.Dashboard.LocalRequestsOnly";
}
