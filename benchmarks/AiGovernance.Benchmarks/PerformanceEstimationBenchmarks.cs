using AiGovernance.Monitoring.PerformanceEstimation;
using AiGovernance.Statistics;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>Label-free performance estimation of one window of 1 million predictions: calibrate every score, bin it, and
/// estimate every binary metric with its band (the target: ≤ 150 ms, memory O(bins) after calibration).</summary>
[MemoryDiagnoser]
public class PerformanceEstimationBenchmarks
{
    private double[] _window = [];
    private double[] _windowLogOdds = [];
    private double[] _classScores = [];
    private double[] _probabilities = [];
    private bool[] _decisions = [];
    private ConfidenceBasedPerformanceEstimator _isotonicEstimator = null!;
    private ConfidenceBasedPerformanceEstimator _plattEstimator = null!;
    private CbpeReference _isotonic = null!;
    private CbpeReference _platt = null!;
    private MulticlassConfidenceBasedPerformanceEstimator _multiclassEstimator = null!;
    private MulticlassCbpeReference _multiclass = null!;

    [Params(1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A calibrated model on log-odds −1 + 2.5·x; the reference has 20,000 labelled rows, the window N unlabelled ones
        // after a covariate shift (x ~ N(0.5, 1)).
        var random = new Random(25);
        var (referenceLogOdds, labels) = (new double[20_000], new bool[20_000]);
        for (var i = 0; i < referenceLogOdds.Length; i++)
        {
            referenceLogOdds[i] = -1 + (2.5 * Gaussian(random));
            labels[i] = random.NextDouble() < Sigmoid(referenceLogOdds[i]);
        }

        _window = new double[N];
        _probabilities = new double[N];
        _decisions = new bool[N];
        for (var i = 0; i < N; i++)
        {
            _window[i] = -1 + (2.5 * (0.5 + Gaussian(random)));
            _probabilities[i] = Sigmoid(_window[i]);
            _decisions[i] = _window[i] >= 0;
        }

        var referenceProbabilities = referenceLogOdds.Select(Sigmoid).ToArray();
        _isotonicEstimator = new ConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { DecisionThreshold = 0.5 });
        _isotonic = _isotonicEstimator.Fit(referenceProbabilities, labels);
        _windowLogOdds = _window;
        _window = [.. _window.Select(Sigmoid)];
        _plattEstimator = new ConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions { Calibration = CalibrationMethod.Platt, DecisionThreshold = 0 });
        _platt = _plattEstimator.Fit(referenceLogOdds, labels);

        // Three classes: softmax of (0, 2x, −2x), the reference 20,000 labelled rows at x ~ N(0, 1), the window at N(0.5, 1).
        var referenceClassScores = new double[3 * 20_000];
        var referenceClasses = new int[20_000];
        for (var i = 0; i < referenceClasses.Length; i++)
        {
            Softmax(Gaussian(random), referenceClassScores.AsSpan(3 * i, 3));
            var u = random.NextDouble();
            referenceClasses[i] = u < referenceClassScores[3 * i] ? 0 : u < referenceClassScores[3 * i] + referenceClassScores[(3 * i) + 1] ? 1 : 2;
        }

        _classScores = new double[3 * N];
        for (var i = 0; i < N; i++)
        {
            Softmax(0.5 + Gaussian(random), _classScores.AsSpan(3 * i, 3));
        }

        _multiclassEstimator = new MulticlassConfidenceBasedPerformanceEstimator(new PerformanceEstimationOptions());
        _multiclass = _multiclassEstimator.Fit(referenceClassScores, 3, referenceClasses);
    }

    [Benchmark(Description = "CBPE, isotonic: calibrate + bin + all metrics with bands")]
    public double Isotonic() => _isotonicEstimator.Estimate(_isotonic, _window, "window").Metrics[0].Estimate;

    [Benchmark(Description = "CBPE, Platt: calibrate + bin + all metrics with bands")]
    public double Platt() => _plattEstimator.Estimate(_platt, _windowLogOdds, "window").Metrics[0].Estimate;

    [Benchmark(Description = "Multiclass CBPE (3 classes), isotonic per class: calibrate + normalise + all macro metrics with bands")]
    public double Multiclass() => _multiclassEstimator.Estimate(_multiclass, _classScores, "window").Metrics[0].Estimate;

    [Benchmark(Description = "CBPE numerics only (probabilities given): bin + all metrics with bands")]
    public double NumericsOnly() => ConfidenceBasedPerformance.Estimate(_probabilities, _decisions).Accuracy.Estimate;

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    private static void Softmax(double x, Span<double> into)
    {
        double e0 = 1, e1 = Math.Exp(2 * x), e2 = Math.Exp(-2 * x), total = e0 + e1 + e2;
        (into[0], into[1], into[2]) = (e0 / total, e1 / total, e2 / total);
    }
}
