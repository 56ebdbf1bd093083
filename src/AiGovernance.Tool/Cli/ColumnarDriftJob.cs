using System.Globalization;
using AiGovernance.Core.Audit;
using AiGovernance.Monitoring.Columnar;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Parquet;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Reporting.Drift;
using AiGovernance.Samples.DriftJob.Data;
using AiGovernance.Samples.DriftJob.Responses;
using Spectre.Console;

namespace AiGovernance.Samples.DriftJob.Cli;

/// <summary>The job's path for files too large to load: <see cref="ColumnarDriftRunner"/> reads one column at a time
/// (Parquet directly, CSV converted to a temporary Parquet file first), then the drift responses run and
/// drift-report.json and drift-report.md are written. No HTML report: its charts need every row in memory.</summary>
internal static class ColumnarDriftJob
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Whether either input file is larger than the threshold (0: always).</summary>
    public static bool Applies(DriftJobSettings settings) =>
        settings.Reference is not null && (settings.ColumnarThresholdMegabytes == 0
            || Size(settings.Reference) > settings.ColumnarThresholdMegabytes * 1_000_000
                || Size(settings.Current!) > settings.ColumnarThresholdMegabytes * 1_000_000);

    public static async Task<int> RunAsync(DriftJobSettings settings, IAnsiConsole console, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        console.MarkupLine($"[grey]Input above {settings.ColumnarThresholdMegabytes:N0} MB: drift column by column (ColumnarDriftRunner), one " +
            $"column in memory at a time.[/]");
        await using var reference = await OpenAsync(settings.Reference!, "reference", cancellationToken);
        await using var current = await OpenAsync(settings.Current!, "current", cancellationToken);
        var detector = new DataDriftDetector(new DataDriftOptions { DriftShareThreshold = settings.DriftShare }, null, timeProvider);
        DataDriftReport report = null!;
        await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("Comparing columns", maxValue: reference.Fields.Count);
            var progress = new Progress(p => task.Value = p.CompletedColumns);
            report = await new ColumnarDriftRunner(detector).RunAsync(reference, current, progress, cancellationToken);
            task.Value = task.MaxValue;
        });

        console.MarkupLine(string.Create(Inv,
            $"[bold]{Markup.Escape(current.Description)}[/]: {report.DriftedColumnCount}/{report.ColumnCount} columns drifted, max PSI " +
                $"{report.MaxPsi:F3}, severity {report.Severity}"));
        console.WriteLine();
        console.MarkupLine("[bold]Drift response workflow[/]");
        var audit = new InMemoryAuditLog(timeProvider);
        var log = new ResponseActionLog(console);
        IDriftResponseHandler[] handlers = [new OnCallNotifier(log), new RetrainingScheduler(log), new RolloutFreezer(log)];
        var workflow = new DriftResponseWorkflow(handlers, audit, timeProvider, new DriftSeverityPolicy(),
            new DriftResponseOptions { Actor = "drift-job" });
        var response = await workflow.HandleAsync(report.ToDriftEvent(settings.SystemName), cancellationToken);
        log.Drain();

        var exitCode = report.DatasetDrift && settings.DriftFailsRun ? DriftJobApp.ExitDatasetDrift : DriftJobApp.ExitNoDrift;
        var folder = await WriteAsync(settings, reference.Description, current.Description, report, response, exitCode, timeProvider,
            cancellationToken);
        console.MarkupLine($"[bold]Reports written to[/] {Markup.Escape(folder)} (drift-report.json, drift-report.md)");
        console.MarkupLine(report.DatasetDrift ? $"[red bold]Dataset drift found[/] → exit code {exitCode}"
            : $"[green bold]No dataset drift[/] → exit code {exitCode}");
        return exitCode;
    }

    private static long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static async Task<ParquetColumnarSource> OpenAsync(string path, string role, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".parquet" => await ParquetColumnarSource.OpenAsync(path, cancellationToken),
                ".csv" => await CsvColumnarSource.OpenAsync(path, null, cancellationToken),
                _ => throw new DriftJobInputException($"The {role} file '{path}' has the extension '{extension}'; the job reads .csv and .parquet " +
                    $"files."),
            };
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException)
        {
            throw new DriftJobInputException($"The {role} file '{path}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Writes both reports next to each other, all or none (<see cref="ReportFiles"/>: staged, flushed, then renamed into
    /// place), rendered by AiGovernance.Reporting as the in-memory path's are.</summary>
    private static async Task<string> WriteAsync(DriftJobSettings settings, string referenceName, string currentName, DataDriftReport report,
        DriftResponseResult response, int exitCode, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var document = new DriftReportDocument
        {
            SystemName = settings.SystemName,
            GeneratedAt = timeProvider.GetUtcNow(),
            Source = $"reference {referenceName}, current {currentName} (compared column by column)",
            DriftShareThreshold = report.DriftShareThreshold,
            ExitCode = exitCode,
            Windows = [DriftWindow.From(currentName, report)],
            Responses = [DriftResponseEntry.From("window " + currentName, response, [])],
        };
        return await ReportFiles.WriteAsync(document, settings.Out, cancellationToken, html: false);
    }

    private sealed class Progress(Action<DriftProgress> report) : IProgress<DriftProgress>
    {
        public void Report(DriftProgress value) => report(value);
    }
}
