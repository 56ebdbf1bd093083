using AiGovernance.Core;
using Microsoft.Extensions.Logging;

namespace AiGovernance.Monitoring.Responses;

internal static partial class DriftResponseLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Drift event for {SystemId} ({Kind}, {Subject}) at severity {Severity}: {Disposition}.")]
    public static partial void EventReceived(ILogger logger, string systemId, DriftEventKind kind, string? subject, Severity severity, DriftDisposition disposition);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Drift response handler {Handler} failed for {SystemId}; the other handlers still run.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string systemId);
}
