namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>The payload of <see cref="OrleansMonitoringAuditEvents.WindowClosed"/>.</summary>
internal sealed record WindowClosedAuditPayload(
    string SystemId,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    long RowCount,
    int PartialCount,
    int ColumnCount,
    int DriftedColumnCount,
    bool DatasetDrift,
    double MaxPsi,
    string Severity);
