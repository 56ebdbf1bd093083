using System.Text.Json;
using System.Text.Json.Serialization;
using AiGovernance.Monitoring.Drift;

namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>The drift report of one closed window: the detector's verdict on the merged profile plus each column's exact
/// and sketch-based statistics.</summary>
public sealed record DriftWindowReport
{
    /// <summary>The AI system.</summary>
    public required string SystemId { get; init; }

    /// <summary>The window's start (UTC).</summary>
    public DateTimeOffset WindowStart { get; init; }

    /// <summary>The window's end (UTC, exclusive).</summary>
    public DateTimeOffset WindowEnd { get; init; }

    /// <summary>Rows in the window, from every partial.</summary>
    public long RowCount { get; init; }

    /// <summary>Partials merged.</summary>
    public int PartialCount { get; init; }

    /// <summary>Distinct senders (replicas or workers).</summary>
    public int SourceCount { get; init; }

    /// <summary>The data drift report computed by <see cref="DataDriftDetector.Compare(DriftReference, WindowProfile)"/>.</summary>
    public required DataDriftReport Drift { get; init; }

    /// <summary>Each reference column's statistics, in reference order.</summary>
    public IReadOnlyList<WindowColumnStatistics> Columns { get; init; } = [];

    /// <summary>The window's key.</summary>
    [JsonIgnore]
    public DriftWindowKey Key => new(SystemId, WindowStart);

    /// <summary>Serialises the report as JSON (source-generated; NaN written as "NaN").</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, OrleansMonitoringJsonContext.Default.DriftWindowReport);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    /// <exception cref="JsonException">The text is not a window report.</exception>
    public static DriftWindowReport FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize(json, OrleansMonitoringJsonContext.Default.DriftWindowReport)
            ?? throw new JsonException("The JSON text is null, not a drift window report.");
    }
}
