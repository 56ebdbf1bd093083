using System.Globalization;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Samples.DriftJob.Data;

namespace AiGovernance.Samples.DriftJob.Pipeline;

/// <summary>Compares every window with the reference jointly: the relationships between columns, which the per-column
/// report cannot see. Fitted once; each window is one <see cref="MultivariateDriftDetector.Compare"/>.</summary>
internal static class MultivariateStage
{
    /// <summary>Permutations of the MMD test: 200 keep the demo quick and still resolve p-values down to 0.005.</summary>
    private const int Permutations = 200;

    /// <summary>Wider data skip the joint comparison: its PCA fit is a dense SVD whose cost grows with the cube of the
    /// encoded width, 21 times (the model and 20 out-of-sample chunks), which would dominate a run over thousands of columns.</summary>
    private const int MaxColumns = 200;

    /// <summary>Longer data are compared jointly on a seeded sample of this many rows per side (see <see cref="RowSample"/>):
    /// the embedded demo's reference size, so the demo is compared on every row.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The seed of the row samples (the reference's; each window adds its position).</summary>
    private const int SampleSeed = 21;

    /// <summary>Starts the joint analysis on a thread-pool thread, to run beside the per-column analysis: it works on
    /// one core on a 10,000-row sample while the per-column fit leaves cores idle between columns and in its
    /// single-threaded stages. Finish with <see cref="FinishAsync"/>; cancel through <paramref name="cancellationToken"/>,
    /// which is checked between its steps.</summary>
    public static Task<MultivariateAnalysis> Start(DriftJobDataset data, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        Task.Run(() => Run(data, timeProvider, cancellationToken), cancellationToken);

    /// <summary>Shows the joint stage and waits for the analysis <see cref="Start"/> began.</summary>
    public static async Task<MultivariateAnalysis> FinishAsync(Task<MultivariateAnalysis> running, DriftJobDataset data, JobProgress progress)
    {
        var step = progress.Start(Description(data) + " (started beside the per-column analysis)", 1);
        var analysis = await running;
        step.Complete();
        return analysis;
    }

    private static string Description(DriftJobDataset data) =>
        "Comparing the windows jointly (PCA, classifier, MMD)" + (data.Reference.Columns.Count <= MaxColumns && data.Reference.RowCount > MaxRows
            ? string.Create(CultureInfo.InvariantCulture, $" on seeded samples of {MaxRows:N0} rows")
            : string.Empty);

    private static MultivariateAnalysis Run(DriftJobDataset data, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (data.Reference.Columns.Count > MaxColumns)
        {
            return new MultivariateAnalysis
            {
                Skipped = $"the reference has {data.Reference.Columns.Count} columns; this job compares at most {MaxColumns} jointly",
            };
        }

        cancellationToken.ThrowIfCancellationRequested();
        var detector = new MultivariateDriftDetector(new MultivariateDriftOptions { MmdPermutations = Permutations }, timeProvider);
        MultivariateReference reference;
        try
        {
            reference = detector.Fit(RowSample.Take(data.Reference, MaxRows, SampleSeed));
        }
        catch (ArgumentException ex)
        {
            return new MultivariateAnalysis { Skipped = ex.Message };
        }

        var windows = new List<MultivariateWindow>(data.Windows.Count);
        foreach (var window in data.Windows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var seed = SampleSeed + 1 + windows.Count;
            var report = detector.Compare(reference, RowSample.Take(window.Data, MaxRows, seed));
            windows.Add(new MultivariateWindow(window.Name, report));
        }

        return new MultivariateAnalysis { ReferenceChunkErrors = reference.ReferenceChunkErrors, ChunkSize = reference.ChunkSize, Windows = windows };
    }
}
