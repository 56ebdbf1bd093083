using System.Text.Json;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Serialization;

namespace AiGovernance.Monitoring.Drift;

/// <summary>A reference dataset fitted once (sorted numeric columns, PSI bins, category counts) and compared with any
/// number of current windows by <see cref="DataDriftDetector"/>.</summary>
/// <remarks>Immutable and safe to share across threads. Round-trips through <see cref="ToJson"/> / <see cref="FromJson"/>
/// so a nightly job fits it once and stores it next to the model.</remarks>
public sealed record DriftReference
{
    /// <summary>Rows in the reference.</summary>
    public int RowCount { get; init; }

    /// <summary>The number of PSI bins fitted per numeric column.</summary>
    public int Bins { get; init; }

    /// <summary>The fitted columns, in the reference's column order.</summary>
    public IReadOnlyList<ColumnReference> Columns { get; init; } = [];

    /// <summary>Fits a reference.</summary>
    /// <param name="reference">The reference (for example training) data.</param>
    /// <param name="bins">Quantile bins per numeric column for PSI.</param>
    /// <returns>The fitted reference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reference"/> has no rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 2 or above 1,000 (the range documented on
    /// <see cref="DataDriftOptions.Bins"/>).</exception>
    /// <remarks>O(rows × columns × log rows) for the sorts; one column at a time (<see cref="DataDriftDetector.FitAsync"/>
    /// fits columns in parallel and can be cancelled between columns).</remarks>
    public static DriftReference Fit(TabularData reference, int bins = MonitoringDefaults.Bins)
    {
        Check(reference, bins);
        var columns = new ColumnReference[reference.Columns.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = ColumnReference.Fit(reference.Columns[i], bins);
        }

        return new DriftReference { RowCount = reference.RowCount, Bins = bins, Columns = columns };
    }

    internal static async Task<DriftReference> FitAsync(
        TabularData reference, int bins, int maxDegreeOfParallelism, IProgress<DriftProgress>? progress, CancellationToken cancellationToken)
    {
        Check(reference, bins);
        var columns = new ColumnReference[reference.Columns.Count];
        var completed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, columns.Length, parallel, (i, ct) =>
        {
            ct.ThrowIfCancellationRequested();
            columns[i] = ColumnReference.Fit(reference.Columns[i], bins);
            progress?.Report(new DriftProgress(Interlocked.Increment(ref completed), columns.Length, columns[i].Name));
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        return new DriftReference { RowCount = reference.RowCount, Bins = bins, Columns = columns };
    }

    private static void Check(TabularData reference, int bins)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bins, DataDriftDetector.MaximumBins);
        if (reference.RowCount == 0)
        {
            throw new ArgumentException("A reference needs at least one row.", nameof(reference));
        }
    }

    /// <summary>The fitted column named <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The column's name.</param>
    /// <returns>The column or <see langword="null"/>.</returns>
    public ColumnReference? Find(string name) => ColumnIndex<ColumnReference>.Find(Columns, name, static c => c.Name);

    /// <summary>Parses a reference written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    /// <exception cref="JsonException">The text is not a valid reference.</exception>
    public static DriftReference FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize(json, MonitoringJsonContext.Default.DriftReference)
            ?? throw new JsonException("The JSON text is null, not a drift reference.");
    }

    /// <summary>Serialises the reference as JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, MonitoringJsonContext.Default.DriftReference);
}
