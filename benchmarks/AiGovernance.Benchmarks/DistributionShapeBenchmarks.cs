using AiGovernance.Statistics;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>The distribution-shape tests of issue 26 on large samples (the SciPy side-by-side comparison of Cramér–von
/// Mises is in benchmarks/compare-scipy.sh).</summary>
[MemoryDiagnoser]
public class DistributionShapeBenchmarks
{
    private double[] _x = [];
    private double[] _y = [];

    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _x = new double[N];
        _y = new double[N];
        for (var i = 0; i < N; i++)
        {
            _x[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            _y[i] = 0.02 + (1.05 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }
    }

    [Benchmark(Description = "Cramér–von Mises two-sample, asymptotic")]
    public double CramerVonMises() => AiGovernance.Statistics.CramerVonMises.TwoSample(_x, _y).PValue;

    [Benchmark(Description = "Energy distance")]
    public double Energy() => EnergyDistance.Compute(_x, _y);

    [Benchmark(Description = "Anderson–Darling, 2 samples, midrank")]
    public double AndersonDarling() => AiGovernance.Statistics.AndersonDarling.KSample([_x, _y]).Statistic;

    [Benchmark(Description = "Epps–Singleton")]
    public double EppsSingleton() => AiGovernance.Statistics.EppsSingleton.TwoSample(_x, _y).PValue;
}
