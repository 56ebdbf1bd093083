using System.Globalization;
using System.Text;

namespace AiGovernance.Samples.DriftJob.Tests;

/// <summary>Ctrl+C takes effect inside a long stage, not after it: the real entry point, signalled as a stage starts,
/// stops with 130 before the next stage begins.</summary>
public sealed class CancellationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(300);

    [Fact]
    public async Task CtrlC_WhileFittingTheReference_StopsBeforeTheNextStage()
    {
        using var folder = new TempFolder();

        // Fitting sorts every reference column: 300,000 rows × 12 columns keep it busy long after the signal lands.
        WriteNumericCsv(folder.File("reference.csv"), rows: 300_000, columns: 12, seed: 1);
        WriteNumericCsv(folder.File("current.csv"), rows: 2_000, columns: 12, seed: 2);
        await using var job = RunningProcess.Start("dotnet",
            [Sample.Dll, "--reference", folder.File("reference.csv"), "--current", folder.File("current.csv"), "--out", folder.File("out")]);
        Assert.True(await job.WaitForLineAsync("Fitting the reference", Timeout), job.Stdout);

        job.Signal(2);
        var (exit, stdout, stderr) = await job.WaitForExitAsync(Timeout);

        Assert.True(exit == DriftJobApp.ExitCancelled, $"exit {exit}: {stdout} {stderr}");
        var afterFitting = stdout[stdout.IndexOf("Fitting the reference", StringComparison.Ordinal)..];
        Assert.DoesNotContain("•", afterFitting[1..], StringComparison.Ordinal);
        Assert.Contains("Cancelled; no reports were written.", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    private static void WriteNumericCsv(string path, int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(rows * columns * 8);
        text.AppendJoin(',', Enumerable.Range(0, columns).Select(c => $"x{c}")).Append('\n');
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                text.Append(c == 0 ? string.Empty : ",").Append((random.NextDouble() * 1000).ToString("F2", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }
}
