using Microsoft.Extensions.Logging;

namespace AiGovernance.Dashboard;

/// <summary>The dashboard's log messages (event ids 9400–9499; docs/telemetry.md lists every package's range).</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 9401, Level = LogLevel.Warning,
        Message = "The governance dashboard refused a request to {Path}: no read policy is configured (set DashboardOptions.ReadPolicy).")]
    public static partial void NoReadPolicy(ILogger logger, string? path);

    [LoggerMessage(EventId = 9402, Level = LogLevel.Error,
        Message = "The governance dashboard refused a request to {Path}: the authorization policy {Policy} is not registered.")]
    public static partial void PolicyNotRegistered(ILogger logger, string? path, string policy);

    [LoggerMessage(EventId = 9403, Level = LogLevel.Information,
        Message = "The governance dashboard refused {Path}: the policy was not met (challenged for sign-in: {Challenged}).")]
    public static partial void Refused(ILogger logger, string? path, bool challenged);

    [LoggerMessage(EventId = 9404, Level = LogLevel.Warning,
        Message = "The governance dashboard refused a state-changing request to {Path}: the antiforgery token is missing or invalid.")]
    public static partial void AntiforgeryFailed(ILogger logger, string? path);

    [LoggerMessage(EventId = 9405, Level = LogLevel.Information, Message = "{Actor} verified the audit chain: {Valid}, {Count} records. {Message}")]
    public static partial void Verified(ILogger logger, string actor, bool valid, long count, string message);

    [LoggerMessage(EventId = 9406, Level = LogLevel.Information,
        Message = "{Actor} acknowledged oversight warning {Warning} of report {ReportId} for system {SystemId}.")]
    public static partial void Acknowledged(ILogger logger, string actor, int warning, long reportId, string systemId);

    [LoggerMessage(EventId = 9407, Level = LogLevel.Error, Message = "The governance dashboard failed to render {Path}.")]
    public static partial void RenderFailed(ILogger logger, Exception exception, string? path);

    [LoggerMessage(EventId = 9408, Level = LogLevel.Warning,
        Message = "Stored report {ReportId} ({Kind}) of system {SystemId} is unreadable and is skipped: {Reason}")]
    public static partial void UnreadableReport(ILogger logger, long reportId, string kind, string systemId, string reason);
}
