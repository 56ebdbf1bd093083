using AiGovernance.Statistics;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>Cost of fitting a sorted reference, the one-off work a batch job reuses across windows.</summary>
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
            _data[i] = random.NextDouble() * 100;
        }
    }

    [Benchmark]
    public SortedSample Create() => SortedSample.Create(_data);
}
