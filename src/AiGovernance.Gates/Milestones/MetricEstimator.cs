using System.Buffers;
using AiGovernance.Statistics;
using MathNet.Numerics.Distributions;

namespace AiGovernance.Gates.Milestones;

/// <summary>Point estimates and intervals behind the performance gate.</summary>
internal static class MetricEstimator
{
    // Outcome codes of one example: true negative, true positive, false positive, false negative.
    private const byte TrueNegative = 0;
    private const byte TruePositive = 1;
    private const byte FalsePositive = 2;
    private const byte FalseNegative = 3;

    public static double Z(double confidenceLevel) => Normal.InvCDF(0, 1, 1 - ((1 - confidenceLevel) / 2));

    public static PerformanceEstimate FromLabels(PerformanceMetric metric, ReadOnlySpan<bool> yTrue, ReadOnlySpan<bool> yPred, double confidenceLevel, int resamples, int seed)
    {
        var codes = ArrayPool<byte>.Shared.Rent(yTrue.Length);
        try
        {
            var counts = Encode(yTrue, yPred, codes);
            var n = yTrue.Length;
            switch (metric)
            {
                case PerformanceMetric.Accuracy:
                    return WilsonEstimate(metric, counts.Tp + counts.Tn, n, n, confidenceLevel);
                case PerformanceMetric.Precision:
                    return WilsonEstimate(metric, counts.Tp, counts.Tp + counts.Fp, n, confidenceLevel);
                case PerformanceMetric.Recall:
                    return WilsonEstimate(metric, counts.Tp, counts.Tp + counts.Fn, n, confidenceLevel);
                case PerformanceMetric.F1:
                    var f1 = F1(counts.Tp, counts.Fp, counts.Fn);
                    if (double.IsNaN(f1))
                    {
                        return new PerformanceEstimate(metric, double.NaN, double.NaN, double.NaN, n, "bootstrap");
                    }

                    var (lower, upper) = BootstrapF1(codes.AsSpan(0, n), confidenceLevel, resamples, seed);
                    return new PerformanceEstimate(metric, f1, lower, upper, n, $"percentile bootstrap ({resamples} resamples, seed {seed})");
                default:
                    throw new ArgumentException("AUC is computed from scores: call the overload that takes scores.", nameof(metric));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(codes);
        }
    }

    public static double PointEstimate(PerformanceMetric metric, in Counts counts) => metric switch
    {
        PerformanceMetric.Accuracy => (double)(counts.Tp + counts.Tn) / counts.Total,
        PerformanceMetric.Precision => counts.Tp + counts.Fp == 0 ? double.NaN : (double)counts.Tp / (counts.Tp + counts.Fp),
        PerformanceMetric.Recall => counts.Tp + counts.Fn == 0 ? double.NaN : (double)counts.Tp / (counts.Tp + counts.Fn),
        PerformanceMetric.F1 => F1(counts.Tp, counts.Fp, counts.Fn),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "AUC is computed from scores."),
    };

    public static Counts Encode(ReadOnlySpan<bool> yTrue, ReadOnlySpan<bool> yPred, Span<byte> codes)
    {
        var counts = default(Counts);
        for (var i = 0; i < yTrue.Length; i++)
        {
            var code = (yTrue[i], yPred[i]) switch
            {
                (true, true) => TruePositive,
                (false, true) => FalsePositive,
                (true, false) => FalseNegative,
                _ => TrueNegative,
            };
            codes[i] = code;
            counts.Add(code);
        }

        return counts;
    }

    public static double F1(long tp, long fp, long fn)
    {
        var denominator = (2 * tp) + fp + fn;
        return denominator == 0 ? double.NaN : 2.0 * tp / denominator;
    }

    /// <summary>Percentile bootstrap of F1: resamples outcome codes with replacement, counting without allocating.</summary>
    public static (double Lower, double Upper) BootstrapF1(ReadOnlySpan<byte> codes, double confidenceLevel, int resamples, int seed)
    {
        var random = new Random(seed);
        var values = new double[resamples];
        var valid = 0;
        for (var b = 0; b < resamples; b++)
        {
            var counts = default(Counts);
            for (var i = 0; i < codes.Length; i++)
            {
                counts.Add(codes[random.Next(codes.Length)]);
            }

            var f1 = F1(counts.Tp, counts.Fp, counts.Fn);
            if (!double.IsNaN(f1))
            {
                values[valid++] = f1;
            }
        }

        return PercentileInterval(values.AsSpan(0, valid), confidenceLevel);
    }

    public static (double Lower, double Upper) PercentileInterval(Span<double> values, double confidenceLevel)
    {
        if (values.IsEmpty)
        {
            return (double.NaN, double.NaN);
        }

        values.Sort();
        var alpha = 1 - confidenceLevel;
        var sorted = values.ToArray();
        return (MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(sorted, alpha / 2, MathNet.Numerics.Statistics.QuantileDefinition.R7),
                MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(sorted, 1 - (alpha / 2), MathNet.Numerics.Statistics.QuantileDefinition.R7));
    }

    public static PerformanceEstimate WilsonEstimate(PerformanceMetric metric, long successes, long trials, long sampleSize, double confidenceLevel)
    {
        if (trials == 0)
        {
            return new PerformanceEstimate(metric, double.NaN, double.NaN, double.NaN, sampleSize, "Wilson");
        }

        var interval = ConfidenceInterval.Wilson(successes, trials, confidenceLevel);
        return new PerformanceEstimate(metric, (double)successes / trials, interval.Lower, interval.Upper, sampleSize, "Wilson");
    }

    /// <summary>AUC with DeLong's variance and its normal interval clipped to [0, 1].</summary>
    public static PerformanceEstimate Auc(ReadOnlySpan<bool> yTrue, ReadOnlySpan<double> scores, double confidenceLevel)
    {
        var auc = DeLong.Auc(yTrue, scores);
        var interval = auc.ConfidenceInterval(confidenceLevel);
        return new PerformanceEstimate(PerformanceMetric.Auc, auc.Auc, interval.Lower, interval.Upper, auc.Positives + auc.Negatives, "DeLong");
    }

    /// <summary>Counts of outcomes; a value type so the bootstrap allocates nothing per resample.</summary>
    internal struct Counts
    {
        public long Tp;
        public long Fp;
        public long Fn;
        public long Tn;

        public readonly long Total => Tp + Fp + Fn + Tn;

        public void Add(byte code)
        {
            switch (code)
            {
                case TruePositive:
                    Tp++;
                    break;
                case FalsePositive:
                    Fp++;
                    break;
                case FalseNegative:
                    Fn++;
                    break;
                default:
                    Tn++;
                    break;
            }
        }
    }
}
