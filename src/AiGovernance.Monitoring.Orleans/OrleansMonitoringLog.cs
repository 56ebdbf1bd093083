using Microsoft.Extensions.Logging;

namespace AiGovernance.Monitoring.Orleans;

/// <summary>The package's log messages (event ids 9500–9599).</summary>
internal static partial class OrleansMonitoringLog
{
    [LoggerMessage(EventId = 9501, Level = LogLevel.Warning,
        Message = "Drift collector for {SystemId}: the cluster did not acknowledge a partial of {Rows} rows ({Error}); {Pending} partials wait for " +
            "the next flush.")]
    public static partial void FlushFailed(ILogger logger, string systemId, long rows, string error, int pending);

    [LoggerMessage(EventId = 9502, Level = LogLevel.Error,
        Message = "Drift collector for {SystemId}: more than {Bound} partials are waiting; dropped the oldest ({Rows} rows of the window starting " +
            "{WindowStart:O}).")]
    public static partial void PartialDropped(ILogger logger, string systemId, int bound, long rows, DateTimeOffset windowStart);

    [LoggerMessage(EventId = 9503, Level = LogLevel.Warning,
        Message = "Drift collector for {SystemId}: the window starting {WindowStart:O} was already closed; {Rows} late rows were not counted.")]
    public static partial void PartialLate(ILogger logger, string systemId, DateTimeOffset windowStart, long rows);

    [LoggerMessage(EventId = 9504, Level = LogLevel.Error,
        Message = "Drift collector for {SystemId}: the window grain rejected a partial of {Rows} rows: {Reason}")]
    public static partial void PartialRejected(ILogger logger, string systemId, long rows, string reason);

    [LoggerMessage(EventId = 9505, Level = LogLevel.Warning,
        Message = "Drift collector for {SystemId}: every buffer block is waiting to be folded; dropped {Rows} rows so far.")]
    public static partial void BufferFull(ILogger logger, string systemId, long rows);

    [LoggerMessage(EventId = 9510, Level = LogLevel.Information,
        Message = "Drift window {Window} closed: {Rows} rows from {Partials} partials, {Drifted} of {Columns} columns drifted, dataset drift " +
            "{DatasetDrift}.")]
    public static partial void WindowClosed(ILogger logger, string window, long rows, int partials, int drifted, int columns, bool datasetDrift);

    [LoggerMessage(EventId = 9511, Level = LogLevel.Warning,
        Message = "Drift window {Window}: closing failed ({Error}); the closing reminder retries.")]
    public static partial void CloseFailed(ILogger logger, string window, string error);

    [LoggerMessage(EventId = 9512, Level = LogLevel.Warning,
        Message = "Drift window {Window}: the drift response workflow had started when the silo running it stopped; it is not run again "
            + "(at most once), so check its audit records.")]
    public static partial void ResponseOutcomeUnknown(ILogger logger, string window);

    [LoggerMessage(EventId = 9513, Level = LogLevel.Warning,
        Message = "Drift window {Window}: rejected a partial from {Source}: {Reason}")]
    public static partial void PartialRefused(ILogger logger, string window, string source, string reason);

    [LoggerMessage(EventId = 9520, Level = LogLevel.Information,
        Message = "Applied Orleans' PostgreSQL script {Script} (its table was missing).")]
    public static partial void SchemaApplied(ILogger logger, string script);
}
