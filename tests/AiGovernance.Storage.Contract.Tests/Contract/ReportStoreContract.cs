using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using static AiGovernance.Storage.Contract.ContractTime;

namespace AiGovernance.Storage.Contract;

/// <summary>What every <see cref="IGovernanceReportStore"/> promises: reports by system, kind and time, each digest audited.</summary>
public abstract class ReportStoreContract : StoreContract
{
    /// <summary>Creates an empty store and the audit log it records digests in.</summary>
    protected abstract ValueTask<(IGovernanceReportStore Store, IAuditLog Audit)> CreateAsync();

    protected static GovernanceReport Report(string system, string kind, int day, double value) =>
        new(system, kind, Start.AddDays(day), JsonDocument.Parse($$"""{ "psi" : {{value}}, "columns": ["age", "income"] }""").RootElement);

    private static async Task<List<StoredGovernanceReport>> ToListAsync(IAsyncEnumerable<StoredGovernanceReport> source)
    {
        var list = new List<StoredGovernanceReport>();
        await foreach (var r in source)
        {
            list.Add(r);
        }

        return list;
    }

    [Fact]
    public async Task Query_BySystemKindAndHalfOpenRange_OrderedByTime()
    {
        var (store, _) = await CreateAsync();
        foreach (var (system, kind, day) in new[] { ("credit", "drift", 3), ("credit", "drift", 1), ("credit", "fairness", 2), ("fraud", "drift", 2), ("credit", "drift", 7) })
        {
            await store.StoreAsync(Report(system, kind, day, day / 10.0), "nightly-job", Ct);
        }

        var drift = await ToListAsync(store.QueryAsync(new GovernanceReportQuery("credit", "drift", Start.AddDays(1), Start.AddDays(7)), Ct));
        var everyKind = await ToListAsync(store.QueryAsync(new GovernanceReportQuery("credit"), Ct));

        Assert.Equal([Start.AddDays(1), Start.AddDays(3)], drift.Select(r => r.Report.CreatedAt));
        Assert.Equal([1, 2, 3, 7], everyKind.Select(r => (int)(r.Report.CreatedAt - Start).TotalDays));
        Assert.Equal("{\"psi\":0.1,\"columns\":[\"age\",\"income\"]}", drift[0].Report.ContentJson);
    }

    [Fact]
    public async Task EachReportsDigest_IsInTheAuditLog()
    {
        var (store, audit) = await CreateAsync();
        var report = Report("credit", "drift", 0, 0.31);

        var stored = await store.StoreAsync(report, "nightly-job", Ct);

        AuditRecord? record = null;
        await foreach (var r in audit.ReadAsync(stored.AuditSequence, Ct))
        {
            record ??= r;
        }

        Assert.Equal(GovernanceReportAuditEvents.Stored, record!.EventType);
        Assert.Equal("credit", record.SystemId);
        Assert.Equal(report.Digest.ToString(), record.Payload!.Value.GetProperty("digest").GetString());
        Assert.Equal(report.Digest, (await store.GetLatestAsync("credit", "drift", Ct))!.Report.Digest);
    }

    [Fact]
    public async Task Latest_IsTheNewestByCreationTime()
    {
        var (store, _) = await CreateAsync();
        await store.StoreAsync(Report("credit", "drift", 5, 0.5), "job", Ct);
        await store.StoreAsync(Report("credit", "drift", 2, 0.2), "job", Ct);

        var latest = await store.GetLatestAsync("credit", "drift", Ct);

        Assert.Equal(Start.AddDays(5), latest!.Report.CreatedAt);
        Assert.Null(await store.GetLatestAsync("credit", "canary", Ct));
    }
}
