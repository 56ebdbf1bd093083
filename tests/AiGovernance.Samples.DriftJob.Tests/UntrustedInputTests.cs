using System.Text;

namespace AiGovernance.Samples.DriftJob.Tests;

/// <summary>Text from the input files reaches the console and the reports bounded and escaped.</summary>
public sealed class UntrustedInputTests
{
    [Fact]
    public async Task TenMegabyteCategoryLabel_IsBoundedInTheConsoleAndTheReports()
    {
        using var folder = new TempFolder();
        var huge = new string('L', 10 * 1024 * 1024);
        WriteFiles(folder, "region", ["north", "south", "east"], ["north", huge, "south"]);

        var run = await Run(folder);

        Assert.True(run.ExitCode is DriftJobApp.ExitNoDrift or DriftJobApp.ExitDatasetDrift, run.Output[..Math.Min(2_000, run.Output.Length)]);
        Assert.True(run.Output.Length < 50_000, $"{run.Output.Length} characters on the console");
        Assert.Contains("…(10485760 characters)", run.Output, StringComparison.Ordinal);
        foreach (var report in new[] { "drift-report.md", "drift-report.html" })
        {
            var length = new FileInfo(Path.Combine(folder.File("out"), report)).Length;
            Assert.True(length < 500_000, $"{report}: {length} bytes");
        }
    }

    [Fact]
    public async Task TerminalEscapeSequencesInCellsAndHeaders_NeverReachTheConsoleOrReports()
    {
        using var folder = new TempFolder();
        const string column = "region\u001b]0;pwned\u0007";
        WriteFiles(folder, column, ["north", "south", "east"], ["north", "\u001b[2J\u001b[31mwest", "south"]);

        var run = await Run(folder);

        Assert.True(run.ExitCode is DriftJobApp.ExitNoDrift or DriftJobApp.ExitDatasetDrift, run.Output);
        var reports = File.ReadAllText(Path.Combine(folder.File("out"), "drift-report.md")) + File.ReadAllText(Path.Combine(folder.File("out"), "drift-report.html"));
        foreach (var text in new[] { run.Output, reports })
        {
            Assert.DoesNotContain('\u001b', text);
            Assert.DoesNotContain('\u0007', text);
        }

        Assert.Contains("\\u001b[2J", run.Output, StringComparison.Ordinal);
        Assert.Contains("region\\u001b]0;pwned\\u0007", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenMegabyteRaggedRow_GivesOneBoundedErrorLine()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("reference.csv"), "age,region\n40,north\n41,south\n");
        File.WriteAllText(folder.File("current.csv"), "age,region\n40,north\n" + new string('7', 10 * 1024 * 1024) + "\n");

        var run = await Run(folder);

        JobAssert.Exit(DriftJobApp.ExitBadInput, run);
        var error = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(error.Length <= Cli.ErrorLine.MaxLength + 10, $"{error.Length} characters");
        Assert.True(run.Output.Length < 20_000, $"{run.Output.Length} characters on the console");
    }

    private static Task<JobRun> Run(TempFolder folder) =>
        JobHarness.RunWithTestTokenAsync("--reference", folder.File("reference.csv"), "--current", folder.File("current.csv"), "--out", folder.File("out"));

    private static void WriteFiles(TempFolder folder, string column, string[] reference, string[] current)
    {
        foreach (var (name, labels) in new[] { ("reference.csv", reference), ("current.csv", current) })
        {
            var text = new StringBuilder("age,\"" + column + "\"\n");
            for (var i = 0; i < labels.Length; i++)
            {
                text.Append(40 + i).Append(",\"").Append(labels[i]).Append("\"\n");
            }

            File.WriteAllText(folder.File(name), text.ToString());
        }
    }
}
