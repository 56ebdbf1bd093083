using System.Globalization;
using System.Text;
using AiGovernance.Tool;
using Spectre.Console;

namespace AiGovernance.Tool.Tests;

/// <summary>Runs <c>aigov</c> in-process against a console that writes to a string.</summary>
internal static class ToolHarness
{
    public static async Task<ToolRun> RunAsync(params string[] args)
    {
        var writer = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        var error = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
        var exit = await AigovApp.RunAsync(args, console, TestContext.Current.CancellationToken, error: error);
        return new ToolRun(exit, writer.ToString(), error.ToString());
    }
}

internal sealed record ToolRun(int ExitCode, string Output, string Error);

/// <summary>A temporary folder deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("aigov-tool-tests-").FullName;

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

/// <summary>Small input files for the drift command: a numeric column that moves and one that does not.</summary>
internal static class DriftFiles
{
    public static void Write(string path, int rows, double shift)
    {
        var b = new StringBuilder("age,tenure,region\n");
        for (var i = 0; i < rows; i++)
        {
            // A deterministic spread: every value of 0..99 once per 100 rows.
            var u = (i * 37) % 100;
            b.Append(CultureInfo.InvariantCulture, $"{20 + (u * 0.5) + shift},{(i * 13) % 40},{(i % 3) switch { 0 => "north", 1 => "south", _ => "east" }}\n");
        }

        System.IO.File.WriteAllText(path, b.ToString());
    }
}
