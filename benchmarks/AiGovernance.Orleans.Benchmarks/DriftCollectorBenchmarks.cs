using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Orleans;
using AiGovernance.Monitoring.Orleans.Collection;
using AiGovernance.Monitoring.Orleans.Windows;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>The drift collector of a service replica (issue 27): the request path (<see cref="DriftCollector.Record"/>,
/// one row of 20 columns: 14 numeric, 6 categorical) and the background fold that turns buffered rows into window
/// profiles and partials. Target: ≤ 200 ns and 0 B per recorded row.</summary>
[MemoryDiagnoser]
public class DriftCollectorBenchmarks
{
    internal const int RowsPerInvoke = 1024;
    internal const int Invocations = 256;
    private const int Numeric = 14;
    private const int Categorical = 6;

    private readonly double[][] _numbers = new double[RowsPerInvoke][];
    private readonly string?[][] _labels = new string?[RowsPerInvoke][];
    private DriftCollector _collector = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(27);
        var builder = TabularData.CreateBuilder();
        for (var c = 0; c < Numeric; c++)
        {
            builder.AddNumeric($"x{c}", Enumerable.Range(0, 5_000).Select(_ => Math.Round(random.NextDouble() * 100, 2)).ToArray());
        }

        for (var c = 0; c < Categorical; c++)
        {
            builder.AddCategorical($"k{c}", Enumerable.Range(0, 5_000).Select(_ => (string?)$"v{random.Next(12)}").ToArray());
        }

        var reference = DriftReference.Fit(builder.Build());
        _collector = new DriftCollector("benchmark", reference, new AcceptingSink(), new OrleansMonitoringOptions
        {
            BlockRows = 4096,
            BufferBlocks = 2 + (RowsPerInvoke * Invocations / 4096),
            WindowLength = TimeSpan.FromDays(1),
        });
        var labels = Enumerable.Range(0, 12).Select(k => $"v{k}").ToArray();
        for (var r = 0; r < RowsPerInvoke; r++)
        {
            _numbers[r] = [.. Enumerable.Range(0, Numeric).Select(_ => Math.Round(random.NextDouble() * 110, 2))];
            _labels[r] = [.. Enumerable.Range(0, Categorical).Select(_ => labels[random.Next(12)])];
        }
    }

    /// <summary>Empties the buffer between iterations (folding and flushing to a sink that accepts at once).</summary>
    [IterationSetup(Target = nameof(Record))]
    public void Drain() => _collector.FlushAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "Record: one row of 20 columns (request path)", OperationsPerInvoke = RowsPerInvoke)]
    [InvocationCount(Invocations)]
    public int Record()
    {
        var recorded = 0;
        for (var r = 0; r < RowsPerInvoke; r++)
        {
            recorded += _collector.Record(_numbers[r], _labels[r]) ? 1 : 0;
        }

        return recorded;
    }

    /// <summary>Fills the buffer with rows for the background benchmark.</summary>
    [IterationSetup(Target = nameof(FoldAndFlush))]
    public void Fill()
    {
        _collector.FlushAsync().AsTask().GetAwaiter().GetResult();
        for (var i = 0; i < Invocations; i++)
        {
            Record();
        }
    }

    [Benchmark(Description = "Fold + flush, per buffered row (background)", OperationsPerInvoke = RowsPerInvoke * Invocations)]
    [InvocationCount(1)]
    public long FoldAndFlush() => _collector.FlushAsync().AsTask().GetAwaiter().GetResult().AcknowledgedRows;

    [GlobalCleanup]
    public void Cleanup()
    {
        var status = _collector.GetStatus();
        _collector.Dispose();
        if (status.BufferFullRows != 0 || status.InvalidRows != 0)
        {
            throw new InvalidOperationException($"The benchmark dropped rows ({status.BufferFullRows} buffer full, {status.InvalidRows} invalid): it measured the wrong path.");
        }
    }

    private sealed class AcceptingSink : IDriftPartialSink
    {
        public ValueTask<PartialReceipt> SendAsync(DriftWindowKey window, DriftPartial windowPartial, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new PartialReceipt { Outcome = PartialOutcome.Accepted, WindowRowCount = windowPartial.RowCount });
    }
}
