using AiGovernance.Monitoring.Orleans.Collection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace AiGovernance.Monitoring.Orleans.Tests.Collection;

/// <summary>A replica whose cluster is gone: its own one-silo cluster, stopped mid-test.</summary>
public sealed class UnreachableClusterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnreachableCluster_CollectorKeepsRecording_BuffersToTheBound_AndReportsWhatItDropped()
    {
        var builder = new TestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.AddSiloBuilderConfigurator<Silo>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync(Ct);
        var hour = TimeSpan.FromHours(1);
        var time = new FakeTimeProvider(TestOptions.FutureWindowStart(hour, hour));
        using var collector = new DriftCollector("unreachable", StreamData.Reference, new GrainDriftPartialSink(cluster.Client),
            TestOptions.Collector(o =>
            {
                o.WindowLength = TimeSpan.FromMinutes(1);
                o.MaxPendingPartials = 3;
                o.FlushRetryAttempts = 1;
                o.FlushAttemptTimeout = TimeSpan.FromSeconds(1);
            }), time, source: "cut-off");
        var rows = StreamData.Generate(1_000, seed: 31, shifted: false);
        var before = await RecordAsync(collector, rows, 0, 200);

        await cluster.StopAllSilosAsync(Ct);
        var statuses = new List<DriftCollectorStatus>();
        for (var flush = 1; flush <= 5; flush++)
        {
            time.Advance(TimeSpan.FromMinutes(1)); // a new window each flush: one more partial waits each time
            statuses.Add(await RecordAsync(collector, rows, flush * 100 + 100, 100));
        }

        var last = statuses[^1];
        Assert.Equal(200, before.AcknowledgedRows);
        Assert.Equal(700, last.RecordedRows);
        Assert.Equal(0, last.BufferFullRows);
        Assert.Equal(200, last.AcknowledgedRows);
        Assert.Equal(3, last.PendingPartials);
        Assert.Equal(300, last.PendingRows);
        Assert.Equal(200, last.DroppedRows);
        Assert.NotNull(last.LastError);
        Assert.Equal(last.RecordedRows, last.AcknowledgedRows + last.DroppedRows + last.PendingRows + last.BufferedRows);
    }

    private static async Task<DriftCollectorStatus> RecordAsync(DriftCollector collector, StreamData.Rows rows, int from, int count)
    {
        for (var r = from; r < from + count; r++)
        {
            Assert.True(collector.Record(rows.NumericRow(r), rows.CategoricalRow(r)));
        }

        return await collector.FlushAsync(Ct);
    }

    private sealed class Silo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            TestSystems.Register(siloBuilder);
            siloBuilder.AddDriftWindows(TestSystems.Fast);
        }
    }
}
