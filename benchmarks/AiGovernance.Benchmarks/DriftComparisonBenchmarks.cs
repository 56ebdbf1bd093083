using AiGovernance.Statistics;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>The workloads of benchmarks/compare-scipy.sh (issue 12) with the same shapes and distributions: KS, Mann–Whitney
/// and PSI on 1M × 1M normal samples, a 100-column × 100k batch of KS + PSI, and one window of that batch against fitted
/// (sorted) reference columns.</summary>
[MemoryDiagnoser]
public class DriftComparisonBenchmarks
{
    private const int Columns = 100;
    private const int Rows = 100_000;

    private double[] _a = [];
    private double[] _b = [];
    private double[] _columnsReference = [];
    private double[] _columnsCurrent = [];
    private SortedSample[] _fitted = [];
    private readonly double[] _batchOut = new double[Columns];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261126);
        _a = new double[1_000_000];
        _b = new double[1_000_000];
        for (var i = 0; i < _a.Length; i++)
        {
            _a[i] = Gaussian(random);
            _b[i] = 0.02 + (1.05 * Gaussian(random));
        }

        _columnsReference = new double[Columns * Rows];
        _columnsCurrent = new double[Columns * Rows];
        for (var c = 0; c < Columns; c++)
        {
            var shift = 0.01 + (0.2 * c / (Columns - 1));
            for (var r = 0; r < Rows; r++)
            {
                _columnsReference[(c * Rows) + r] = Gaussian(random);
                _columnsCurrent[(c * Rows) + r] = shift + Gaussian(random);
            }
        }

        _fitted = new SortedSample[Columns];
        for (var c = 0; c < Columns; c++)
        {
            _fitted[c] = SortedSample.Create(_columnsReference.AsSpan(c * Rows, Rows));
        }
    }

    [Benchmark(Description = "KS two-sample asymptotic, 1M x 1M")]
    public double KolmogorovSmirnov1M() =>
        KolmogorovSmirnov.TwoSample(_a, _b, Alternative.TwoSided, KolmogorovSmirnovMethod.Asymptotic).PValue;

    [Benchmark(Description = "Mann-Whitney U, 1M x 1M")]
    public double MannWhitney1M() => MannWhitney.Test(_a, _b).PValue;

    [Benchmark(Description = "PSI 10 quantile bins, 1M x 1M")]
    public double Psi1M() => PopulationStabilityIndex.Compute(_a, _b);

    [Benchmark(Description = "batch 100 cols x 100k, KS + PSI (Parallel.For)")]
    public double Batch()
    {
        Parallel.For(0, Columns, c =>
        {
            var reference = _columnsReference.AsSpan(c * Rows, Rows);
            var current = _columnsCurrent.AsSpan(c * Rows, Rows);
            var ks = KolmogorovSmirnov.TwoSample(reference, current, Alternative.TwoSided, KolmogorovSmirnovMethod.Asymptotic);
            _batchOut[c] = ks.PValue + PopulationStabilityIndex.Compute(reference, current);
        });
        return _batchOut[0];
    }

    [Benchmark(Description = "one window of the batch against fitted reference columns")]
    public double FittedWindow()
    {
        Parallel.For(0, Columns, c =>
        {
            var current = _columnsCurrent.AsSpan(c * Rows, Rows);
            var ks = KolmogorovSmirnov.TwoSample(_fitted[c], current, Alternative.TwoSided, KolmogorovSmirnovMethod.Asymptotic);
            _batchOut[c] = ks.PValue + PopulationStabilityIndex.Compute(_fitted[c], current);
        });
        return _batchOut[0];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
