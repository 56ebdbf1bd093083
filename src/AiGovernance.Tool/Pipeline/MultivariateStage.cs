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
        var fitting = progress.Start("Fitting the multivariate reference", 1);
        MultivariateReference reference;
        try
        {
            reference = await Task.Run(() => detector.Fit(data.Reference), cancellationToken);
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
            var report = await Task.Run(() => detector.Compare(reference, window.Data), cancellationToken);
            windows.Add(new MultivariateWindow(window.Name, report));
            comparing.Report(windows.Count);
        }

        comparing.Complete();
        return new MultivariateAnalysis { ReferenceChunkErrors = reference.ReferenceChunkErrors, ChunkSize = reference.ChunkSize, Windows = windows };
    }
}
