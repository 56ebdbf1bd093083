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

    public static async Task<MultivariateAnalysis> RunAsync(
        DriftJobDataset data, TimeProvider timeProvider, JobProgress progress, CancellationToken cancellationToken)
    {
        if (data.Reference.Columns.Count > MaxColumns)
        {
            return new MultivariateAnalysis
            {
                Skipped = $"the reference has {data.Reference.Columns.Count} columns; this job compares at most {MaxColumns} jointly",
            };
        }

        var detector = new MultivariateDriftDetector(new MultivariateDriftOptions { MmdPermutations = Permutations }, timeProvider);
        var fitting = progress.Start(
            "Fitting the multivariate reference" + (data.Reference.RowCount > MaxRows
                ? string.Create(CultureInfo.InvariantCulture, $" on a seeded sample of {MaxRows:N0} of {data.Reference.RowCount:N0} rows")
                : string.Empty),
            1);
        MultivariateReference reference;
        try
        {
            reference = await Task.Run(() => detector.Fit(RowSample.Take(data.Reference, MaxRows, SampleSeed)), cancellationToken);
        }
        catch (ArgumentException ex)
        {
            fitting.Complete();
            return new MultivariateAnalysis { Skipped = ex.Message };
        }

        fitting.Complete();
        var comparing = progress.Start("Comparing the windows jointly (PCA, classifier, MMD)", data.Windows.Count);
        var windows = new List<MultivariateWindow>(data.Windows.Count);
        foreach (var window in data.Windows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var seed = SampleSeed + 1 + windows.Count;
            var report = await Task.Run(() => detector.Compare(reference, RowSample.Take(window.Data, MaxRows, seed)), cancellationToken);
            windows.Add(new MultivariateWindow(window.Name, report));
            comparing.Report(windows.Count);
        }

        comparing.Complete();
        return new MultivariateAnalysis { ReferenceChunkErrors = reference.ReferenceChunkErrors, ChunkSize = reference.ChunkSize, Windows = windows };
    }
}
