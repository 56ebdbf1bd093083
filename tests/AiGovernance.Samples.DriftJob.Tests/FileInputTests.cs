using System.Text.Json;
using AiGovernance.Samples.DriftJob.Data;

namespace AiGovernance.Samples.DriftJob.Tests;

public sealed class FileInputTests
{
    // Big enough that the detector compares by distances and sampling noise stays well below the threshold.
    private static readonly DriftJobDataset Data = SyntheticLoanApplications.Generate(SyntheticLoanApplications.DefaultSeed, 5_000, 3_000);

    private static readonly string[] Injected = [.. SyntheticLoanApplications.DriftedColumns.Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Csv_DriftedPair_ExitsWithOne_AndFlagsTheInjectedColumns()
    {
        using var folder = new TempFolder();
        TableFiles.WriteCsv(Data.Reference, folder.File("reference.csv"));
        TableFiles.WriteCsv(Data.Windows[2].Data, folder.File("current.csv"));

        var run = await JobHarness.RunWithTestTokenAsync("--reference", folder.File("reference.csv"), "--current", folder.File("current.csv"), "--out", folder.File("out"));

        JobAssert.Exit(DriftJobApp.ExitDatasetDrift, run);
        AssertFlagged(folder.File("out"), Injected);
        Assert.DoesNotContain("Performance trend", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_UndriftedPair_ExitsWithZero()
    {
        using var folder = new TempFolder();
        TableFiles.WriteCsv(Data.Reference, folder.File("reference.csv"));
        TableFiles.WriteCsv(Data.Windows[0].Data, folder.File("current.csv"));

        var run = await JobHarness.RunWithTestTokenAsync("--reference", folder.File("reference.csv"), "--current", folder.File("current.csv"), "--out", folder.File("out"));

        JobAssert.Exit(DriftJobApp.ExitNoDrift, run);
        AssertFlagged(folder.File("out"), []);
        Assert.Contains("No dataset drift", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_InfersColumnKinds_AndReadsEmptyCellsAsMissing()
    {
        using var folder = new TempFolder();
        TableFiles.WriteCsv(Data.Reference, folder.File("reference.csv"));
        TableFiles.WriteCsv(Data.Windows[2].Data, folder.File("current.csv"));

        await JobHarness.RunWithTestTokenAsync("--reference", folder.File("reference.csv"), "--current", folder.File("current.csv"), "--out", folder.File("out"));

        using var report = Json.Load(Path.Combine(folder.File("out"), "drift-report.json"));
        var columns = report.RootElement.GetProperty("windows")[0].GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("column").GetString()!);
        Assert.Equal(26, columns.Count);
        Assert.Equal("Numeric", columns["credit_score"].GetProperty("kind").GetString());
        Assert.Equal("Categorical", columns["application_channel"].GetProperty("kind").GetString());
        Assert.Equal("Categorical", columns["term"].GetProperty("kind").GetString());
        Assert.Equal(0.45, columns["months_since_last_delinquency"].GetProperty("referenceMissingRate").GetDouble(), 10);
        Assert.Equal(0.18, columns["employment_years"].GetProperty("currentMissingRate").GetDouble(), 10);
    }

    [Fact]
    public async Task Parquet_DriftedPair_ExitsWithOne_AndFlagsTheInjectedColumns()
    {
        using var folder = new TempFolder();
        var ct = TestContext.Current.CancellationToken;
        await TableFiles.WriteParquetAsync(Data.Reference, folder.File("reference.parquet"), ct);
        await TableFiles.WriteParquetAsync(Data.Windows[1].Data, folder.File("current.parquet"), ct);

        var run = await JobHarness.RunWithTestTokenAsync("--reference", folder.File("reference.parquet"), "--current", folder.File("current.parquet"), "--out", folder.File("out"));

        JobAssert.Exit(DriftJobApp.ExitDatasetDrift, run);
        AssertFlagged(folder.File("out"), Injected);
    }

    [Fact]
    public async Task Parquet_UndriftedPair_ExitsWithZero()
    {
        using var folder = new TempFolder();
        var ct = TestContext.Current.CancellationToken;
        await TableFiles.WriteParquetAsync(Data.Reference, folder.File("reference.parquet"), ct);
        await TableFiles.WriteParquetAsync(Data.Windows[0].Data, folder.File("current.parquet"), ct);

        var run = await JobHarness.RunWithTestTokenAsync("--reference", folder.File("reference.parquet"), "--current", folder.File("current.parquet"), "--out", folder.File("out"));

        JobAssert.Exit(DriftJobApp.ExitNoDrift, run);
        AssertFlagged(folder.File("out"), []);
    }

    [Fact]
    public async Task ParquetReference_CsvCurrent_AreComparedTogether()
    {
        using var folder = new TempFolder();
        await TableFiles.WriteParquetAsync(Data.Reference, folder.File("reference.parquet"), TestContext.Current.CancellationToken);
        TableFiles.WriteCsv(Data.Windows[2].Data, folder.File("current.csv"));

        var run = await JobHarness.RunWithTestTokenAsync("--reference", folder.File("reference.parquet"), "--current", folder.File("current.csv"), "--out", folder.File("out"));

        JobAssert.Exit(DriftJobApp.ExitDatasetDrift, run);
        AssertFlagged(folder.File("out"), Injected);
    }

    [Fact]
    public async Task SmallCsv_UsesStatisticalTests_AndDetectsAShift()
    {
        // At most 1,000 reference rows: the detector switches to KS / chi-squared with Benjamini–Hochberg correction.
        using var folder = new TempFolder();
        var small = SyntheticLoanApplications.Generate(11, 800, 800);
        TableFiles.WriteCsv(small.Reference, folder.File("reference.csv"));
        TableFiles.WriteCsv(small.Windows[2].Data, folder.File("current.csv"));

        var run = await JobHarness.RunWithTestTokenAsync("--reference", folder.File("reference.csv"), "--current", folder.File("current.csv"), "--out", folder.File("out"));

        JobAssert.Exit(DriftJobApp.ExitDatasetDrift, run);
        using var report = Json.Load(Path.Combine(folder.File("out"), "drift-report.json"));
        var columns = report.RootElement.GetProperty("windows")[0].GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("column").GetString()!);
        Assert.Equal("KolmogorovSmirnov", columns["credit_score"].GetProperty("method").GetString());
        Assert.True(columns["credit_score"].GetProperty("isDrifted").GetBoolean());
        Assert.Equal("ChiSquared", columns["application_channel"].GetProperty("method").GetString());
        Assert.True(columns["application_channel"].GetProperty("isDrifted").GetBoolean());
    }

    [Fact]
    public async Task Csv_NoMultivariate_ComparesColumnByColumnOnly_AndTheReportsSaySo()
    {
        using var folder = new TempFolder();
        TableFiles.WriteCsv(Data.Reference, folder.File("reference.csv"));
        TableFiles.WriteCsv(Data.Windows[2].Data, folder.File("current.csv"));
        string[] files = ["--reference", folder.File("reference.csv"), "--current", folder.File("current.csv")];

        var joint = await JobHarness.RunWithTestTokenAsync([.. files, "--out", folder.File("joint")]);
        var perColumn = await JobHarness.RunWithTestTokenAsync([.. files, "--out", folder.File("out"), "--no-multivariate"]);

        JobAssert.Exit(DriftJobApp.ExitDatasetDrift, joint);
        JobAssert.Exit(DriftJobApp.ExitDatasetDrift, perColumn);
        AssertFlagged(folder.File("out"), Injected);
        using var withJoint = Json.Load(folder.File("joint/drift-report.json"));
        using var report = Json.Load(folder.File("out/drift-report.json"));
        // The per-column results are the same whether or not the joint stage ran beside them.
        Assert.Equal(withJoint.RootElement.GetProperty("windows").GetRawText(), report.RootElement.GetProperty("windows").GetRawText());
        Assert.Equal(JsonValueKind.Null, withJoint.RootElement.GetProperty("multivariate").GetProperty("skipped").ValueKind);
        var multivariate = report.RootElement.GetProperty("multivariate");
        Assert.Contains("--no-multivariate", multivariate.GetProperty("skipped").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, multivariate.GetProperty("windows").GetArrayLength());
        Assert.DoesNotContain(report.RootElement.GetProperty("responses").EnumerateArray(),
            r => r.GetProperty("kind").GetString() == "MultivariateDrift");
        Assert.Contains(withJoint.RootElement.GetProperty("responses").EnumerateArray(),
            r => r.GetProperty("kind").GetString() == "MultivariateDrift");
        Assert.Contains("Multivariate drift: not run — turned off with --no-multivariate", perColumn.Output, StringComparison.Ordinal);
        var markdown = File.ReadAllText(folder.File("out/drift-report.md"));
        Assert.True(markdown.Contains("Not run: turned off with", StringComparison.Ordinal), markdown[markdown.IndexOf("## Multivariate", StringComparison.Ordinal)..][..200]);
    }

    private static void AssertFlagged(string outputFolder, string[] expected)
    {
        using var report = Json.Load(Path.Combine(outputFolder, "drift-report.json"));
        var windows = report.RootElement.GetProperty("windows");
        Assert.Equal(1, windows.GetArrayLength());
        var drifted = windows[0].GetProperty("columns").EnumerateArray().Where(c => c.GetProperty("isDrifted").GetBoolean())
            .Select(c => c.GetProperty("column").GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(expected, drifted);
        Assert.False(report.RootElement.TryGetProperty("trend", out _));
    }
}
