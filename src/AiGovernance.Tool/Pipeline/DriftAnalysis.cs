using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Trends;
using AiGovernance.Monitoring.Validation;
using AiGovernance.Samples.DriftJob.Data;

namespace AiGovernance.Samples.DriftJob.Pipeline;

/// <summary>The analysis stages of the job: validate ingestion, fit the reference once, compare every window, and fit
/// the performance trend. Progress goes to a Spectre.Console progress display.</summary>
internal static class DriftAnalysis
{
    /// <summary>The trend is fitted over every production period of the embedded series (12 weeks), not the library's
    /// default last 7, so a slow decline is measured on all the evidence.</summary>
    public const int MaxTrendPeriods = 12;

    public static async Task<(IReadOnlyList<WindowAnalysis> Windows, TrendAnalysis? Trend)> RunAsync(
        DriftJobDataset data, double driftShareThreshold, TimeProvider timeProvider, JobProgress progress, CancellationToken cancellationToken)
    {
        // Every stage checks the token between columns, so Ctrl+C takes effect within one column's work, not one stage's.
        var fitting = progress.Start("Fitting the reference", data.Reference.Columns.Count);
        var detector = new DataDriftDetector(new DataDriftOptions { DriftShareThreshold = driftShareThreshold }, timeProvider: timeProvider);
        var reference = await detector.FitAsync(data.Reference, new ColumnProgress(fitting), cancellationToken);
        fitting.Complete();

        var inferring = progress.Start("Inferring the ingestion schema", 1);
        // One O(rows) pass per column now that the fitted reference is reused (it used to fit the reference again).
        var schema = await Task.Run(() => DataSchema.Infer(data.Reference, fitted: reference), cancellationToken);
        inferring.Complete();

        var validating = progress.Start("Validating ingestion", data.Windows.Count);
        var validations = new List<ValidationReport>(data.Windows.Count);
        foreach (var window in data.Windows)
        {
            validations.Add(await schema.ValidateAsync(window.Data, cancellationToken));
            validating.Report(validations.Count);
        }

        var analyses = new List<WindowAnalysis>(data.Windows.Count);
        for (var w = 0; w < data.Windows.Count; w++)
        {
            var window = data.Windows[w];
            var task = progress.Start($"Comparing {window.Name} with the reference", reference.Columns.Count);
            var report = await detector.CompareAsync(reference, window.Data, new ColumnProgress(task), cancellationToken);
            task.Complete();
            analyses.Add(new WindowAnalysis(window, validations[w], report));
        }

        TrendAnalysis? trend = null;
        if (data.Performance is { } series)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var trending = progress.Start($"Fitting the {series.Metric} trend", 1);
            var periods = Math.Clamp(series.Values.Count, 3, MaxTrendPeriods);
            var concept = new ConceptDriftDetector(new ConceptDriftOptions { TrendPeriods = periods });
            var values = series.Values.ToArray();
            var result = concept.DetectTrend(values, series.Threshold);
            var degradation = concept.DetectDegradation(values.AsSpan(0, values.Length - 1), values[^1]);
            trend = new TrendAnalysis(series, result, degradation);
            trending.Complete();
        }

        return (analyses, trend);
    }

    private sealed class ColumnProgress(JobStep step) : IProgress<DriftProgress>
    {
        public void Report(DriftProgress value) => step.Report(value.CompletedColumns);
    }
}
