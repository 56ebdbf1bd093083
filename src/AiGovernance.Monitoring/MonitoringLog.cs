using AiGovernance.Core;
using AiGovernance.Monitoring.Responses;
using Microsoft.Extensions.Logging;

namespace AiGovernance.Monitoring;

/// <summary>The Monitoring package's log messages (event ids 3000–3999; docs/telemetry.md lists every package's range).</summary>
internal static partial class MonitoringLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Drift event for {SystemId} ({Kind}, {Subject}) at severity {Severity}: {Disposition}.")]
    public static partial void DriftEventReceived(
        ILogger logger, string systemId, DriftEventKind kind, string? subject, Severity severity, DriftDisposition disposition);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error,
        Message = "Drift response handler {Handler} failed for {SystemId}; the other handlers still run.")]
    public static partial void DriftHandlerFailed(ILogger logger, Exception exception, string handler, string systemId);
}
