using AiGovernance.Monitoring.Columnar;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Statistics;
using AiGovernance.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Parquet.Tests;

/// <summary>The benchmark's shape scaled down for CI: 200,000 rows × 200 columns per side, a third categorical or
/// low-cardinality, some missing. Runs alone (it measures the heap).</summary>
[Collection(HeapMeasurement.Name)]
public sealed class ScaledDownRunTests : IDisposable
{
    /// <summary>The stated budget: the runner's peak managed heap stays below 256 MiB, while the two tables alone would take
    /// about 480 MiB in memory (200,000 × 200 × 8 bytes per side for numbers, 4 per categorical code).</summary>
    private const long HeapBudgetBytes = 256L << 20;

    private const int Rows = 200_000;
    private const int Numeric = 134;
    private const int Categorical = 66;

    private readonly string _directory = Directory.CreateTempSubdirectory("aigov-scaled-run-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoHundredThousandRowsByTwoHundredColumns_MatchesTheInMemoryDetector_WithinTheHeapBudget()
    {
        var referencePath = Path.Combine(_directory, "reference.parquet");
        var currentPath = Path.Combine(_directory, "current.parquet");
        await WriteInSlicesAsync(referencePath, seed: 1, shifted: false);
        await WriteInSlicesAsync(currentPath, seed: 2, shifted: true);
        var detector = new DataDriftDetector(null, new DriftSeverityPolicy(), new FakeTimeProvider(DateTimeOffset.UnixEpoch));

        DataDriftReport columnar;
        long peak;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using (var sampler = new HeapSampler())
        {
            await using var reference = await ParquetColumnarSource.OpenAsync(referencePath, Ct);
            await using var current = await ParquetColumnarSource.OpenAsync(currentPath, Ct);
            columnar = await new ColumnarDriftRunner(detector, new ColumnarDriftOptions { MaxDegreeOfParallelism = 2, MaxMemoryBytes = 128L << 20 })
                .RunAsync(reference, current, cancellationToken: Ct);
            peak = sampler.Peak - baseline;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"peak managed heap above baseline: {peak / (1 << 20)} MiB (budget {HeapBudgetBytes / (1 << 20)} MiB)");
        Assert.InRange(peak, 0, HeapBudgetBytes);
        Assert.Equal(200, columnar.ColumnCount);

        var inMemory = detector.Compare(detector.Fit(await ReadAllAsync(referencePath)), await ReadAllAsync(currentPath));
        Assert.Equal(inMemory.ToJson(), columnar.ToJson());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Writes the table in slices of 20,000 rows (one row group each), so the test never holds it whole while writing.</summary>
    private static Task WriteInSlicesAsync(string path, long seed, bool shifted) =>
        TableFiles.WriteParquetAsync(
            Enumerable.Range(0, Rows / 20_000).Select(s => ColumnarDatasets.Table(20_000, seed * 1_000 + s, Numeric, Categorical, shifted, 0.01)),
            path, 20_000, Ct);

    private static async Task<TabularData> ReadAllAsync(string path)
    {
        await using var source = await ParquetColumnarSource.OpenAsync(path, Ct);
        var builder = TabularData.CreateBuilder();
        for (var f = 0; f < source.Fields.Count; f++)
        {
            var at = 0;
            if (source.Fields[f].Kind == ColumnKind.Numeric)
            {
                var values = new double[source.RowCount];
                for (var g = 0; g < source.RowGroupCount; g++)
                {
                    at += await source.ReadNumericAsync(f, g, values.AsMemory(at), Ct);
                }

                builder.AddNumeric(source.Fields[f].Name, values);
            }
            else
            {
                var labels = new string?[source.RowCount];
                for (var g = 0; g < source.RowGroupCount; g++)
                {
                    at += await source.ReadCategoricalAsync(f, g, labels.AsMemory(at), Ct);
                }

                builder.AddCategorical(source.Fields[f].Name, labels);
            }
        }

        return builder.Build();
    }

    /// <summary>Samples the managed heap every few milliseconds on a thread of its own.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public HeapSampler()
        {
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), GC.GetTotalMemory(false)));
                    Thread.Sleep(2);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public long Peak => Interlocked.Read(ref _peak);

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasurement
{
    public const string Name = "heap measurement (runs alone)";
}
