using System.Diagnostics;
using System.Diagnostics.Metrics;
using AiGovernance.Shared;

namespace AiGovernance.Storage.Sqlite;

/// <summary>The package's meter (<c>AiGovernance.Storage.Sqlite</c>), instruments and activity source.</summary>
internal sealed class SqliteStorageTelemetry(IMeterFactory? meterFactory) : StorageTelemetry(Name, "SQLite", meterFactory)
{
    public const string Name = "AiGovernance.Storage.Sqlite";

    public static readonly ActivitySource ActivitySource = new(Name);
}
