using AiGovernance.Monitoring.Orleans.Collection;
using AiGovernance.Monitoring.Orleans.Windows;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace AiGovernance.Monitoring.Orleans.Tests.Windows;

/// <summary>Three silos with grain state and reminders on a real PostgreSQL database; the silo hosting a window is killed
/// while replicas are still flushing to it.</summary>
public sealed class DriftWindowFailoverTests
{
    private const string ConnectionKey = "AiGovernanceTests:ConnectionString";
    private static readonly TimeSpan Length = TimeSpan.FromSeconds(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SiloKilledMidWindow_LosesNoAcknowledgedPartial_ClosesOnce_RaisesTheResponseOnce()
    {
        await using var database = await PostgreSql.CreateDatabaseAsync("aigov_failover");
        var builder = new TestClusterBuilder(3);
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[ConnectionKey] = database.ConnectionString;
        builder.AddSiloBuilderConfigurator<Silo>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync(Ct);

        // A window hosted by a secondary silo (the primary holds the test cluster's membership table).
        var (key, host) = await WindowOnSecondaryAsync(cluster);
        var time = new FakeTimeProvider(key.Start + TimeSpan.FromSeconds(1));
        var collectors = Enumerable.Range(0, 4).Select(r => new DriftCollector("failover", StreamData.Reference,
            new GrainDriftPartialSink(cluster.Client), TestOptions.Collector(o =>
            {
                o.WindowLength = Length;
                o.FlushRetryAttempts = 3;
                o.FlushRetryDelay = TimeSpan.FromMilliseconds(500);
                o.FlushAttemptTimeout = TimeSpan.FromSeconds(5);
            }), time, source: $"replica-{r}")).ToArray();
        var rows = Enumerable.Range(0, 4).Select(r => StreamData.Generate(6_000, seed: 500 + r, shifted: true)).ToArray();
        var before = new long[4];
        for (var r = 0; r < 4; r++)
        {
            before[r] = (await RecordAsync(collectors[r], rows[r], 0, 3_000)).AcknowledgedRows;
        }

        var log = TestContext.Current.TestOutputHelper;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        log?.WriteLine($"window {key}, phase 1 acknowledged; closes at {key.Start + Length + TimeSpan.FromSeconds(20):O}, now {TimeProvider.System.GetUtcNow():O}");
        await cluster.KillSiloAsync(host, Ct);
        log?.WriteLine($"killed {host.SiloAddress} after {watch.Elapsed}");
        var after = new DriftCollectorStatus[4];
        for (var r = 0; r < 4; r++)
        {
            after[r] = await RecordAsync(collectors[r], rows[r], 3_000, 3_000);
        }

        for (var attempt = 0; attempt < 30 && after.Any(s => s.PendingPartials > 0); attempt++)
        {
            await Task.Delay(500, Ct);
            for (var r = 0; r < 4; r++)
            {
                after[r] = await collectors[r].FlushAsync(Ct);
            }
        }

        log?.WriteLine($"phase 2 acknowledged after {watch.Elapsed}");
        var grain = cluster.Client.GetGrain<IDriftWindowGrain>(key.ToGrainKey());
        var closed = await DriftWindowGrainTests.WaitForAsync(grain, DriftWindowPhase.Closed, TimeSpan.FromSeconds(90));
        log?.WriteLine($"closed after {watch.Elapsed}");
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);

        Assert.All(before, acknowledged => Assert.Equal(3_000, acknowledged));
        Assert.All(after, s => Assert.Equal(6_000, s.AcknowledgedRows));
        Assert.All(after, s => Assert.Equal(0, s.LateRows + s.DroppedRows + s.PendingPartials));
        Assert.Equal(24_000, closed.RowCount);
        Assert.Equal(4, closed.SourceCount);
        Assert.Equal(1, Observations.Reports.PublishCount(key));
        Assert.Equal(1, Observations.ResponsesFor("failover"));
        Assert.True(closed.ResponseRaised);
        Assert.NotEqual(host.SiloAddress, await cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain, Ct));
        foreach (var collector in collectors)
        {
            collector.Dispose();
        }
    }

    private static async Task<(DriftWindowKey Key, SiloHandle Host)> WindowOnSecondaryAsync(TestCluster cluster)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var start = DriftWindowKey.For("failover", TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(1), Length).Start + Length;
        for (var k = 0; ; k++)
        {
            var key = new DriftWindowKey("failover", start + (Length * k));
        var grain = cluster.Client.GetGrain<IDriftWindowGrain>(key.ToGrainKey());
            await grain.GetStatusAsync();
            var address = await management.GetActivationAddress(grain);
            var host = cluster.SecondarySilos.FirstOrDefault(s => s.SiloAddress.Equals(address));
            if (host is not null)
            {
                return (key, host);
            }
        }
    }

    private static async Task<DriftCollectorStatus> RecordAsync(DriftCollector collector, StreamData.Rows rows, int from, int count)
    {
        for (var r = from; r < from + count; r++)
        {
            Assert.True(collector.Record(rows.NumericRow(r), rows.CategoricalRow(r)));
            if ((r + 1) % 1_000 == 0)
            {
                await collector.FlushAsync(Ct);
            }
        }

        return await collector.FlushAsync(Ct);
    }

    private sealed class Silo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration[ConnectionKey];
            TestSystems.Register(siloBuilder);
            TestSystems.QuickFailureDetection(siloBuilder);
            siloBuilder.AddDriftWindows(o =>
            {
                o.Persistence = PersistenceMode.AdoNet;
                o.ConnectionString = connectionString;
                o.CloseDelay = TimeSpan.FromSeconds(20);
                o.CloseRetryPeriod = TimeSpan.FromSeconds(1);
            });
        }
    }
}
