using AiGovernance.Statistics;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>One fitted reference against a production window: the per-window work of a batch drift job.</summary>
[MemoryDiagnoser]
public class DistanceBenchmarks
{
    private double[] _reference = [];
    private double[] _current = [];
    private SortedSample _sortedReference = null!;
    private BinEdges _edges = null!;

    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _reference = new double[N];
        _current = new double[N];
        for (var i = 0; i < N; i++)
        {
            _reference[i] = random.NextDouble() * 100;
            _current[i] = (random.NextDouble() * 100) + 3;
        }

        _sortedReference = SortedSample.Create(_reference);
        _edges = BinEdges.Quantile(_sortedReference, 10);
    }

    [Benchmark(Description = "PSI, fitted edges, both sides counted")]
    public double PsiOnFittedEdges() => PopulationStabilityIndex.Compute(_edges, _reference, _current);

    [Benchmark(Description = "PSI, sorted reference (fits edges, sorts nothing)")]
    public double PsiOnSortedReference() => PopulationStabilityIndex.Compute(_sortedReference, _current);

    [Benchmark(Description = "Jensen-Shannon on fitted edges")]
    public double JensenShannon() => Divergence.JensenShannonDivergence(_edges, _reference, _current);

    [Benchmark(Description = "Wasserstein, sorted reference (sorts the window)")]
    public double WassersteinSortedReference() => Wasserstein.Distance(_sortedReference, _current);

    [Benchmark(Description = "Column profile of the window (bins + moments + KLL k=200)")]
    public long ProfileWindow()
    {
        var profile = ColumnProfile.CreateNumeric(new ColumnProfileOptions { Edges = _edges });
        profile.Add(_current);
        return profile.Count;
    }
}
