using System.ComponentModel;
using AiGovernance.Shared;
using AiGovernance.Samples.DriftJob.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AiGovernance.Samples.DriftJob.Cli;

/// <summary>The job's command line.</summary>
internal sealed class DriftJobSettings : CommandSettings
{
    /// <summary>The reference (training) data file, .csv or .parquet.</summary>
    [CommandOption("-r|--reference <FILE>")]
    [Description("Reference (training) data, .csv or .parquet. Needs --current. Without both, the embedded synthetic loan dataset is analysed.")]
    public string? Reference { get; set; }

    /// <summary>The current (production) data file, .csv or .parquet.</summary>
    [CommandOption("-c|--current <FILE>")]
    [Description("Current (production) data with the same columns, .csv or .parquet.")]
    public string? Current { get; set; }

    /// <summary>The output folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Folder for drift-report.json, drift-report.md and drift-report.html. Created when missing.")]
    [DefaultValue("drift-output")]
    public string Out { get; set; } = "drift-output";

    /// <summary>The share of drifted columns at which a window counts as dataset drift.</summary>
    [CommandOption("--drift-share <SHARE>")]
    [Description("A window shows dataset drift when at least this share of its columns drifted (0 < share <= 1). The job uses 0.1: with about " +
        "twenty features, two or three moving is worth acting on (the library's default, 0.5, suits very wide tables).")]
    [DefaultValue(DriftJobApp.DefaultDriftShare)]
    public double DriftShare { get; set; } = DriftJobApp.DefaultDriftShare;

    /// <summary>The AI system the data feeds, as given with <c>--system</c>, or <see langword="null"/>.</summary>
    [CommandOption("--system <NAME>")]
    [Description("The AI system the data feeds: the reports are titled with it and it names the drift events and audit records. "
        + "Default: loan-approval for the embedded demo, the current file's name for your own files.")]
    public string? SystemId { get; set; }

    /// <summary>The name the reports and drift events carry: <see cref="SystemId"/>, else <see cref="DemoSystem"/> for the
    /// embedded demo, else the current file's name without its extension (never the demo's name for someone's own data).</summary>
    public string SystemName => SystemId ?? (Current is null ? DemoSystem : Path.GetFileNameWithoutExtension(Current));

    /// <summary>The AI system of the embedded demo dataset.</summary>
    public const string DemoSystem = "loan-approval";

    /// <summary>The seed of the embedded dataset.</summary>
    [CommandOption("--seed <SEED>")]
    [Description("Seed of the embedded synthetic dataset (ignored with --reference/--current).")]
    [DefaultValue(SyntheticLoanApplications.DefaultSeed)]
    public int Seed { get; set; } = SyntheticLoanApplications.DefaultSeed;

    /// <summary>Input files larger than this many megabytes are compared column by column (0: always).</summary>
    [CommandOption("--columnar-threshold <MB>")]
    [Description("Files larger than this many megabytes (either one) are compared one column at a time in bounded memory (ColumnarDriftRunner; JSON "
        +
        "and Markdown reports, no HTML). 0 always does.")]
    [DefaultValue(DefaultColumnarThresholdMegabytes)]
    public long ColumnarThresholdMegabytes { get; set; } = DefaultColumnarThresholdMegabytes;

    /// <summary>The default of <see cref="ColumnarThresholdMegabytes"/>: a 256 MB CSV is several million cells in memory.</summary>
    public const long DefaultColumnarThresholdMegabytes = 256;

    /// <summary>Whether dataset drift in the embedded demo data ends the run with exit code 1.</summary>
    /// <remarks>On your own files (<see cref="Reference"/>/<see cref="Current"/>) drift always exits with 1. The embedded
    /// windows carry drift injected on purpose, so the demo reports it and exits 0 unless this flag asks it to behave
    /// like a scheduled run.</remarks>
    [CommandOption("--fail-on-drift")]
    [Description("With the embedded demo data, exit with 1 on dataset drift as a scheduled run on your own files always does (the demo's drift is " +
        "injected on purpose, so by default it exits 0).")]
    public bool FailOnDrift { get; set; }

    /// <summary>Whether the joint comparison of all columns (PCA reconstruction error, domain classifier, MMD) is left out,
    /// so the windows are compared column by column only; the reports then say the joint stage was not run and why.</summary>
    /// <remarks>The joint stage sees drift in the relationships between columns that no per-column test sees; leave it on
    /// unless those comparisons are made elsewhere or the run must do no more than a per-column script would.</remarks>
    [CommandOption("--no-multivariate")]
    [Description("Compare column by column only: leave out the joint comparison of all columns (PCA reconstruction error, domain " +
        "classifier, MMD), which sees drift in the relationships between columns. The reports say it was not run.")]
    public bool NoMultivariate { get; set; }

    /// <summary>The governance database that keeps each run's report in the report history, or null.</summary>
    [CommandOption("--store <CONNECTION>")]
    [Description("Keep this run's report in the report history of a governance database (its digest goes into that database's audit log): a SQLite " +
        "file or connection string (\"governance.db\", \"Data Source=governance.db\"), or a PostgreSQL connection string " +
        "(\"Host=db;Database=governance;Username=…\").")]
    public string? Store { get; set; }

    /// <summary>A benchmarking aid (hidden from the help): end the run, with exit code 0 and no reports, after the named
    /// stage — <c>read</c> (both files read and assembled) or <c>analysis</c> (the per-column analysis — fit, schema,
    /// validation, comparison — and the joint one beside it) — printing that point's elapsed and process CPU time.</summary>
    [CommandOption("--stop-after <STAGE>", IsHidden = true)]
    [Description("Benchmarking: stop after read or analysis, print the elapsed and CPU time, write no reports.")]
    public string? StopAfter { get; set; }

    /// <summary>The stages <see cref="StopAfter"/> accepts, in run order.</summary>
    public static readonly IReadOnlyList<string> StopStages = ["read", "analysis"];

    /// <summary>Whether dataset drift ends this run with exit code 1: always on the user's files, on request in the demo.</summary>
    public bool DriftFailsRun => Reference is not null || FailOnDrift;

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if ((Reference is null) != (Current is null))
        {
            return ValidationResult.Error("--reference and --current go together: give both files, or neither to analyse the embedded dataset.");
        }

        if (!(DriftShare is > 0 and <= 1))
        {
            return ValidationResult.Error($"--drift-share must be in (0, 1]; got {DriftShare}.");
        }

        if (ColumnarThresholdMegabytes < 0)
        {
            return ValidationResult.Error($"--columnar-threshold must be 0 or more megabytes; got {ColumnarThresholdMegabytes}.");
        }

        if (StopAfter is not null && !StopStages.Contains(StopAfter))
        {
            return ValidationResult.Error($"--stop-after takes {string.Join(", ", StopStages)}; got '{UntrustedText.Bound(StopAfter, 40)}'.");
        }

        if (string.IsNullOrWhiteSpace(Out))
        {
            return ValidationResult.Error("--out needs a folder.");
        }

        return SystemId is not null && string.IsNullOrWhiteSpace(SystemId) ? ValidationResult.Error("--system needs a name.")
            : ValidationResult.Success();
    }
}
