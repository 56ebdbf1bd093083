using AiGovernance.Monitoring.Drift;

namespace AiGovernance.Samples.DriftJob.Pipeline;

/// <summary>Every window compared jointly with the reference (PCA reconstruction error, domain classifier, MMD), with
/// what the reconstruction chart needs from the reference.</summary>
internal sealed record MultivariateAnalysis
{
    /// <summary>The mean reconstruction error of each contiguous reference chunk.</summary>
    public IReadOnlyList<double> ReferenceChunkErrors { get; init; } = [];

    /// <summary>Rows per reference chunk.</summary>
    public int ChunkSize { get; init; }

    /// <summary>One report per window, oldest first (empty when <see cref="Skipped"/> says why).</summary>
    public IReadOnlyList<MultivariateWindow> Windows { get; init; } = [];

    /// <summary>Why the multivariate comparison did not run (for example a reference too small for its chunks), or
    /// <see langword="null"/>.</summary>
    public string? Skipped { get; init; }

    /// <summary>The analysis of a run told not to compare jointly (<c>--no-multivariate</c>).</summary>
    public static MultivariateAnalysis TurnedOff { get; } =
        new() { Skipped = "turned off with --no-multivariate (columns compared one by one only)" };

    /// <summary>Whether any window shows multivariate drift.</summary>
    public bool AnyDrift => Windows.Any(w => w.Report.IsDrifted);
}

/// <summary>One window's multivariate report.</summary>
/// <param name="Name">The window's name.</param>
/// <param name="Report">The report.</param>
internal sealed record MultivariateWindow(string Name, MultivariateDriftReport Report);
