using AiGovernance.Monitoring.Orleans.Collection;
using AiGovernance.Monitoring.Orleans.Windows;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Orleans.Tests.Collection;

[Collection(MemoryClusterGroup.Name)]
public sealed class DriftCollectorTests(MemoryClusterFixture fixture)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentRecording_WhileFlushing_LosesAndDoublesNothing()
    {
        var time = new FakeTimeProvider(TestOptions.FutureWindowStart(Hour, Hour));
        using var collector = new DriftCollector("exact", StreamData.Reference, new GrainDriftPartialSink(fixture.Cluster.Client),
            TestOptions.Collector(o =>
            {
                o.WindowLength = Hour;
                o.BlockRows = 64;
                o.BufferBlocks = 4096;
            }), time, source: "concurrent");
        var rows = StreamData.Generate(10_000, seed: 21, shifted: false);
        using var done = new CancellationTokenSource();
        var flushing = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                await collector.FlushAsync(Ct);
            }
        }, Ct);

        var recorded = 0L;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var r = 0; r < rows.Count; r++)
            {
                if (collector.Record(rows.NumericRow(r), rows.CategoricalRow(r)))
                {
                    Interlocked.Increment(ref recorded);
                }
            }
        }, Ct)));
        await done.CancelAsync();
        await flushing;
        var status = await collector.FlushAsync(Ct);
        var window = await fixture.Cluster.Client.GetGrain<IDriftWindowGrain>(
            DriftWindowKey.For("exact", time.GetUtcNow(), Hour).ToGrainKey()).GetStatusAsync();

        Assert.Equal(40_000, recorded);
        Assert.Equal(40_000, status.RecordedRows);
        Assert.Equal(40_000, status.AcknowledgedRows);
        Assert.Equal(0, status.BufferFullRows);
        Assert.Equal(40_000, window.RowCount);
    }

    [Fact]
    public async Task RowsOfDifferentWindows_GoToTheirOwnWindows()
    {
        var start = TestOptions.FutureWindowStart(Hour, Hour);
        var time = new FakeTimeProvider(start + TimeSpan.FromMinutes(59));
        using var collector = new DriftCollector("exact", StreamData.Reference, new GrainDriftPartialSink(fixture.Cluster.Client),
            TestOptions.Collector(o => o.WindowLength = Hour), time, source: "two-windows");
        var rows = StreamData.Generate(300, seed: 23, shifted: false);
        for (var r = 0; r < rows.Count; r++)
        {
            if (r == 100)
            {
                time.Advance(TimeSpan.FromMinutes(2));
            }

            collector.Record(rows.NumericRow(r), rows.CategoricalRow(r));
        }

        var status = await collector.FlushAsync(Ct);
        var first = await fixture.Cluster.Client.GetGrain<IDriftWindowGrain>(new DriftWindowKey("exact", start).ToGrainKey()).GetStatusAsync();
        var second = await fixture.Cluster.Client.GetGrain<IDriftWindowGrain>(new DriftWindowKey("exact", start + Hour).ToGrainKey()).GetStatusAsync();

        Assert.Equal(300, status.AcknowledgedRows);
        Assert.Equal(100, first.RowCount);
        Assert.Equal(200, second.RowCount);
    }

    [Fact]
    public void InfiniteValue_IsRefusedAndCounted_NotThrown()
    {
        using var collector = new DriftCollector("exact", StreamData.Reference, new GrainDriftPartialSink(fixture.Cluster.Client), TestOptions.Collector());

        var recorded = collector.Record([double.PositiveInfinity, 30, 0, 1], ["north", "c01", "yes"]);

        Assert.False(recorded);
        Assert.Equal(1, collector.GetStatus().InvalidRows);
        Assert.Equal(0, collector.GetStatus().RecordedRows);
    }

    [Fact]
    public void WrongNumberOfValues_IsAProgrammingError()
    {
        using var collector = new DriftCollector("exact", StreamData.Reference, new GrainDriftPartialSink(fixture.Cluster.Client), TestOptions.Collector());

        Assert.Throws<ArgumentException>(() => collector.Record([1, 2, 3], ["north", "c01", "yes"]));
        Assert.Equal(StreamData.NumericColumns, collector.NumericColumns);
        Assert.Equal(StreamData.CategoricalColumns, collector.CategoricalColumns);
    }
}
