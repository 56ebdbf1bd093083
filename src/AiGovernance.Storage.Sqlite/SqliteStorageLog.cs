using Microsoft.Extensions.Logging;

namespace AiGovernance.Storage.Sqlite;

/// <summary>Source-generated log messages of the SQLite storage (event ids 9100–9199).</summary>
internal static partial class SqliteStorageLog
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "SQLite governance store {DataSource} is at schema version {Version}.")]
    public static partial void Ready(ILogger logger, string dataSource, int version);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information,
        Message = "SQLite governance store {DataSource}: applied migration {Version} ({Description}).")]
    public static partial void Migrated(ILogger logger, string dataSource, int version, string description);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Critical, Message = "SQLite governance store {DataSource} could not be opened.")]
    public static partial void OpenFailed(ILogger logger, string dataSource, Exception exception);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Debug, Message = "SQLite governance store {DataSource}: purged {Count} expired nonces.")]
    public static partial void NoncesPurged(ILogger logger, string dataSource, int count);
}
