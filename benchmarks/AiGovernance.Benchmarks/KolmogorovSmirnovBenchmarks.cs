using AiGovernance.Statistics;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>Two-sample Kolmogorov–Smirnov: a drift window against a fitted (sorted) reference, against an unsorted one,
/// and the exact p-value path for n ≠ m.</summary>
[MemoryDiagnoser]
public class KolmogorovSmirnovBenchmarks
{
    private double[] _reference = [];
    private double[] _window = [];
    private SortedSample _sortedReference = null!;
    private double[] _exactX = [];
    private double[] _exactY = [];

    [Params(10_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _reference = new double[N];
        _window = new double[N];
        for (var i = 0; i < N; i++)
        {
            _reference[i] = random.NextDouble();
            _window[i] = random.NextDouble() + 0.001;
        }

        _sortedReference = SortedSample.Create(_reference);
        _exactX = new double[2000];
        _exactY = new double[3001];
        for (var i = 0; i < _exactX.Length; i++)
        {
            _exactX[i] = random.NextDouble();
        }

        for (var i = 0; i < _exactY.Length; i++)
        {
            _exactY[i] = random.NextDouble() + 0.02;
        }
    }

    [Benchmark(Baseline = true)]
    public KolmogorovSmirnovResult Unsorted() => KolmogorovSmirnov.TwoSample(_reference, _window);

    [Benchmark]
    public KolmogorovSmirnovResult FittedReference() => KolmogorovSmirnov.TwoSample(_sortedReference, _window);

    [Benchmark]
    public KolmogorovSmirnovResult ExactTwoSided2000Vs3001() => KolmogorovSmirnov.TwoSample(_exactX, _exactY);
}
