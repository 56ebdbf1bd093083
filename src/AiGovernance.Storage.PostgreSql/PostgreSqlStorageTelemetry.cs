using System.Diagnostics;
using System.Diagnostics.Metrics;
using AiGovernance.Shared;

namespace AiGovernance.Storage.PostgreSql;

/// <summary>The package's meter (<c>AiGovernance.Storage.PostgreSql</c>), instruments and activity source.</summary>
internal sealed class PostgreSqlStorageTelemetry(IMeterFactory? meterFactory) : StorageTelemetry(Name, "PostgreSQL", meterFactory)
{
    public const string Name = "AiGovernance.Storage.PostgreSql";

    public static readonly ActivitySource ActivitySource = new(Name);
}
