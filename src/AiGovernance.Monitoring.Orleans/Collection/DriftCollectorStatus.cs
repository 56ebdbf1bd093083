namespace AiGovernance.Monitoring.Orleans.Collection;

/// <summary>A snapshot of a <see cref="DriftCollector"/>'s counters: what it recorded, what the cluster acknowledged, and
/// what it dropped and why.</summary>
/// <remarks>Every row that <see cref="DriftCollector.Record"/> accepted ends in exactly one of: acknowledged, dropped,
/// late, rejected by the window, or still buffered/pending. <c>Recorded = Acknowledged + Dropped + Late + WindowRejected +
/// Buffered + Pending</c> holds whenever no flush is running.</remarks>
public sealed record DriftCollectorStatus
{
    /// <summary>Rows accepted by <see cref="DriftCollector.Record"/>.</summary>
    public long RecordedRows { get; init; }

    /// <summary>Rows refused on the request path because every buffer block was full (the fold fell behind): never recorded.</summary>
    public long BufferFullRows { get; init; }

    /// <summary>Rows refused on the request path because a value was an infinity or a category not well-formed UTF-16.</summary>
    public long InvalidRows { get; init; }

    /// <summary>Rows whose partials the cluster acknowledged (persisted).</summary>
    public long AcknowledgedRows { get; init; }

    /// <summary>Rows of partials dropped because more than the maximum were waiting for an unreachable cluster.</summary>
    public long DroppedRows { get; init; }

    /// <summary>Rows that reached their window after it had closed.</summary>
    public long LateRows { get; init; }

    /// <summary>Rows of partials the window grain rejected (for example a reference mismatch).</summary>
    public long RejectedRows { get; init; }

    /// <summary>Rows recorded but not yet folded into a partial.</summary>
    public long BufferedRows { get; init; }

    /// <summary>Partials waiting to be acknowledged.</summary>
    public int PendingPartials { get; init; }

    /// <summary>Rows in the waiting partials (and in windows not flushed yet).</summary>
    public long PendingRows { get; init; }

    /// <summary>The last flush error, or null after a flush that delivered everything.</summary>
    public string? LastError { get; init; }
}
