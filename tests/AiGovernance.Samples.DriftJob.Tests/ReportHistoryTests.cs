using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Storage.Sqlite;
using AiGovernance.Storage.Sqlite.Stores;

namespace AiGovernance.Samples.DriftJob.Tests;

/// <summary><c>--store</c> keeps each run's report in a governance database's report history, digest audited.</summary>
public sealed class ReportHistoryTests
{
    [Fact]
    public async Task Store_KeepsEachRunsReport_WithItsDigestInTheAuditLog()
    {
        using var folder = new TempFolder();
        var database = folder.File("governance.db");

        await JobHarness.RunWithTestTokenAsync("--out", folder.File("out"), "--store", database);
        var second = await JobHarness.RunWithTestTokenAsync("--out", folder.File("out2"), "--store", database);

        var db = new SqliteGovernanceDatabase(new SqliteStorageOptions { ConnectionString = "Data Source=" + database }, TimeProvider.System);
        var audit = new SqliteAuditLog(db, TimeProvider.System);
        var history = new SqliteGovernanceReportStore(db, audit);
        var reports = new List<StoredGovernanceReport>();
        await foreach (var r in history.QueryAsync(new GovernanceReportQuery("loan-approval", GovernanceReportKinds.Drift), TestContext.Current.CancellationToken))
        {
            reports.Add(r);
        }

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(2, reports.Count);
        var written = await File.ReadAllTextAsync(Path.Combine(folder.File("out2"), "drift-report.json"), TestContext.Current.CancellationToken);
        using var expected = System.Text.Json.JsonDocument.Parse(written);
        Assert.Equal(new GovernanceReport("x", "y", DateTimeOffset.UnixEpoch, expected.RootElement).Digest, reports[1].Report.Digest);
        AuditRecord? record = null;
        await foreach (var r in audit.ReadAsync(reports[1].AuditSequence, TestContext.Current.CancellationToken))
        {
            record ??= r;
        }

        Assert.Equal(reports[1].Report.Digest.ToString(), record!.Payload!.Value.GetProperty("digest").GetString());
        Assert.True((await audit.VerifyAsync(TestContext.Current.CancellationToken)).IsValid);
        Assert.Contains("Report kept in the history", second.Output, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
