namespace AiGovernance.Reporting.Drift;

/// <summary>Every window compared with the reference on all columns together, with the reference chunks' reconstruction
/// errors the chart draws beside the windows.</summary>
public sealed class DriftMultivariate
{
    /// <summary>Why the comparison did not run (for example a reference too small for its chunks), or
    /// <see langword="null"/>.</summary>
    public string? Skipped { get; init; }

    /// <summary>Rows per reference chunk.</summary>
    public int ChunkSize { get; init; }

    /// <summary>The mean reconstruction error of each contiguous reference chunk (finite).</summary>
    public IReadOnlyList<double> ReferenceChunkErrors { get; init; } = [];

    /// <summary>One entry per window, oldest first (empty when <see cref="Skipped"/> says why).</summary>
    public IReadOnlyList<DriftMultivariateWindow> Windows { get; init; } = [];

    /// <summary>Whether any window drifted.</summary>
    public bool AnyDrift => Windows.Any(w => w.IsDrifted);
}
