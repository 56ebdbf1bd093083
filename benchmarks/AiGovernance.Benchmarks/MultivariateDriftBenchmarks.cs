using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Statistics;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>Issue 26's performance targets: PCA reconstruction drift on 100,000 × 50 after fitting (≤ 1 s) and the
/// linear-time MMD on 100,000 × 384 embeddings (≤ 2 s).</summary>
[MemoryDiagnoser]
public class MultivariateDriftBenchmarks
{
    private const int Rows = 100_000;
    private const int Columns = 50;
    private const int Dimension = 384;

    private double[] _window = [];
    private PrincipalComponentModel _model = null!;
    private MultivariateDriftDetector _detector = null!;
    private MultivariateReference _reference = null!;
    private TabularData _windowTable = null!;
    private float[] _referenceEmbeddings = [];
    private float[] _currentEmbeddings = [];
    private double _bandwidth;

    [GlobalSetup]
    public void Setup()
    {
        // Tabular: 50 columns driven by 8 latent factors plus noise (correlated like real features).
        var random = new Random(26);
        var loadings = new double[Columns * 8];
        for (var i = 0; i < loadings.Length; i++)
        {
            loadings[i] = Gaussian(random);
        }

        var reference = Tabular(random, loadings, 0);
        _window = Tabular(random, loadings, 0.1);
        _model = PrincipalComponentModel.Fit(reference, Columns, 0.65);
        _detector = new MultivariateDriftDetector(new MultivariateDriftOptions { Methods = MultivariateDriftMethods.Reconstruction });
        _reference = _detector.Fit(Table(reference));
        _windowTable = Table(_window);

        // Embeddings: unit vectors around 8 topic centres in 384 dimensions.
        _referenceEmbeddings = Embeddings(random, Rows, shift: 0);
        _currentEmbeddings = Embeddings(random, Rows, shift: 0.05);
        _bandwidth = MaximumMeanDiscrepancy.MedianHeuristicBandwidth(_referenceEmbeddings, _currentEmbeddings, Dimension, 1000, 26);
    }

    [Benchmark(Description = "PCA mean reconstruction error, 100k x 50 (Statistics)")]
    public double ReconstructionError() => _model.MeanReconstructionError(_window);

    [Benchmark(Description = "Reconstruction drift of a 100k x 50 TabularData window (Monitoring: encode, error, band)")]
    public bool ReconstructionDrift() => _detector.Compare(_reference, _windowTable).IsDrifted;

    [Benchmark(Description = "Linear-time MMD, 100k x 384 float embeddings, median heuristic on 1,000 rows")]
    public double LinearMmd() => MaximumMeanDiscrepancy.LinearTimeTest(_referenceEmbeddings, _currentEmbeddings, Dimension, null).PValue;

    [Benchmark(Description = "Linear-time MMD, 100k x 384 float embeddings, bandwidth given")]
    public double LinearMmdFixedBandwidth() =>
        MaximumMeanDiscrepancy.LinearTimeTest(_referenceEmbeddings, _currentEmbeddings, Dimension, new MmdOptions { Bandwidth = _bandwidth }).PValue;

    private static double[] Tabular(Random random, double[] loadings, double shift)
    {
        var rows = new double[Rows * Columns];
        Span<double> factors = stackalloc double[8];
        for (var i = 0; i < Rows; i++)
        {
            for (var f = 0; f < 8; f++)
            {
                factors[f] = Gaussian(random);
            }

            for (var c = 0; c < Columns; c++)
            {
                double v = shift + Gaussian(random);
                for (var f = 0; f < 8; f++)
                {
                    v += loadings[(c * 8) + f] * factors[f];
                }

                rows[(i * Columns) + c] = v;
            }
        }

        return rows;
    }

    private static TabularData Table(double[] rows)
    {
        var builder = TabularData.CreateBuilder();
        for (var c = 0; c < Columns; c++)
        {
            var column = new double[Rows];
            for (var i = 0; i < Rows; i++)
            {
                column[i] = rows[(i * Columns) + c];
            }

            builder.AddNumeric($"f{c}", column);
        }

        return builder.Build();
    }

    private static float[] Embeddings(Random random, int count, double shift)
    {
        var centres = new double[8][];
        var centreRandom = new Random(384);
        for (var t = 0; t < 8; t++)
        {
            centres[t] = Enumerable.Range(0, Dimension).Select(_ => Gaussian(centreRandom) / Math.Sqrt(Dimension)).ToArray();
        }

        var result = new float[count * Dimension];
        var raw = new double[Dimension];
        for (var i = 0; i < count; i++)
        {
            var topic = random.Next(8);
            double norm = 0;
            for (var k = 0; k < Dimension; k++)
            {
                raw[k] = centres[topic][k] + ((Gaussian(random) + shift) / Math.Sqrt(Dimension));
                norm += raw[k] * raw[k];
            }

            norm = Math.Sqrt(norm);
            for (var k = 0; k < Dimension; k++)
            {
                result[(i * Dimension) + k] = (float)(raw[k] / norm);
            }
        }

        return result;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
