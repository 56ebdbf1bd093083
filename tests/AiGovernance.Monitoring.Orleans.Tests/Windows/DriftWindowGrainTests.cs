using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Orleans.Collection;
using AiGovernance.Monitoring.Orleans.Windows;
using AiGovernance.Statistics;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Orleans.Tests.Windows;

[Collection(MemoryClusterGroup.Name)]
public sealed class DriftWindowGrainTests(MemoryClusterFixture fixture)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private IGrainFactory Grains => fixture.Cluster.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EightReplicas_FlushedToThreeSilos_GiveTheInMemoryDetectorsExactStatistics()
    {
        var time = new FakeTimeProvider(TestOptions.FutureWindowStart(Hour, Hour));
        var parts = new List<StreamData.Rows>();
        for (var replica = 0; replica < 8; replica++)
        {
            var rows = StreamData.Generate(50_000, seed: 100 + replica, shifted: true);
            parts.Add(rows);
            using var collector = new DriftCollector("exact", StreamData.Reference, new GrainDriftPartialSink(Grains),
                TestOptions.Collector(o => o.WindowLength = Hour), time, source: $"replica-{replica}");
            var status = await TestOptions.RecordAllAsync(collector, rows, flushEvery: 10_000, Ct);
            Assert.Equal(50_000, status.AcknowledgedRows);
            Assert.Equal(0, status.PendingPartials);
        }

        var key = DriftWindowKey.For("exact", time.GetUtcNow(), Hour);
        var report = (await Grains.CloseWindowAsync(key)).GetReport()!;
        var whole = StreamData.Concatenate(parts);
        var options = new DataDriftOptions();
        foreach (var name in StreamData.CategoricalColumns)
        {
            options.ColumnMethods[name] = DriftMethod.ChiSquared;
        }

        var expected = new DataDriftDetector(options).Compare(StreamData.Reference, whole);

        Assert.Equal(400_000, report.RowCount);
        Assert.Equal(40, report.PartialCount);
        Assert.Equal(8, report.SourceCount);
        foreach (var reference in StreamData.Reference.Columns)
        {
            var inMemory = expected.Columns.Single(c => c.Column == reference.Name);
            var window = report.Columns.Single(c => c.Column == reference.Name);
            var verdict = report.Drift.Columns.Single(c => c.Column == reference.Name);
            AssertExact(inMemory.Psi, window.Psi);
            AssertExact(inMemory.Psi, verdict.Psi);
            AssertExact(inMemory.MissingRatePValue, verdict.MissingRatePValue);
            Assert.Equal(inMemory.CurrentMissingRate, verdict.CurrentMissingRate);
            Assert.Equal(inMemory.CurrentCount, window.Count);
            if (reference.Kind == ColumnKind.Categorical)
            {
                AssertExact(inMemory.JensenShannon, window.JensenShannon);
                AssertExact(inMemory.JensenShannon, verdict.JensenShannon);
                AssertExact(inMemory.Statistic, window.ChiSquared);
                AssertExact(inMemory.PValue, window.ChiSquaredPValue);
                continue;
            }

            var current = Present(((Data.NumericColumn)whole[reference.Name]).Values.Span);
            var (chi, js) = BinStatistics(reference, current);
            AssertExact(chi.Statistic, window.ChiSquared);
            AssertExact(chi.PValue, window.ChiSquaredPValue);
            AssertExact(js, window.JensenShannon);
            var ks = KolmogorovSmirnov.TwoSample(reference.Sample!, SortedSample.Create(current)).Statistic;
            var w = Wasserstein.Distance(reference.Sample!, current);
            Assert.True(Math.Abs(window.KolmogorovSmirnov!.Value.Value - ks) <= window.KolmogorovSmirnov.Value.ErrorBound,
                $"{reference.Name}: KS {window.KolmogorovSmirnov.Value.Value} vs {ks}, bound {window.KolmogorovSmirnov.Value.ErrorBound}");
            Assert.True(Math.Abs(window.Wasserstein!.Value.Value - w) <= window.Wasserstein.Value.ErrorBound,
                $"{reference.Name}: W {window.Wasserstein.Value.Value} vs {w}, bound {window.Wasserstein.Value.ErrorBound}");
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{reference.Name}: KS sketch {window.KolmogorovSmirnov.Value.Value:F5} exact {ks:F5} bound {window.KolmogorovSmirnov.Value.ErrorBound:F5}; " +
                $"W sketch {window.Wasserstein.Value.Value:G6} exact {w:G6} bound {window.Wasserstein.Value.ErrorBound:G6}");
        }
    }

    [Fact]
    public async Task SamePartialTwice_IsCountedOnce()
    {
        var key = new DriftWindowKey("duplicate", TestOptions.FutureWindowStart(Hour, Hour));
        var partial = Partial(StreamData.Generate(2_000, seed: 7, shifted: false), "flush-1");
        var grain = Grains.GetGrain<IDriftWindowGrain>(key.ToGrainKey());

        var first = await grain.AddPartialAsync(partial);
        var again = await grain.AddPartialAsync(partial);

        Assert.Equal(PartialOutcome.Accepted, first.Outcome);
        Assert.Equal(PartialOutcome.Duplicate, again.Outcome);
        Assert.True(again.IsAcknowledged);
        Assert.Equal(2_000, (await grain.GetStatusAsync()).RowCount);
        Assert.Equal(1, (await grain.GetStatusAsync()).PartialCount);
    }

    [Fact]
    public async Task LostAcknowledgements_AreRetriedUnderTheSameKey_AndNotCountedTwice()
    {
        var time = new FakeTimeProvider(TestOptions.FutureWindowStart(Hour, Hour));
        var sink = new AcknowledgementLosingSink(new GrainDriftPartialSink(Grains), losses: 3);
        using var collector = new DriftCollector("collector-duplicate", StreamData.Reference, sink,
            TestOptions.Collector(o => o.WindowLength = Hour), time, source: "replica");
        var rows = StreamData.Generate(9_000, seed: 11, shifted: false);

        var status = await TestOptions.RecordAllAsync(collector, rows, flushEvery: 3_000, Ct);

        var window = await Grains.GetGrain<IDriftWindowGrain>(DriftWindowKey.For("collector-duplicate", time.GetUtcNow(), Hour).ToGrainKey()).GetStatusAsync();
        Assert.Equal(3, sink.Lost);
        Assert.True(sink.Delivered > window.PartialCount);
        Assert.Equal(9_000, status.AcknowledgedRows);
        Assert.Equal(9_000, window.RowCount);
        Assert.Equal(3, window.PartialCount);
    }

    [Fact]
    public async Task Reminder_ClosesTheWindowOnce_StoresTheReport_AndRaisesTheResponseOnce()
    {
        var length = TimeSpan.FromSeconds(2);
        var time = new FakeTimeProvider(DriftWindowKey.For("reminder", TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(2), length).Start);
        using var collector = new DriftCollector("reminder", StreamData.Reference, new GrainDriftPartialSink(Grains),
            TestOptions.Collector(o => o.WindowLength = length), time, source: "replica");
        var status = await TestOptions.RecordAllAsync(collector, StreamData.Generate(5_000, seed: 13, shifted: true), flushEvery: 2_500, Ct);
        var key = DriftWindowKey.For("reminder", time.GetUtcNow(), length);
        var grain = Grains.GetGrain<IDriftWindowGrain>(key.ToGrainKey());

        var closed = await WaitForAsync(grain, DriftWindowPhase.Closed, TimeSpan.FromSeconds(60));
        await grain.CloseAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct); // two more reminder periods: a still-registered reminder would fire again

        Assert.Equal(5_000, status.AcknowledgedRows);
        Assert.Equal(5_000, closed.RowCount);
        Assert.True(closed.ResponseRaised);
        Assert.True(closed.GetReport()!.Drift.DriftedColumnCount > 0);
        Assert.Equal(1, Observations.Reports.PublishCount(key));
        Assert.Equal(1, Observations.ResponsesFor("reminder"));
        Assert.Equal(closed.ReportJson, Observations.Reports.Find(key)!.ToJson());
    }

    [Fact]
    public async Task PartialAfterTheClose_IsAnsweredWindowClosed_AndNotCounted()
    {
        var key = new DriftWindowKey("late", TestOptions.FutureWindowStart(Hour, Hour));
        var grain = Grains.GetGrain<IDriftWindowGrain>(key.ToGrainKey());
        await grain.AddPartialAsync(Partial(StreamData.Generate(1_000, seed: 17, shifted: false), "on-time"));
        await grain.CloseAsync();

        var late = await grain.AddPartialAsync(Partial(StreamData.Generate(1_000, seed: 18, shifted: false), "late"));
        var resent = await grain.AddPartialAsync(Partial(StreamData.Generate(1_000, seed: 17, shifted: false), "on-time"));

        Assert.Equal(PartialOutcome.WindowClosed, late.Outcome);
        Assert.Equal(PartialOutcome.Duplicate, resent.Outcome);
        Assert.Equal(1_000, (await grain.GetStatusAsync()).GetReport()!.RowCount);
    }

    [Fact]
    public async Task BatchFanOut_PartitionsFromManyWorkers_EqualTheSingleMachineAnswer()
    {
        var key = new DriftWindowKey("batch", TestOptions.FutureWindowStart(Hour, Hour));
        var partitions = Enumerable.Range(0, 6).Select(p => StreamData.Generate(7_000 + p * 500, seed: 300 + p, shifted: true)).ToArray();

        await Task.WhenAll(partitions.Select(async (rows, p) =>
        {
            var profile = WindowProfile.Create(StreamData.Reference);
            profile.AddRows(rows.ToTabular());
            var receipt = await Grains.SubmitPartitionAsync(key, Hour, $"part-{p:D5}.parquet", profile);
            var resubmitted = await Grains.SubmitPartitionAsync(key, Hour, $"part-{p:D5}.parquet", profile);
            Assert.Equal(PartialOutcome.Accepted, receipt.Outcome);
            Assert.Equal(PartialOutcome.Duplicate, resubmitted.Outcome);
        }));
        var report = (await Grains.CloseWindowAsync(key)).GetReport()!;
        var single = new DataDriftDetector().Compare(StreamData.Reference, StreamData.Concatenate(partitions));

        Assert.Equal(partitions.Sum(p => p.Count), report.RowCount);
        Assert.Equal(6, report.PartialCount);
        foreach (var column in single.Columns)
        {
            var merged = report.Drift.Columns.Single(c => c.Column == column.Column);
            AssertExact(column.Psi, merged.Psi);
            AssertExact(column.MissingRatePValue, merged.MissingRatePValue);
            if (column.Kind == ColumnKind.Categorical)
            {
                AssertExact(column.Statistic, merged.Statistic);
                Assert.Equal(column.IsDrifted, merged.IsDrifted);
            }
        }
    }

    [Fact]
    public async Task PartialOnOtherBins_IsRejectedWithAReason()
    {
        var key = new DriftWindowKey("rejected", TestOptions.FutureWindowStart(Hour, Hour));
        var otherReference = DriftReference.Fit(StreamData.Generate(500, seed: 99, shifted: true).ToTabular());
        var profile = WindowProfile.Create(otherReference);
        profile.AddRows(StreamData.Generate(100, seed: 5, shifted: false).ToTabular());

        var receipt = await Grains.SubmitPartitionAsync(key, Hour, "foreign", profile);

        Assert.Equal(PartialOutcome.Rejected, receipt.Outcome);
        Assert.Contains("income", receipt.Reason, StringComparison.Ordinal);
        Assert.Equal(0, (await Grains.GetGrain<IDriftWindowGrain>(key.ToGrainKey()).GetStatusAsync()).RowCount);
    }

    internal static DriftPartial Partial(StreamData.Rows rows, string flushId)
    {
        var profile = WindowProfile.Create(StreamData.Reference);
        profile.AddRows(rows.ToTabular());
        return new DriftPartial { FlushId = flushId, Source = "test", WindowLength = Hour, ProfileJson = profile.ToJson(), RowCount = profile.RowCount };
    }

    internal static async Task<DriftWindowStatus> WaitForAsync(IDriftWindowGrain grain, DriftWindowPhase phase, TimeSpan limit)
    {
        var deadline = TimeProvider.System.GetUtcNow() + limit;
        while (true)
        {
            var status = await grain.GetStatusAsync();
            if (status.Phase == phase || TimeProvider.System.GetUtcNow() > deadline)
            {
                Assert.Equal(phase, status.Phase);
                return status;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static void AssertExact(double expected, double actual) =>
        Assert.True(expected.Equals(actual) || Math.Abs(expected - actual) <= 1e-12, $"expected {expected:R}, got {actual:R}");

    private static double[] Present(ReadOnlySpan<double> values)
    {
        var present = new List<double>(values.Length);
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                present.Add(v);
            }
        }

        return [.. present];
    }

    private static (ChiSquaredResult Chi, double Js) BinStatistics(ColumnReference reference, double[] current)
    {
        var edges = reference.Profile.Edges!;
        var referenceCounts = reference.Profile.BinCounts.ToArray();
        var currentCounts = new long[edges.BinCount];
        edges.Count(current, currentCounts);
        var kept = Enumerable.Range(0, edges.BinCount).Where(k => referenceCounts[k] + currentCounts[k] > 0).ToArray();
        var table = new long[2, kept.Length];
        for (var j = 0; j < kept.Length; j++)
        {
            table[0, j] = referenceCounts[kept[j]];
            table[1, j] = currentCounts[kept[j]];
        }

        var js = Divergence.JensenShannonDistance(referenceCounts.Select(c => (double)c).ToArray(), currentCounts.Select(c => (double)c).ToArray());
        return (ChiSquared.Contingency(table), js);
    }

    /// <summary>Delivers each partial to the real window grain, then loses the acknowledgement of the first few (a
    /// network failure after the grain persisted), so the collector must resend.</summary>
    private sealed class AcknowledgementLosingSink(IDriftPartialSink inner, int losses) : IDriftPartialSink
    {
        public int Lost { get; private set; }

        public int Delivered { get; private set; }

        public async ValueTask<PartialReceipt> SendAsync(DriftWindowKey window, DriftPartial windowPartial, CancellationToken cancellationToken)
        {
            var receipt = await inner.SendAsync(window, windowPartial, cancellationToken);
            Delivered++;
            if (Lost < losses)
            {
                Lost++;
                throw new TimeoutException("The acknowledgement was lost on the way back.");
            }

            return receipt;
        }
    }
}
