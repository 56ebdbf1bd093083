using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Orleans.Windows;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Orleans.Tests.Windows;

public sealed class ReportHistoryDriftWindowReportSinkTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DriftWindowReport Report(string systemId, DateTimeOffset start) => new()
    {
        SystemId = systemId,
        WindowStart = start,
        WindowEnd = start.AddMinutes(5),
        RowCount = 800,
        PartialCount = 2,
        SourceCount = 2,
        Drift = new DataDriftDetector(timeProvider: new FakeTimeProvider(start)).Compare(StreamData.Reference, StreamData.Generate(800, seed: 7, shifted: true).ToTabular()),
    };

    [Fact]
    public async Task PublishingAWindowTwice_StoresItInTheReportHistoryOnce()
    {
        var store = new InMemoryGovernanceReportStore(new InMemoryAuditLog(new FakeTimeProvider(Start)));
        var recent = new InMemoryDriftWindowReportSink();
        var sink = new ReportHistoryDriftWindowReportSink(store, recent);
        var report = Report("credit-scoring", Start);

        await sink.PublishAsync(report, Ct);
        await sink.PublishAsync(report, Ct);              // a failover between publishing and recording that it published
        await sink.PublishAsync(Report("credit-scoring", Start.AddMinutes(5)), Ct);

        var stored = await store.QueryAsync(new GovernanceReportQuery("credit-scoring", GovernanceReportKinds.Drift), Ct).ToListAsync(Ct);
        Assert.Equal(2, stored.Count);
        Assert.Equal(report.WindowEnd, stored[0].Report.CreatedAt);
        Assert.Equal(report.ToJson(), DriftWindowReport.FromJson(stored[0].Report.ContentJson).ToJson());
        Assert.Equal(2, recent.Reports.Count);
    }

    [Fact]
    public async Task AnotherDriftReportAtTheSameTime_DoesNotHideTheWindow()
    {
        var store = new InMemoryGovernanceReportStore(new InMemoryAuditLog(new FakeTimeProvider(Start)));
        var report = Report("credit-scoring", Start);
        using (var other = System.Text.Json.JsonDocument.Parse("""{ "mode": "batch", "datasetDrift": false }"""))
        {
            await store.StoreAsync(new GovernanceReport("credit-scoring", GovernanceReportKinds.Drift, report.WindowEnd, other.RootElement), "drift-job", Ct);
        }

        await new ReportHistoryDriftWindowReportSink(store, new InMemoryDriftWindowReportSink()).PublishAsync(report, Ct);

        var stored = await store.QueryAsync(new GovernanceReportQuery("credit-scoring", GovernanceReportKinds.Drift), Ct).ToListAsync(Ct);
        Assert.Equal(2, stored.Count);
    }
}
