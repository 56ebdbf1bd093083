using System.Text.Json;
using AiGovernance.Core.Audit;

namespace AiGovernance.Tool.Tests;

/// <summary>The tool as a user gets it: packed with <c>dotnet pack</c> into a local folder, installed with
/// <c>dotnet tool install --tool-path</c> from that folder only (a temporary nuget.config clears every other source), then
/// run as a process.</summary>
public sealed class InstalledToolTests : IClassFixture<InstalledToolFixture>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
    private readonly InstalledToolFixture _tool;

    public InstalledToolTests(InstalledToolFixture tool) => _tool = tool;

    [Fact]
    public async Task Drift_OnTheUsersFiles_FindsTheShift_ExitsOne_AndTitlesTheReportWithTheSystem()
    {
        using var folder = new TempFolder();
        DriftFiles.Write(folder.File("reference.csv"), 600, 0);
        DriftFiles.Write(folder.File("current.csv"), 600, 15);

        var (exit, stdout, stderr) = await ChildProcess.RunAsync(_tool.Command,
            ["drift", "--reference", folder.File("reference.csv"), "--current", folder.File("current.csv"), "--system", "credit-scoring",
             "--out", folder.File("out")], RunTimeout);

        Assert.True(exit == 1, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Equal(string.Empty, stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.File("out"), "drift-report.json")));
        Assert.Equal("credit-scoring", json.RootElement.GetProperty("system").GetString());
        Assert.True(json.RootElement.GetProperty("datasetDrift").GetBoolean());
        var html = File.ReadAllText(Path.Combine(folder.File("out"), "drift-report.html"));
        Assert.Contains("credit-scoring", html, StringComparison.Ordinal);
        Assert.DoesNotContain("loan-approval", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_MissingFile_OneLineOnStandardError_ExitTwo()
    {
        using var folder = new TempFolder();
        var (exit, _, stderr) = await ChildProcess.RunAsync(_tool.Command,
            ["drift", "--reference", folder.File("absent.csv"), "--current", folder.File("absent2.csv"), "--out", folder.File("out")], RunTimeout);

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("absent.csv", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAudit_IntactFile_ExitsZero_TamperedFile_ExitsOneAndSaysWhere()
    {
        using var folder = new TempFolder();
        var path = folder.File("audit.jsonl");
        using (var log = new FileAuditLog(path, TimeProvider.System))
        {
            for (var i = 0; i < 3; i++)
            {
                using var payload = JsonDocument.Parse($"{{\"window\":{i}}}");
                await log.AppendAsync(new AuditEvent("drift.detected", "drift-job", "credit-scoring", payload: payload.RootElement),
                    TestContext.Current.CancellationToken);
            }
        }

        var intact = await ChildProcess.RunAsync(_tool.Command, ["verify-audit", path], RunTimeout);
        Assert.True(intact.ExitCode == 0, intact.Stdout + intact.Stderr);
        Assert.Contains("Audit chain verified: 3 record(s)", intact.Stdout, StringComparison.Ordinal);

        var lines = File.ReadAllLines(path);
        lines[1] = lines[1].Replace("credit-scoring", "credit-scorinx", StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllLines(path)[1], lines[1]);
        File.WriteAllLines(path, lines);

        var tampered = await ChildProcess.RunAsync(_tool.Command, ["verify-audit", path], RunTimeout);
        Assert.True(tampered.ExitCode == 1, tampered.Stdout + tampered.Stderr);
        Assert.Contains("Audit chain BROKEN", tampered.Stdout, StringComparison.Ordinal);
        Assert.Contains("at record 2", tampered.Stdout, StringComparison.Ordinal);
    }
}
