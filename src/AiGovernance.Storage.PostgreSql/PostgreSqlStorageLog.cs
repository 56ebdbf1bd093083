using Microsoft.Extensions.Logging;

namespace AiGovernance.Storage.PostgreSql;

/// <summary>Source-generated log messages of the PostgreSQL storage (event ids 9200–9299).</summary>
internal static partial class PostgreSqlStorageLog
{
    [LoggerMessage(EventId = 9200, Level = LogLevel.Information, Message = "PostgreSQL governance store {Server} is at schema version {Version}.")]
    public static partial void Ready(ILogger logger, string server, int version);

    [LoggerMessage(EventId = 9201, Level = LogLevel.Information,
        Message = "PostgreSQL governance store {Server}: applied migration {Version} ({Description}).")]
    public static partial void Migrated(ILogger logger, string server, int version, string description);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Critical, Message = "PostgreSQL governance store {Server} could not be opened.")]
    public static partial void OpenFailed(ILogger logger, string server, Exception exception);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Debug, Message = "PostgreSQL governance store {Server}: purged {Count} expired nonces.")]
    public static partial void NoncesPurged(ILogger logger, string server, int count);
}
