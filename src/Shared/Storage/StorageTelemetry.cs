using System.Diagnostics.Metrics;

namespace AiGovernance.Shared;

/// <summary>The instruments both storage packages record (same names, units and meaning), on the package's own meter.</summary>
internal abstract class StorageTelemetry
{
    protected StorageTelemetry(string meterName, string databaseName, IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(meterName) ?? new Meter(meterName);
        Appends = meter.CreateCounter<long>("aigovernance.storage.audit.appends", unit: "{record}",
            description: $"Audit records committed to the {databaseName} audit log.");
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
