using System.Globalization;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Samples.DriftJob.Data;
using AiGovernance.Samples.DriftJob.Pipeline;
using AiGovernance.Reporting.Drift;
using AiGovernance.Reporting.Formatting;
using AiGovernance.Shared;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AiGovernance.Samples.DriftJob.Cli;

/// <summary>Runs the job: load or generate the data, validate, fit, compare, trend, respond, report.</summary>
internal sealed class DriftJobCommand : AsyncCommand<DriftJobSettings>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly IAnsiConsole _console;
    private readonly TimeProvider _timeProvider;

    public DriftJobCommand(IAnsiConsole console, TimeProvider timeProvider)
    {
        _console = console;
        _timeProvider = timeProvider;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, DriftJobSettings settings, CancellationToken cancellationToken)
    {
        var console = _console;

        // Before any analysis: a run that cannot write its reports should fail in a second, not after an hour.
        ReportFiles.CheckOutputFolder(settings.Out);
        console.Write(new Rule("[bold]AiGovernance drift job[/]").LeftJustified());
        if (ColumnarDriftJob.Applies(settings))
        {
            return await ColumnarDriftJob.RunAsync(settings, console, _timeProvider, cancellationToken);
        }

        DriftJobDataset? data = null;
        IReadOnlyList<WindowAnalysis> windows = [];
        TrendAnalysis? trend = null;
        MultivariateAnalysis? multivariate = null;
        EstimationAnalysis? estimation = null;

        var started = _timeProvider.GetTimestamp();
        string? stopped = null;
        bool StopsAfter(string stage)
        {
            stopped = settings.StopAfter == stage ? stage : null;
            return stopped is not null;
        }

        await JobProgress.RunAsync(console, async progress =>
        {
            var loading = progress.Start(settings.Reference is null ? "Generating the embedded dataset" : "Reading the input files", 1);
            data = await LoadAsync(settings, cancellationToken);
            loading.Complete();
            if (StopsAfter("read"))
            {
                return;
            }

            (windows, trend, multivariate) = settings.NoMultivariate
                ? await AnalysePerColumnAsync(data, settings.DriftShare, progress, cancellationToken)
                : await AnalyseAsync(data, settings.DriftShare, progress, cancellationToken);
            if (StopsAfter("analysis"))
            {
                return;
            }

            if (data.Scored is { } scored)
            {
                var threshold = data.Performance?.Threshold ?? SyntheticLoanApplications.AccuracyThreshold;
                estimation = await PerformanceEstimationStage.RunAsync(scored, threshold, _timeProvider, progress, cancellationToken);
            }
        });

        if (stopped is not null)
        {
            // --stop-after (benchmarks/drift-job/run.sh): how long the run took to this point, in this process.
            console.MarkupLine(string.Create(Inv,
                $"[grey]Stopped after {stopped}: {_timeProvider.GetElapsedTime(started).TotalSeconds:F2} s elapsed, " +
                    $"{Environment.CpuUsage.TotalTime.TotalSeconds:F2} s process CPU; no reports written.[/]"));
            return DriftJobApp.ExitNoDrift;
        }

        // The report's charts depend only on the analysis: they are binned on the other core while the results are printed
        // and the response workflow runs (both single-threaded), not after them.
        var distributions = windows.Count > 0 ? Task.Run(() => DriftJobReport.Distributions(data!, windows[^1]), cancellationToken) : null;
        console.MarkupLine($"[grey]Data:[/] {Shown.Markup(data!.Source)}");
        PrintValidation(console, windows);
        PrintWindows(console, windows, settings.DriftShare);
        if (trend is not null)
        {
            PrintTrend(console, trend);
        }

        PrintMultivariate(console, multivariate!);

        if (estimation is not null)
        {
            PrintEstimation(console, estimation);
        }

        console.WriteLine();
        console.MarkupLine("[bold]Drift response workflow[/]");
        var (responses, audit) = await DriftResponseStage.RunAsync(settings.SystemName, windows, trend, _timeProvider, console, cancellationToken,
            multivariate, estimation);
        console.MarkupLine($"  [grey]audit chain {(audit.IsValid ? "verified" : "BROKEN")}: {audit.VerifiedCount} records[/]");

        var result = new DriftJobResult
        {
            Dataset = data,
            GeneratedAt = _timeProvider.GetUtcNow(),
            SystemId = settings.SystemName,
            DriftShareThreshold = settings.DriftShare,
            Windows = windows,
            Trend = trend,
            Multivariate = multivariate,
            Estimation = estimation,
            Responses = responses,
            Audit = audit,
        };
        var exitCode = result.DatasetDrift && settings.DriftFailsRun ? DriftJobApp.ExitDatasetDrift : DriftJobApp.ExitNoDrift;
        var charts = distributions is null ? null : await distributions;
        var folder = await ReportFiles.WriteAsync(DriftJobReport.Build(result, exitCode, distributions: charts), settings.Out, cancellationToken);

        console.WriteLine();
        console.MarkupLine($"[bold]Reports written to[/] {Shown.Markup(folder)}");
        foreach (var file in new[] { ReportFiles.Json, ReportFiles.Markdown, ReportFiles.Html })
        {
            console.MarkupLine($"  {Shown.Markup(Path.Combine(folder, file))}");
        }

        if (settings.Store is { } store)
        {
            var stored = await ReportHistoryStage.StoreAsync(store, settings.SystemName, Path.Combine(folder, ReportFiles.Json), _timeProvider,
                cancellationToken);
            console.MarkupLine($"[bold]Report kept in the history[/] as report {stored.Id} " +
                $"(digest {stored.Report.Digest.ToString()[..12]}…, audit " +
                $"record {stored.AuditSequence})");
        }

        var driftedWindows = windows.Where(w => w.Drift.DatasetDrift).Select(w => w.Window.Name).ToList();
        if (!result.DatasetDrift)
        {
            console.MarkupLine($"[green bold]No dataset drift[/] → exit code {exitCode}");
        }
        else if (settings.DriftFailsRun)
        {
            console.MarkupLine($"[red bold]Dataset drift found[/] in " +
                $"{Shown.Markup(string.Join(", ", driftedWindows.Select(n => UntrustedText.Bound(n))))} → exit code {exitCode}");
        }
        else
        {
            console.MarkupLine($"[red bold]Dataset drift found[/] in " +
                $"{Shown.Markup(string.Join(", ", driftedWindows.Select(n => UntrustedText.Bound(n))))}, " +
                $"as injected into the demo data → exit code "
                    +
                $"{exitCode}");
            console.MarkupLine("[grey]On your own files (--reference/--current), or with --fail-on-drift, dataset drift exits with 1 so a scheduler "
                +
                "can act on it.[/]");
        }
        return exitCode;
    }

    /// <summary>The per-column analysis (both cores, column by column) with the joint one beside it (one core, on a
    /// sample); a failure or Ctrl+C in either stops the other before the error goes on.</summary>
    private async Task<(IReadOnlyList<WindowAnalysis>, TrendAnalysis?, MultivariateAnalysis)> AnalyseAsync(
        DriftJobDataset data, double driftShare, JobProgress progress, CancellationToken cancellationToken)
    {
        using var stopJoint = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var joint = MultivariateStage.Start(data, _timeProvider, stopJoint.Token);
        try
        {
            var (windows, trend) = await DriftAnalysis.RunAsync(data, driftShare, _timeProvider, progress, cancellationToken);
            return (windows, trend, await MultivariateStage.FinishAsync(joint, data, progress));
        }
        catch
        {
            await stopJoint.CancelAsync();
            await ((Task)joint).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
    }

    /// <summary>The per-column analysis alone (<c>--no-multivariate</c>).</summary>
    private async Task<(IReadOnlyList<WindowAnalysis>, TrendAnalysis?, MultivariateAnalysis)> AnalysePerColumnAsync(
        DriftJobDataset data, double driftShare, JobProgress progress, CancellationToken cancellationToken)
    {
        var (windows, trend) = await DriftAnalysis.RunAsync(data, driftShare, _timeProvider, progress, cancellationToken);
        return (windows, trend, MultivariateAnalysis.TurnedOff);
    }

    private static async Task<DriftJobDataset> LoadAsync(DriftJobSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Reference is null)
        {
            return await Task.Run(() => SyntheticLoanApplications.Generate(settings.Seed), cancellationToken);
        }

        var numbers = NumberReader.Invariant;
        var (reference, current) = await TabularFileReader.ReadPairAsync(settings.Reference, settings.Current!, numbers, cancellationToken);
        var (referenceData, currentData) = await Task.Run(() => TableAssembler.Assemble(reference, current, numbers, cancellationToken),
            cancellationToken);
        return new DriftJobDataset(
            $"reference {reference.FileName} ({reference.RowCount:N0} rows), current {current.FileName} ({current.RowCount:N0} rows)",
            referenceData,
            [new DataWindow(current.FileName, currentData, null)],
            null);
    }

    private static void PrintValidation(IAnsiConsole console, IReadOnlyList<WindowAnalysis> windows)
    {
        console.WriteLine();
        console.MarkupLine("[bold]Ingestion validation[/] (schema inferred from the reference)");
        foreach (var w in windows)
        {
            if (w.Validation.IsValid)
            {
                console.MarkupLine($"  {Shown.Name(w.Window.Name)}: [green]valid[/] ({w.Validation.RowCount:N0} rows, {w.Validation.ColumnCount} " +
                    $"columns)");
                continue;
            }

            console.MarkupLine($"  {Shown.Name(w.Window.Name)}: [yellow]{w.Validation.Violations.Count} violation(s)[/]");
            foreach (var v in w.Validation.Violations)
            {
                console.MarkupLine($"    [yellow]{v.Rule}[/] {Shown.Markup(v.Message)}");
            }
        }
    }

    private static void PrintWindows(IAnsiConsole console, IReadOnlyList<WindowAnalysis> windows, double driftShare)
    {
        console.WriteLine();
        var table = new Table().Title($"[bold]Drift by window[/] (dataset drift at ≥ {Percent(driftShare)} of columns)")
            .AddColumns("Window", "Rows", "Drifted", "Dataset drift", "Severity", "Max PSI");
        foreach (var w in windows)
        {
            table.AddRow(
                Shown.Name(w.Window.Name),
                w.Window.Data.RowCount.ToString("N0", Inv),
                $"{w.Drift.DriftedColumnCount}/{w.Drift.ColumnCount}",
                w.Drift.DatasetDrift ? "[red]yes[/]" : "[green]no[/]",
                SeverityMarkup(w.Drift.Severity),
                w.Drift.MaxPsi.ToString("F3", Inv));
        }

        console.Write(table);
        foreach (var w in windows)
        {
            var drifted = DriftReportDocument.OrderBySeverity(w.Drift.Columns.Where(c => c.IsDrifted).Select(DriftColumn.From));
            console.MarkupLine($"[bold]{Shown.Name(w.Window.Name)}[/]: " +
                $"{(drifted.Count == 0 ? "no column drifted" : $"{drifted.Count} drifted column(s), worst first")}");
            foreach (var c in drifted)
            {
                console.MarkupLine($"  {SeverityMarkup(c.Severity)} [bold]{Shown.Name(c.Column)}[/] {Shown.Markup(Describe(c))}");
            }
        }
    }

    private static string Describe(DriftColumn c)
    {
        if (c.Status != ColumnDriftStatus.Compared)
        {
            return c.Reason;
        }

        var parts = new List<string>();
        if (c.DistributionDrifted)
        {
            parts.Add(c.Method switch
            {
                DriftMethod.NormalizedWasserstein => $"Wasserstein/σ {ReportFormat.Number(c.Statistic)} > {ReportFormat.Number(c.Threshold)}",
                DriftMethod.JensenShannon => $"Jensen–Shannon {ReportFormat.Number(c.Statistic)} > {ReportFormat.Number(c.Threshold)}",
                _ => $"{c.Method} {ReportFormat.Number(c.Statistic, 4)}, adj. p {ReportFormat.Number(c.AdjustedPValue)}",
            });
        }

        if (c.MissingRateDrifted)
        {
            parts.Add($"missing {Percent(c.ReferenceMissingRate, "0.0%")} → {Percent(c.CurrentMissingRate, "0.0%")}");
        }

        parts.Add("PSI " + ReportFormat.Number(c.Psi));
        return string.Join("; ", parts);
    }

    private static string Percent(double share, string format = "0%") => share.ToString(format, Inv);

    private static void PrintTrend(IAnsiConsole console, TrendAnalysis t)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]Performance trend[/] ({Shown.Markup(t.Series.Metric)}, {t.Series.Values.Count} " +
            $"{Shown.Markup(t.Series.PeriodUnit)}s)");
        if (!t.Trend.HasEnoughData)
        {
            console.MarkupLine("  too few periods to fit a trend");
            return;
        }

        var verdict = t.Trend.IsDeclining ? "[red]declining[/]" : "[green]no significant decline[/]";
        console.MarkupLine(string.Create(Inv,
            $"  latest {t.Trend.Current:F4}; slope {t.Trend.Slope:F5}/{Shown.Markup(t.Series.PeriodUnit)} (p = {t.Trend.PValue:G3}): {verdict}"));
        console.MarkupLine(string.Create(Inv,
            $"  projected {t.Trend.Projected:F4} in {t.Trend.ProjectionHorizon} {Shown.Markup(t.Series.PeriodUnit)}s; " +
                $"{Shown.Markup(DriftReportDocument.DescribeCrossing(DriftJobReport.Trend(t)))} → {t.Trend.Recommendation}"));
        console.MarkupLine(string.Create(Inv,
            $"  latest vs trailing {t.Degradation.WindowSize}-{Shown.Markup(t.Series.PeriodUnit)} mean: degradation {t.Degradation.Degradation:F4} " +
                $"({(t.Degradation.IsDrifted ? "[red]concept drift[/]" : "below the 0.05 alarm")})"));
    }

    private static void PrintEstimation(IAnsiConsole console, EstimationAnalysis e)
    {
        console.WriteLine();
        var calibration = e.Reference.Calibration;
        console.MarkupLine(string.Create(Inv,
            $"[bold]Estimated accuracy without labels[/] (CBPE, {Markup.Escape(e.Reference.CalibratorDescription)}; reference ECE " +
                $"{calibration.ExpectedCalibrationError:F4})"));
        var table = new Table().AddColumns("Week", "Estimated", "95% band", "Realised", "Labels arrive", "In band");
        foreach (var w in e.Weeks)
        {
            var a = w.Realised.Get(AiGovernance.Monitoring.PerformanceEstimation.EstimatedMetric.Accuracy);
            table.AddRow(
                Markup.Escape(w.Week.Label),
                a.Estimated.ToString("F4", Inv),
                Markup.Escape(string.Create(Inv, $"[{a.Lower:F4}, {a.Upper:F4}]")),
                a.Realised.ToString("F4", Inv),
                Markup.Escape(w.LabelsArrive),
                a.IsOutsideBand ? "[red]no[/]" : "[green]yes[/]");
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape(DriftJobReport.Estimation(e).DescribeFlags()));
    }

    private static void PrintMultivariate(IAnsiConsole console, MultivariateAnalysis analysis)
    {
        console.WriteLine();
        if (analysis.Skipped is { } skipped)
        {
            console.MarkupLine($"[bold]Multivariate drift[/]: not run — {Shown.Markup(skipped)}");
            return;
        }

        var table = new Table().Title("[bold]Multivariate drift[/] (all columns together)")
            .AddColumns("Window", "PCA reconstruction error (band)", "Classifier AUC (interval)", "MMD p", "Drift");
        foreach (var w in analysis.Windows)
        {
            var r = w.Report;
            table.AddRow(
                Shown.Markup(w.Name),
                r.Reconstruction is { } rc ? Flag(string.Create(Inv, $"{rc.MeanError:F4} ({rc.LowerThreshold:F4}–{rc.UpperThreshold:F4})"),
                    rc.IsDrifted) : "—",
                r.DomainClassifier is { } c ? Flag(string.Create(Inv, $"{c.Auc:F3} [{c.Lower:F3}, {c.Upper:F3}]"), c.IsDrifted) : "—",
                r.Mmd is { } m ? Flag(m.PValue.ToString("G3", Inv), m.IsDrifted) : "—",
                r.IsDrifted ? "[red]yes[/]" : "[green]no[/]");
        }

        console.Write(table);
    }

    private static string Flag(string text, bool drifted) => drifted ? $"[red]{Markup.Escape(text)}[/]" : Markup.Escape(text);

    private static string SeverityMarkup(AiGovernance.Core.Severity severity) => severity switch
    {
        AiGovernance.Core.Severity.Critical => "[white on red]Critical[/]",
        AiGovernance.Core.Severity.High => "[red]High[/]",
        AiGovernance.Core.Severity.Medium => "[yellow]Medium[/]",
        _ => "[grey]Low[/]",
    };
}
