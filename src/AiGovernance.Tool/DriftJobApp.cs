using AiGovernance.Samples.DriftJob.Cli;
using AiGovernance.Samples.DriftJob.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AiGovernance.Samples.DriftJob;

/// <summary>The job's entry point, callable in-process (tests) as well as from <c>Program</c>.</summary>
/// <remarks>
/// Exit codes: <see cref="ExitNoDrift"/> (0) no window shows dataset drift, or the embedded demo ran (its drift is
/// injected on purpose; <c>--fail-on-drift</c> makes it exit 1 too); <see cref="ExitDatasetDrift"/> (1) at
/// least one window of the user's data shows dataset drift, so a batch scheduler can act; <see cref="ExitBadInput"/> (2) bad input or usage
/// (missing, empty or unreadable file, mismatched columns, an unparsable number, an unknown extension or option) — one
/// red message, never a stack trace; <see cref="ExitCancelled"/> (130) cancelled with Ctrl+C; <see cref="ExitTerminated"/> (143)
/// stopped by SIGTERM. A cancelled run leaves the output folder exactly as it was.
/// </remarks>
internal static class DriftJobApp
{
    /// <summary>No dataset drift.</summary>
    public const int ExitNoDrift = 0;

    /// <summary>Dataset drift found in at least one window.</summary>
    public const int ExitDatasetDrift = 1;

    /// <summary>Bad input or usage.</summary>
    public const int ExitBadInput = 2;

    /// <summary>Cancelled (128 + SIGINT, as shells report Ctrl+C).</summary>
    public const int ExitCancelled = 130;

    /// <summary>Stopped by SIGTERM (128 + 15), handled like Ctrl+C: the message is printed and nothing is written.</summary>
    public const int ExitTerminated = 143;

    /// <summary>The job's default share of drifted columns at which a window counts as dataset drift.</summary>
    public const double DefaultDriftShare = 0.1;

    private const string Description =
        "Validates ingestion, compares production data with a fitted reference, projects the performance trend, runs the drift "
        + "response workflow and writes drift-report.json, drift-report.md and drift-report.html. Without --reference/--current it "
        + "analyses an embedded synthetic loan-application dataset with known drift. "
        + "Exit codes: 0 no dataset drift (or the embedded demo completed: its drift is injected on purpose); 1 dataset drift found in at least one "
            +
            "window "
        + "of your files (or of the demo with --fail-on-drift); 2 bad input or usage; 130 cancelled (Ctrl+C), 143 stopped (SIGTERM); a cancelled " +
            "run writes nothing.";

    /// <summary>Runs the job.</summary>
    /// <param name="args">The command line (see <c>--help</c>).</param>
    /// <param name="console">Where output goes.</param>
    /// <param name="cancellationToken">Cancels the run (Ctrl+C).</param>
    /// <param name="timeProvider">Stamps the reports; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="error">Where the one-line error message goes; standard error when <see langword="null"/>.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        string[] args, IAnsiConsole console, CancellationToken cancellationToken, TimeProvider? timeProvider = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var app = new CommandApp<DriftJobCommand>().WithDescription(Description);
        app.Configure(config =>
        {
            Configure(config, console, timeProvider);
            config.SetApplicationName("AiGovernance.Samples.DriftJob");
            config.AddExample("--out", "./drift-output");
            config.AddExample("--reference", "train.parquet", "--current", "today.csv", "--system", "credit-scoring", "--out", "./reports");
        });
        return await RunAsync(app, args, console, error, "The drift job", cancellationToken);
    }

    /// <summary>The description of the drift command (exit codes included).</summary>
    internal static string DriftDescription => Description;

    /// <summary>The settings every command line of the job and the tool shares: the console, the clock, strict parsing,
    /// exceptions propagated to <see cref="RunAsync(ICommandApp, string[], IAnsiConsole, TextWriter?, string, CancellationToken)"/>.</summary>
    internal static void Configure(IConfigurator config, IAnsiConsole console, TimeProvider? timeProvider)
    {
        config.Settings.Registrar.RegisterInstance<IAnsiConsole>(console);
        config.Settings.Registrar.RegisterInstance<TimeProvider>(timeProvider ?? TimeProvider.System);
        config.ConfigureConsole(console);
        config.PropagateExceptions();
        config.UseStrictParsing();
    }

    /// <summary>Runs a command line and turns what goes wrong into an exit code and one line on standard error.</summary>
    internal static async Task<int> RunAsync(ICommandApp app, string[] args, IAnsiConsole console, TextWriter? error, string program,
        CancellationToken cancellationToken)
    {
        var errors = new ErrorLine(error ?? Console.Error, colour: error is null && !Console.IsErrorRedirected);
        try
        {
            return await app.RunAsync(args, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.WriteLine();
            console.Write(new Text("Cancelled; no reports were written." + Environment.NewLine, new Style(Color.Yellow)));
            return ExitCancelled;
        }
        catch (Exception ex) when (Unwrap(ex) is DriftJobInputException input)
        {
            errors.Write(input.Message);
            return ExitBadInput;
        }
        catch (CommandAppException ex)
        {
            errors.Write(ex.Message + " Run with --help for usage.");
            return ExitBadInput;
        }
#pragma warning disable CA1031 // The job's contract is one readable message and exit code 2, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            errors.Write($"{program} failed: {Unwrap(ex).Message} ({Unwrap(ex).GetType().Name})");
            return ExitBadInput;
        }
    }

    private static Exception Unwrap(Exception ex)
    {
        while (ex is AggregateException { InnerException: { } inner })
        {
            ex = inner;
        }

        return ex;
    }
}
