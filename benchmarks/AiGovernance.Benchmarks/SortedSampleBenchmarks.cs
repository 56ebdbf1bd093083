using AiGovernance.Statistics;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>Cost of fitting a sorted reference (copy + sort + mean), the one-off work a batch job reuses across
/// windows, against the BCL's copy + Array.Sort.</summary>
[MemoryDiagnoser]
public class SortedSampleBenchmarks
{
    private double[] _data = [];

    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _data = new double[N];
        for (var i = 0; i < N; i++)
        {
            _data[i] = (random.NextDouble() * 100) - 30;
        }
    }

    [Benchmark(Baseline = true)]
    public double[] ArraySortCopy()
    {
        var copy = (double[])_data.Clone();
        Array.Sort(copy);
        return copy;
    }

    [Benchmark]
    public SortedSample RadixSortedSample() => SortedSample.Create(_data);
}
