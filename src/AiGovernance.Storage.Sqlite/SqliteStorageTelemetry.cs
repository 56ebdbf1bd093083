using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiGovernance.Storage.Sqlite;

/// <summary>The package's meter (<c>AiGovernance.Storage.Sqlite</c>), instruments and activity source.</summary>
internal sealed class SqliteStorageTelemetry
{
    public const string Name = "AiGovernance.Storage.Sqlite";

    public static readonly ActivitySource ActivitySource = new(Name);

    public SqliteStorageTelemetry(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Appends = meter.CreateCounter<long>("aigovernance.storage.audit.appends", unit: "{record}",
            description: "Audit records committed to the SQLite audit log.");
        BatchSize = meter.CreateHistogram<int>("aigovernance.storage.batch.size", unit: "{record}",
            description: "Appends committed together in one transaction (group commit), tagged by store.");
        CommitDuration = meter.CreateHistogram<double>("aigovernance.storage.commit.duration", unit: "s",
            description: "Time to commit one batch, tagged by store.");
        NonceReplays = meter.CreateCounter<long>("aigovernance.storage.nonces.replays", unit: "{nonce}",
            description: "Nonces refused because a different statement holds them.");
    }

    public Counter<long> Appends { get; }

    public Histogram<int> BatchSize { get; }

    public Histogram<double> CommitDuration { get; }

    public Counter<long> NonceReplays { get; }
}
