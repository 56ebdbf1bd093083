namespace AiGovernance.Samples.DriftJob.Tests;

/// <summary>Runs the built sample as its own process, the way a scheduler would.</summary>
public sealed class ProcessEntryPointTests
{
    [Fact]
    public async Task RealEntryPoint_OnTheEmbeddedDemo_ExitsWithZero_WithoutAStackTrace()
    {
        using var folder = new TempFolder();
        var (exit, raw, output) = await RunSampleAsync("--out", folder.File("out"));

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("   at ", raw, StringComparison.Ordinal);
        Assert.Contains("Dataset drift found", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.File("out"), "drift-report.json")));
    }

    [Fact]
    public async Task RealEntryPoint_OnTheEmbeddedData_WithFailOnDrift_ExitsWithOne_WithoutAStackTrace()
    {
        using var folder = new TempFolder();
        var (exit, raw, output) = await RunSampleAsync("--out", folder.File("out"), "--fail-on-drift");

        Assert.True(exit == 1, output);
        Assert.DoesNotContain("   at ", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", raw, StringComparison.Ordinal);
        Assert.Contains("Reports written to", output, StringComparison.Ordinal);
        Assert.Contains("Dataset drift found", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.File("out"), "drift-report.html")));
    }

    [Fact]
    public async Task RealEntryPoint_OnAMissingFile_ExitsWithTwo_WithoutAStackTrace()
    {
        using var folder = new TempFolder();
        var (exit, raw, output) = await RunSampleAsync("--reference", folder.File("missing.csv"), "--current", folder.File("missing.csv"), "--out", folder.File("out"));

        Assert.True(exit == 2, output);
        Assert.DoesNotContain("   at ", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", raw, StringComparison.Ordinal);
        Assert.Contains("does not exist", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Raw, string Output)> RunSampleAsync(params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AiGovernance.Samples.DriftJob.dll");
        Assert.True(File.Exists(dll), $"The sample was not copied next to the tests: {dll}");
        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync("dotnet", [dll, .. arguments], TimeSpan.FromSeconds(120));

        // Spectre.Console wraps long lines at 80 columns when output is redirected; join them for the assertions.
        var raw = stdout + stderr;
        return (exitCode, raw, System.Text.RegularExpressions.Regex.Replace(raw, @"\s+", " "));
    }
}
