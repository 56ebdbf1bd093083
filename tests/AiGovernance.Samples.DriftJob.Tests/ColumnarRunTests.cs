using AiGovernance.Samples.DriftJob.Data;

namespace AiGovernance.Samples.DriftJob.Tests;

public sealed class ColumnarRunTests
{
    private static readonly DriftJobDataset Data = SyntheticLoanApplications.Generate(SyntheticLoanApplications.DefaultSeed, 5_000, 3_000);

    [Fact]
    public async Task FilesAboveTheThreshold_AreComparedColumnByColumn_AndDriftExitsWithOne()
    {
        using var folder = new TempFolder();
        TableFiles.WriteCsv(Data.Reference, folder.File("reference.csv"));
        await TableFiles.WriteParquetAsync(Data.Windows[2].Data, folder.File("current.parquet"), TestContext.Current.CancellationToken);

        var run = await JobHarness.RunWithTestTokenAsync("--reference", folder.File("reference.csv"), "--current", folder.File("current.parquet"),
            "--out", folder.File("out"), "--columnar-threshold", "0");

        JobAssert.Exit(DriftJobApp.ExitDatasetDrift, run);
        Assert.Contains("column by column", run.Output, StringComparison.Ordinal);
        using var report = Json.Load(Path.Combine(folder.File("out"), "drift-report.json"));
        Assert.Equal("drift", report.RootElement.GetProperty("kind").GetString());
        Assert.Contains("compared column by column", report.RootElement.GetProperty("source").GetString(), StringComparison.Ordinal);
        var drift = report.RootElement.GetProperty("windows")[0];
        Assert.True(drift.GetProperty("datasetDrift").GetBoolean());
        var drifted = drift.GetProperty("columns").EnumerateArray().Where(c => c.GetProperty("isDrifted").GetBoolean())
            .Select(c => c.GetProperty("column").GetString()).ToHashSet();
        Assert.Superset(SyntheticLoanApplications.DriftedColumns.Where(c => Data.Reference.TryGetColumn(c, out _)).ToHashSet()!, drifted!);
        Assert.True(File.Exists(Path.Combine(folder.File("out"), "drift-report.md")));
        Assert.False(File.Exists(Path.Combine(folder.File("out"), "drift-report.html")));
    }

    [Fact]
    public async Task NegativeThreshold_IsBadInput()
    {
        var run = await JobHarness.RunWithTestTokenAsync("--reference", "a.csv", "--current", "b.csv", "--columnar-threshold", "-1");

        JobAssert.Exit(DriftJobApp.ExitBadInput, run);
    }
}
