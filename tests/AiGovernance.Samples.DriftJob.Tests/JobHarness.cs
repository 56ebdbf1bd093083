using System.Text;
using System.Text.Json;
using AiGovernance.Samples.DriftJob;
using Spectre.Console;

namespace AiGovernance.Samples.DriftJob.Tests;

/// <summary>Runs the job in-process against a console that writes to a string.</summary>
internal static class JobHarness
{
    public static Task<JobRun> RunWithTestTokenAsync(params string[] args) => RunAsync(args, TestContext.Current.CancellationToken);

    public static async Task<JobRun> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var writer = new StringWriter(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        var error = new StringWriter(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture);
        var exit = await DriftJobApp.RunAsync(args, console, cancellationToken, error: error);
        return new JobRun(exit, writer.ToString(), error.ToString());
    }
}

/// <param name="ExitCode">The job's exit code.</param>
/// <param name="Output">What the job wrote to its console (standard output).</param>
/// <param name="Error">What the job wrote to standard error: its one-line error message, if any.</param>
internal sealed record JobRun(int ExitCode, string Output, string Error)
{
    public bool HasStackTrace => (Output + Error).Contains("   at ", StringComparison.Ordinal) || (Output + Error).Contains("Exception:", StringComparison.Ordinal);
}

/// <summary>A temporary folder deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "driftjob-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class Json
{
    public static JsonDocument Load(string path) => JsonDocument.Parse(System.IO.File.ReadAllText(path));

    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}

internal static class JobAssert
{
    public static void Exit(int expected, JobRun run)
    {
        if (run.ExitCode != expected)
        {
            Assert.Fail($"Expected exit code {expected} but got {run.ExitCode}. Output:\n{run.Output}\nError:\n{run.Error}");
        }
    }
}
