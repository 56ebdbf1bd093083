using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AiGovernance.Samples.DriftJob.Tests;

/// <summary>The reports are written all or none, by the real entry point in its own process: a cancelled or failed run
/// leaves the output folder exactly as it was, and a run whose reports appeared is complete.</summary>
public sealed class ReportAtomicityTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task FailureWritingTheThirdReport_LeavesOldReportsAndTheFolderExactlyAsTheyWere()
    {
        using var folder = new TempFolder();
        var output = folder.File("out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "drift-report.json"), "{\"old\":true}");
        File.WriteAllText(Path.Combine(output, "drift-report.md"), "# old report");
        Directory.CreateDirectory(Path.Combine(output, "drift-report.html"));   // the HTML report cannot be written there
        var before = Snapshot(output);

        var (exit, stdout, stderr) = await ChildProcess.RunAsync("dotnet", [Sample.Dll, "--out", output], Timeout);

        Assert.True(exit == DriftJobApp.ExitBadInput, stdout + stderr);
        Assert.Contains("Cannot write the reports", stdout + stderr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(output));
    }

    [Fact]
    public async Task CtrlC_JustAfterTheJsonReportAppeared_FindsTheRunCommitted_WithAllThreeReportsComplete()
    {
        using var folder = new TempFolder();
        WriteWideFiles(folder, columns: 3_000, rows: 300);
        var output = folder.File("out");
        var json = Path.Combine(output, "drift-report.json");
        await using var job = RunningProcess.Start("dotnet",
            [Sample.Dll, "--reference", folder.File("reference.csv"), "--current", folder.File("current.csv"), "--out", output]);

        // The moment drift-report.json exists, press Ctrl+C.
        while (!File.Exists(json) && !job.HasExited)
        {
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(json), "The job exited without writing drift-report.json: " + job.Stdout);
        TrySignal(job, 2);
        var (exit, stdout, stderr) = await job.WaitForExitAsync(Timeout);

        // The reports appeared, so the run had finished writing them: Ctrl+C can no longer undo it or call it cancelled.
        Assert.True(exit == DriftJobApp.ExitDatasetDrift, $"exit {exit}: {stdout} {stderr}");
        Assert.DoesNotContain("no reports were written", stdout + stderr, StringComparison.Ordinal);
        using var report = Json.Load(json);
        Assert.Equal(1, report.RootElement.GetProperty("exitCode").GetInt32());
        Assert.EndsWith("</html>", File.ReadAllText(Path.Combine(output, "drift-report.html")).TrimEnd(), StringComparison.Ordinal);
        Assert.StartsWith("# Drift report — ", File.ReadAllText(Path.Combine(output, "drift-report.md")), StringComparison.Ordinal);
        Assert.Equal(["drift-report.html", "drift-report.json", "drift-report.md"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SigTerm_DuringTheAnalysis_SaysSo_ExitsWith143_AndLeavesOldReportsUntouched()
    {
        using var folder = new TempFolder();
        var output = folder.File("out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "drift-report.json"), "{\"old\":true}");
        File.WriteAllText(Path.Combine(output, "drift-report.md"), "# old report");
        var before = Snapshot(output);
        await using var job = RunningProcess.Start("dotnet", [Sample.Dll, "--out", output]);
        Assert.True(await job.WaitForLineAsync("Fitting the reference", Timeout), job.Stdout);

        TrySignal(job, 15);
        var (exit, stdout, stderr) = await job.WaitForExitAsync(Timeout);

        Assert.True(exit == DriftJobApp.ExitTerminated, $"exit {exit}: {stdout} {stderr}");
        Assert.Contains("Cancelled; no reports were written.", stdout + stderr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(output));
    }

    private static void TrySignal(RunningProcess job, int signal)
    {
        try
        {
            job.Signal(signal);
        }
        catch (InvalidOperationException) when (job.HasExited)
        {
            // Finished before the signal: nothing to interrupt, the assertions on the result still hold.
        }
    }

    /// <summary>Every entry of the folder, hidden ones included: name, kind and content hash.</summary>
    private static string[] Snapshot(string folder) =>
    [
        .. Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => Directory.Exists(p)
                ? Path.GetRelativePath(folder, p) + "/"
                : Path.GetRelativePath(folder, p) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p)))),
    ];

    /// <summary>Reference and current CSVs with many numeric columns, half of them shifted, so the reports are large.</summary>
    private static void WriteWideFiles(TempFolder folder, int columns, int rows)
    {
        var random = new Random(21);
        foreach (var (name, shift) in new[] { ("reference.csv", 0.0), ("current.csv", 1.0) })
        {
            var text = new StringBuilder();
            text.AppendJoin(',', Enumerable.Range(0, columns).Select(c => $"feature_{c}")).Append('\n');
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    var value = random.NextDouble() + (c % 2 == 0 ? shift : 0);
                    text.Append(c == 0 ? string.Empty : ",").Append(value.ToString("R", CultureInfo.InvariantCulture));
                }

                text.Append('\n');
            }

            File.WriteAllText(folder.File(name), text.ToString());
        }
    }
}

/// <summary>The built sample, copied next to the tests.</summary>
internal static class Sample
{
    public static string Dll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "AiGovernance.Samples.DriftJob.dll");
            Assert.True(File.Exists(dll), $"The sample was not copied next to the tests: {dll}");
            return dll;
        }
    }
}
