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

    [Fact]
    public async Task RealEntryPoint_OnBadInput_WritesOneUnwrappedLineToStderr_AndNoErrorToStdout()
    {
        using var folder = new TempFolder();

        // A long path (the message passes 80 columns, where Spectre.Console wrapped it when redirected) and a ragged
        // row (the CSV library's own message spans two lines).
        var deep = Directory.CreateDirectory(Path.Combine(folder.Path, new string('d', 60), new string('e', 60))).FullName;
        File.WriteAllText(Path.Combine(deep, "reference.csv"), "age,income,region\n40,50000,north\n41,52000,south\n");
        File.WriteAllText(Path.Combine(deep, "current.csv"), "age,income,region\n40,50000,north\n41,52000\n");

        var (exit, stdout, stderr) = await ChildProcess.RunAsync("dotnet",
            [Sample.Dll, "--reference", Path.Combine(deep, "reference.csv"), "--current", Path.Combine(deep, "current.csv"), "--out", folder.File("out")],
            TimeSpan.FromSeconds(120));

        Assert.True(exit == 2, stdout + stderr);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(deep, "current.csv"), line, StringComparison.Ordinal);
        Assert.Contains("line 3", line, StringComparison.Ordinal);
        Assert.True(line.Length > 120, line);
        Assert.DoesNotContain("error", stdout, StringComparison.OrdinalIgnoreCase);
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
