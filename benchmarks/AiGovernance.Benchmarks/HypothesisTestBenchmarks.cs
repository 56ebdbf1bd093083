using AiGovernance.Statistics;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>Mann–Whitney U and Hodges–Lehmann on a canary-sized window against a fitted baseline, and fairness metrics
/// with the bootstrap: the per-window work of canary analysis and fairness gates.</summary>
[MemoryDiagnoser]
public class HypothesisTestBenchmarks
{
    private double[] _x = [];
    private double[] _y = [];
    private SortedSample _baseline = null!;
    private bool[] _yTrue = [];
    private bool[] _yPred = [];
    private string[] _groups = [];

    [Params(10_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _x = new double[N];
        _y = new double[N];
        _yTrue = new bool[N];
        _yPred = new bool[N];
        _groups = new string[N];
        string[] labels = ["a", "b", "c", "d"];
        for (var i = 0; i < N; i++)
        {
            _x[i] = random.NextDouble() * 100;
            _y[i] = (random.NextDouble() * 100) + 1;
            _yTrue[i] = random.NextDouble() < 0.3;
            _yPred[i] = random.NextDouble() < (_yTrue[i] ? 0.7 : 0.2);
            _groups[i] = labels[random.Next(labels.Length)];
        }

        _baseline = SortedSample.Create(_y);
    }

    [Benchmark]
    public MannWhitneyResult MannWhitneyUnsorted() => MannWhitney.Test(_x, _y);

    [Benchmark]
    public MannWhitneyResult MannWhitneyFittedBaseline() => MannWhitney.Test(_x, _baseline);

    [Benchmark]
    public HodgesLehmannResult HodgesLehmann() => MannWhitney.HodgesLehmann(_x, _y);

    [Benchmark]
    public FairnessReport FairnessWith200Resamples() =>
        FairnessMetrics.Compute(_yTrue, _yPred, _groups, new FairnessOptions { BootstrapResamples = 200 });
}
