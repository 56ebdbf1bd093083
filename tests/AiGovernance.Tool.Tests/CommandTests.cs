using System.Text.Json;
using AiGovernance.Core.Reports;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Reporting.Drift;
using AiGovernance.Storage.Sqlite;
using AiGovernance.Storage.Sqlite.Stores;
using Microsoft.Data.Sqlite;

namespace AiGovernance.Tool.Tests;

/// <summary>The report, verify-audit and usage paths of <c>aigov</c>, run in-process.</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task Report_StoredDriftReport_RendersSelfContainedHtmlTitledWithItsSystem()
    {
        using var folder = new TempFolder();
        var json = folder.File("stored.json");
        File.WriteAllText(json, DriftReportDocument.Create("fraud-<b>screen</b>", await DriftReportAsync()).ToJson());

        var run = await ToolHarness.RunAsync("report", json, "--format", "html");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var html = File.ReadAllText(folder.File("stored.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("fraud-&lt;b&gt;screen&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Report_Markdown_WrittenWhereOutSays()
    {
        using var folder = new TempFolder();
        var json = folder.File("stored.json");
        File.WriteAllText(json, DriftReportDocument.Create("fraud-screen", await DriftReportAsync()).ToJson());

        var run = await ToolHarness.RunAsync("report", json, "--format", "md", "--out", folder.File("r/report.md"));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.StartsWith("# Drift report — fraud", File.ReadAllText(folder.File("r/report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_NotAStoredReport_ExitsTwoWithOneLine()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("x.json"), "{\"hello\":1}");

        var run = await ToolHarness.RunAsync("report", folder.File("x.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a stored AiGovernance report", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)),
            StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("x.html")));
    }

    [Fact]
    public async Task UnknownFormat_IsUsageError()
    {
        var run = await ToolHarness.RunAsync("report", "a.json", "--format", "pdf");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format must be html or md", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAudit_SqliteDatabase_IsDetectedByItsHeader_AndVerified()
    {
        using var folder = new TempFolder();
        var db = folder.File("governance.db");
        var database = new SqliteGovernanceDatabase(new SqliteStorageOptions { ConnectionString = "Data Source=" + db }, TimeProvider.System);
        var log = new SqliteAuditLog(database, TimeProvider.System);
        await log.AppendAsync(new Core.Audit.AuditEvent("drift.detected", "tests", "credit-scoring"), TestContext.Current.CancellationToken);
        await log.AppendAsync(new Core.Audit.AuditEvent("drift.detected", "tests", "credit-scoring"), TestContext.Current.CancellationToken);
        SqliteConnection.ClearAllPools();

        var run = await ToolHarness.RunAsync("verify-audit", db);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("Audit chain verified: 2 record(s)", run.Output, StringComparison.Ordinal);
    }

    private static Task<DataDriftReport> DriftReportAsync()
    {
        var reference = TabularData.CreateBuilder().AddNumeric("age", Enumerable.Range(0, 300).Select(i => 20.0 + (i % 50)).ToArray()).Build();
        var current = TabularData.CreateBuilder().AddNumeric("age", Enumerable.Range(0, 300).Select(i => 45.0 + (i % 50)).ToArray()).Build();
        var detector = new DataDriftDetector();
        return Task.FromResult(detector.Compare(detector.Fit(reference), current));
    }
}
