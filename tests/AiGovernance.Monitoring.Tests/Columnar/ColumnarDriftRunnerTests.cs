using AiGovernance.Monitoring.Columnar;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Tests.Columnar;

public class ColumnarDriftRunnerTests
{
    public static TheoryData<string> Datasets => [.. ColumnarDatasets.Names];

    [Theory]
    [MemberData(nameof(Datasets))]
    public async Task Run_GivesTheInMemoryDetectorsReport_BitForBit(string dataset)
    {
        var (reference, current, options) = ColumnarDatasets.Get(dataset);
        var detector = new DataDriftDetector(options, new DriftSeverityPolicy(), new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        var expected = detector.Compare(detector.Fit(reference), current);

        var actual = await new ColumnarDriftRunner(detector, new ColumnarDriftOptions { MaxDegreeOfParallelism = 3 }).RunAsync(
            new TabularDataColumnarSource(reference, rowGroupRows: 777), new TabularDataColumnarSource(current, rowGroupRows: 1_000),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expected.ToJson(), actual.ToJson());
    }

    [Fact]
    public async Task Compare_WithAFittedReference_GivesTheInMemoryReport()
    {
        var (reference, current, options) = ColumnarDatasets.Get("missing-and-categories");
        var detector = new DataDriftDetector(options, new DriftSeverityPolicy(), new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        var fitted = DriftReference.FromJson(detector.Fit(reference).ToJson());

        var actual = await new ColumnarDriftRunner(detector).CompareAsync(fitted, new TabularDataColumnarSource(current, 100),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(detector.Compare(fitted, current).ToJson(), actual.ToJson());
    }

    [Fact]
    public async Task Progress_ReportsEveryReferenceColumnOnce()
    {
        var (reference, current, _) = ColumnarDatasets.Get("numeric-shift");
        var seen = new List<DriftProgress>();
        var progress = new SynchronousProgress(p => { lock (seen) { seen.Add(p); } });

        await new ColumnarDriftRunner().RunAsync(new TabularDataColumnarSource(reference), new TabularDataColumnarSource(current), progress,
            TestContext.Current.CancellationToken);

        Assert.Equal(["n000", "n001", "n002"], seen.Select(p => p.Column).Order());
        Assert.Equal([1, 2, 3], seen.Select(p => p.CompletedColumns).Order());
        Assert.All(seen, p => Assert.Equal(3, p.TotalColumns));
    }

    [Fact]
    public async Task Cancellation_StopsBetweenRowGroups()
    {
        var (reference, current, _) = ColumnarDatasets.Get("numeric-shift");
        using var cancel = new CancellationTokenSource();
        var source = new CancellingSource(new TabularDataColumnarSource(reference, 100), cancel, afterReads: 5);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ColumnarDriftRunner(options: new ColumnarDriftOptions { MaxDegreeOfParallelism = 1 }).RunAsync(
                source, new TabularDataColumnarSource(current), cancellationToken: cancel.Token));
        Assert.Equal(5, source.Reads);
    }

    [Theory]
    [InlineData(1L << 20, 1)]        // 1 MiB: less than one column (1.6 MB estimated), so one at a time
    [InlineData(4_000_000L, 2)]      // room for two columns of 40,000 rows × 40 bytes
    public async Task MemoryBudget_BoundsTheColumnsInFlight(long maxMemoryBytes, int expectedLimit)
    {
        var reference = ColumnarDatasets.Table(20_000, 21, 8, 0, false, 0);
        var current = ColumnarDatasets.Table(20_000, 22, 8, 0, true, 0);
        var gauge = new ConcurrencyGauge();

        var report = await new ColumnarDriftRunner(options: new ColumnarDriftOptions { MaxMemoryBytes = maxMemoryBytes, MaxDegreeOfParallelism = 8 })
            .RunAsync(new GaugedSource(new TabularDataColumnarSource(reference, 5_000), gauge),
                new GaugedSource(new TabularDataColumnarSource(current, 5_000), gauge), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(8, report.ColumnCount);
        Assert.InRange(gauge.Peak, 1, expectedLimit);
    }

    [Fact]
    public async Task EmptyCurrentSource_IsAnError()
    {
        var (reference, _, _) = ColumnarDatasets.Get("numeric-shift");
        var empty = ColumnarDatasets.Table(0, 1, 3, 0, false, 0);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new ColumnarDriftRunner().RunAsync(
            new TabularDataColumnarSource(reference), new TabularDataColumnarSource(empty), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("current", error.ParamName);
    }

    private sealed class SynchronousProgress(Action<DriftProgress> report) : IProgress<DriftProgress>
    {
        public void Report(DriftProgress value) => report(value);
    }

    /// <summary>Counts the columns being read at once; a read yields to the scheduler so that columns the runner lets run
    /// together do overlap.</summary>
    private sealed class ConcurrencyGauge
    {
        private readonly HashSet<string> _open = [];

        public int Peak { get; private set; }

        public void Enter(string column)
        {
            lock (_open)
            {
                _open.Add(column);
                Peak = Math.Max(Peak, _open.Count);
            }
        }

        public void Leave(string column)
        {
            lock (_open)
            {
                _open.Remove(column);
            }
        }
    }

    /// <summary>A real source whose reads of one column (all its row groups, either side) count as one column in flight.</summary>
    private sealed class GaugedSource(IColumnarSource inner, ConcurrencyGauge gauge) : IColumnarSource
    {
        public string Description => inner.Description;

        public IReadOnlyList<ColumnarField> Fields => inner.Fields;

        public long RowCount => inner.RowCount;

        public int RowGroupCount => inner.RowGroupCount;

        public int GetRowGroupRowCount(int rowGroup) => inner.GetRowGroupRowCount(rowGroup);

        public async ValueTask<int> ReadNumericAsync(int field, int rowGroup, Memory<double> destination, CancellationToken cancellationToken)
        {
            var name = Fields[field].Name;
            gauge.Enter(name);
            await Task.Delay(5, cancellationToken);
            var read = await inner.ReadNumericAsync(field, rowGroup, destination, cancellationToken);
            if (rowGroup == RowGroupCount - 1)
            {
                gauge.Leave(name);
            }

            return read;
        }

        public ValueTask<int> ReadCategoricalAsync(int field, int rowGroup, Memory<string?> destination, CancellationToken cancellationToken) =>
            inner.ReadCategoricalAsync(field, rowGroup, destination, cancellationToken);
    }

    /// <summary>A real source that cancels the run after a number of row-group reads, to see where the runner stops.</summary>
    private sealed class CancellingSource(IColumnarSource inner, CancellationTokenSource cancel, int afterReads) : IColumnarSource
    {
        public int Reads { get; private set; }

        public string Description => inner.Description;

        public IReadOnlyList<ColumnarField> Fields => inner.Fields;

        public long RowCount => inner.RowCount;

        public int RowGroupCount => inner.RowGroupCount;

        public int GetRowGroupRowCount(int rowGroup) => inner.GetRowGroupRowCount(rowGroup);

        public ValueTask<int> ReadNumericAsync(int field, int rowGroup, Memory<double> destination, CancellationToken cancellationToken)
        {
            if (++Reads == afterReads)
            {
                cancel.Cancel();
            }

            return inner.ReadNumericAsync(field, rowGroup, destination, cancellationToken);
        }

        public ValueTask<int> ReadCategoricalAsync(int field, int rowGroup, Memory<string?> destination, CancellationToken cancellationToken) =>
            inner.ReadCategoricalAsync(field, rowGroup, destination, cancellationToken);
    }
}
