using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>Confidence-based performance estimation (CBPE) for multiclass classifiers, one-vs-rest: calibrates each
/// class's score on a labelled reference, checks that calibration, and estimates the accuracy and the macro-averaged
/// precision, recall, specificity, F1 and ROC AUC of windows whose labels have not arrived — each with a sampling-error
/// band.</summary>
/// <remarks>
/// <para><b>Input.</b> Scores are row-major: prediction i's score for class k at i·K + k (for example the model's
/// softmax output). The model's decision is the class with the highest score (the first on ties).</para>
/// <para><b>Calibration</b> (NannyML's multiclass CBPE): each class's score is calibrated against "this class or not"
/// with <see cref="PerformanceEstimationOptions.Calibration"/>, and each row of calibrated values is divided by its sum so
/// the class probabilities sum to 1. The check measures every class's expected calibration error on the normalised
/// probabilities by cross-validation and refuses (<see cref="PoorCalibrationException"/>) when the worst class exceeds
/// <see cref="PerformanceEstimationOptions.MaximumCalibrationError"/>.</para>
/// <para><b>Assumptions and numbers</b> as for the binary estimator (calibration, covariate shift only); the estimates
/// and bands come from <see cref="MulticlassConfidenceBasedPerformance"/>: exact categorical variance for accuracy and
/// macro precision, delta method with the classes' covariances for macro recall, specificity and F1, and a conservative
/// band (mean of the classes' standard errors) for macro ROC AUC. <see cref="PerformanceEstimationOptions.DecisionThreshold"/>
/// is not used.</para>
/// <para><b>Cost.</b> A window is calibrated and accumulated in one pass, O(n·K²), in O(K·bins + K³) memory. Immutable
/// and thread-safe.</para>
/// </remarks>
public sealed class MulticlassConfidenceBasedPerformanceEstimator
{
    /// <summary>The <see cref="EstimatedPerformance.Estimator"/> of multiclass estimates.</summary>
    public const string EstimatorName = "CBPE (multiclass, one-vs-rest)";

    private static readonly EstimatedMetric[] DefaultAlertMetrics = [EstimatedMetric.Accuracy, EstimatedMetric.F1];
    private readonly PerformanceEstimationOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an estimator.</summary>
    /// <param name="options">The settings; copied and validated.</param>
    /// <param name="timeProvider">Stamps the estimates; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is out of range or invalid; the message lists every broken rule.</exception>
    public MulticlassConfidenceBasedPerformanceEstimator(PerformanceEstimationOptions options, TimeProvider? timeProvider = null)
    {
        OptionsGuard.ThrowIfInvalid(options, nameof(options), PerformanceEstimationOptionsValidator.Instance,
            PerformanceEstimationOptionsCustomValidator.Instance);
        _options = options.Copy();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Fits a calibrator per class on labelled reference predictions and measures the calibration.</summary>
    /// <param name="scores">The model's class scores on the reference, row-major; finite (and in [0, 1] without
    /// calibration).</param>
    /// <param name="classCount">The number of classes K, in [2, <see cref="MulticlassProbabilityAccumulator.MaxClassCount"/>].</param>
    /// <param name="labels">The reference's actual classes, in [0, K).</param>
    /// <returns>The reference; estimating from one that failed the check throws <see cref="PoorCalibrationException"/>.</returns>
    /// <exception cref="ArgumentException">The lengths do not pair up, a score or label is invalid (index named), a class has
    /// fewer than <see cref="PerformanceEstimationOptions.MinimumClassCount"/> examples (or non-examples), or a class's
    /// calibration decreases with its score.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is out of range.</exception>
    public MulticlassCbpeReference Fit(ReadOnlySpan<double> scores, int classCount, ReadOnlySpan<int> labels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, MulticlassProbabilityAccumulator.MaxClassCount);
        var k = classCount;
        CheckShape(scores, k, labels.Length, nameof(scores));
        ConfidenceBasedPerformanceEstimator.ValidateScores(scores, _options.Calibration, nameof(scores));
        var counts = new int[k];
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)k)
            {
                throw new ArgumentException($"Classes must lie in [0, {k}); labels[{i}] is {labels[i]}.", nameof(labels));
            }

            counts[labels[i]]++;
        }

        for (var c = 0; c < k; c++)
        {
            if (Math.Min(counts[c], labels.Length - counts[c]) < _options.MinimumClassCount)
            {
                throw new ArgumentException(
                    $"The reference holds {counts[c]} examples of class {c} out of {labels.Length}; calibration needs at least "
                    + $"{_options.MinimumClassCount} of it and of the rest (PerformanceEstimationOptions.MinimumClassCount).", nameof(labels));
            }
        }

        var calibrators = FitCalibrators(scores, k, labels, Enumerable.Range(0, labels.Length).ToArray());
        var calibration = CrossValidatedCalibration(scores, k, labels);
        var metrics = MulticlassClassificationMetrics.Compute(scores, k, Decide(scores, k), labels);
        return new MulticlassCbpeReference(calibrators, _options.Copy(), calibration, metrics);
    }

    /// <summary>Estimates a window's performance from its class scores.</summary>
    /// <param name="reference">The fitted reference.</param>
    /// <param name="scores">The window's class scores, row-major.</param>
    /// <param name="window">The window's name, for reports.</param>
    /// <param name="windowEnd">When the window ended, if known (used by time-based trends).</param>
    /// <returns>The estimate: accuracy and macro averages, <see cref="EstimatedPerformance.Estimator"/> =
    /// <see cref="EstimatorName"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> or <paramref name="window"/> is null.</exception>
    /// <exception cref="ArgumentException">The window is empty, its length is not a multiple of the class count, or a score
    /// is invalid (index named).</exception>
    /// <exception cref="PoorCalibrationException">The reference failed its calibration check.</exception>
    public EstimatedPerformance Estimate(
        MulticlassCbpeReference reference, ReadOnlySpan<double> scores, string window, DateTimeOffset? windowEnd = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(window);
        reference.EnsureCalibrationAcceptable();
        var k = reference.ClassCount;
        if (scores.IsEmpty || scores.Length % k != 0)
        {
            throw new ArgumentException(
                $"scores has {scores.Length} values; a window needs at least one prediction of {k} class scores.", nameof(scores));
        }

        ConfidenceBasedPerformanceEstimator.ValidateScores(scores, reference.Method, nameof(scores));
        var accumulator = new MulticlassProbabilityAccumulator(k, reference.Options.ProbabilityBins);
        var rowsPerChunk = Math.Max(1, 4096 / k);
        Span<double> probabilities = stackalloc double[rowsPerChunk * k];
        Span<int> predicted = stackalloc int[rowsPerChunk];
        var rows = scores.Length / k;
        for (var start = 0; start < rows; start += rowsPerChunk)
        {
            var count = Math.Min(rowsPerChunk, rows - start);
            for (var r = 0; r < count; r++)
            {
                var row = scores.Slice((start + r) * k, k);
                reference.Calibrate(row, probabilities.Slice(r * k, k));
                predicted[r] = ArgMax(row);
            }

            accumulator.Add(probabilities[..(count * k)], predicted[..count]);
        }

        var e = MulticlassConfidenceBasedPerformance.Estimate(accumulator, _options.ConfidenceLevel);
        const string Exact = "exact variance (categorical), normal band";
        const string Delta = "delta-method variance with the classes' covariances, normal band";
        const string Conservative = "mean of the classes' one-vs-rest standard errors (conservative), normal band";
        double resolution = 0;
        foreach (var c in e.PerClass)
        {
            resolution += c.RocAucResolution / k;
        }

        return new EstimatedPerformance
        {
            Window = window,
            WindowEnd = windowEnd,
            GeneratedAt = _timeProvider.GetUtcNow(),
            Estimator = EstimatorName,
            Method = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{reference.CalibratorDescription}; {k} classes, macro averages; decision: the highest score"),
            Count = e.Count,
            ConfidenceLevel = e.ConfidenceLevel,
            Metrics =
            [
                Value(EstimatedMetric.Accuracy, e.Accuracy, reference, Exact),
                Value(EstimatedMetric.Precision, e.MacroPrecision, reference, Exact),
                Value(EstimatedMetric.Recall, e.MacroRecall, reference, Delta),
                Value(EstimatedMetric.Specificity, e.MacroSpecificity, reference, Delta),
                Value(EstimatedMetric.F1, e.MacroF1, reference, Delta),
                Value(EstimatedMetric.RocAuc, e.MacroRocAuc, reference, Conservative),
            ],
            RocAucResolution = resolution,
            ReferenceCalibrationError = reference.WorstCalibrationError,
        };
    }

    /// <summary>Compares an estimate with the window's realised performance once its labels arrived.</summary>
    /// <param name="estimate">The estimate made before the labels arrived.</param>
    /// <param name="scores">The window's class scores, row-major (the same predictions that were estimated).</param>
    /// <param name="classCount">The number of classes.</param>
    /// <param name="labels">The window's actual classes.</param>
    /// <param name="alertMetrics">The metrics the alert watches; accuracy and macro F1 when <see langword="null"/>.</param>
    /// <returns>The comparison; <see cref="RealisedPerformanceComparison.IsAlert"/> when the estimator no longer holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimate"/> is null.</exception>
    /// <exception cref="ArgumentException">The lengths do not pair up, a score or class is invalid, or the estimate is not
    /// a multiclass CBPE estimate.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 2.</exception>
    public static RealisedPerformanceComparison CompareRealised(
        EstimatedPerformance estimate,
        ReadOnlySpan<double> scores,
        int classCount,
        ReadOnlySpan<int> labels,
        IReadOnlyCollection<EstimatedMetric>? alertMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (estimate.Estimator != EstimatorName)
        {
            throw new ArgumentException($"The estimate was made by {estimate.Estimator}, not {EstimatorName}.", nameof(estimate));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        CheckShape(scores, classCount, labels.Length, nameof(scores));
        var m = MulticlassClassificationMetrics.Compute(scores, classCount, Decide(scores, classCount), labels);
        var realised = new Dictionary<EstimatedMetric, double>
        {
            [EstimatedMetric.Accuracy] = m.Accuracy,
            [EstimatedMetric.Precision] = m.MacroPrecision,
            [EstimatedMetric.Recall] = m.MacroRecall,
            [EstimatedMetric.Specificity] = m.MacroSpecificity,
            [EstimatedMetric.F1] = m.MacroF1,
            [EstimatedMetric.RocAuc] = m.MacroRocAuc,
        };
        return RealisedPerformanceComparison.Create(estimate, realised, m.Count, alertMetrics ?? DefaultAlertMetrics);
    }

    /// <summary>Calibrates each class's score and divides by the row's sum (uniform when every calibrated value is 0).</summary>
    internal static void CalibrateRow(ScoreCalibrator[] calibrators, ReadOnlySpan<double> scores, Span<double> probabilities)
    {
        var total = 0.0;
        for (var c = 0; c < calibrators.Length; c++)
        {
            probabilities[c] = calibrators[c].Calibrate(scores[c]);
            total += probabilities[c];
        }

        for (var c = 0; c < calibrators.Length; c++)
        {
            probabilities[c] = total > 0 ? probabilities[c] / total : 1.0 / calibrators.Length;
        }
    }

    private static void CheckShape(ReadOnlySpan<double> scores, int classCount, int rows, string name)
    {
        if (rows == 0 || scores.Length != (long)rows * classCount)
        {
            throw new ArgumentException(
                $"scores has {scores.Length} values but {rows} labelled predictions of {classCount} classes need {(long)rows * classCount} "
                + "(and at least one prediction).", name);
        }
    }

    private static int ArgMax(ReadOnlySpan<double> row)
    {
        var best = 0;
        for (var c = 1; c < row.Length; c++)
        {
            best = row[c] > row[best] ? c : best;
        }

        return best;
    }

    private static int[] Decide(ReadOnlySpan<double> scores, int k)
    {
        var decisions = new int[scores.Length / k];
        for (var i = 0; i < decisions.Length; i++)
        {
            decisions[i] = ArgMax(scores.Slice(i * k, k));
        }

        return decisions;
    }

    private static EstimatedMetricValue Value(EstimatedMetric metric, BandedEstimate e, MulticlassCbpeReference reference, string method) =>
        new(metric, e.Estimate, e.StandardError, e.Lower, e.Upper, reference.ReferenceValue(metric), method);

    private ScoreCalibrator[] FitCalibrators(ReadOnlySpan<double> scores, int k, ReadOnlySpan<int> labels, int[] rows)
    {
        var calibrators = new ScoreCalibrator[k];
        var column = new double[rows.Length];
        var isClass = new bool[rows.Length];
        for (var c = 0; c < k; c++)
        {
            for (var r = 0; r < rows.Length; r++)
            {
                column[r] = scores[(rows[r] * k) + c];
                isClass[r] = labels[rows[r]] == c;
            }

            calibrators[c] = ScoreCalibrator.Fit(_options.Calibration, column, isClass);
            if (calibrators[c].Platt is { A: > 0 })
            {
                throw new ArgumentException(
                    $"Class {c}'s fitted calibration decreases with its score (Platt A > 0): higher scores mean less likely that class. "
                    + "Check that score column k belongs to class k.", nameof(labels));
            }
        }

        return calibrators;
    }

    // Every class's ECE (against the rest) of the normalised probabilities, each prediction calibrated by calibrators fitted
    // without its fold (interleaved folds: prediction i is in fold i mod folds).
    private CalibrationSummary[] CrossValidatedCalibration(ReadOnlySpan<double> scores, int k, ReadOnlySpan<int> labels)
    {
        var folds = _options.CalibrationFolds;
        var n = labels.Length;
        var probabilities = new double[n * k];
        for (var fold = 0; fold < folds; fold++)
        {
            var train = Enumerable.Range(0, n).Where(i => i % folds != fold).ToArray();
            var calibrators = FitCalibrators(scores, k, labels, train);
            for (var i = fold; i < n; i += folds)
            {
                CalibrateRow(calibrators, scores.Slice(i * k, k), probabilities.AsSpan(i * k, k));
            }
        }

        var summaries = new CalibrationSummary[k];
        var column = new double[n];
        var isClass = new bool[n];
        for (var c = 0; c < k; c++)
        {
            for (var i = 0; i < n; i++)
            {
                column[i] = probabilities[(i * k) + c];
                isClass[i] = labels[i] == c;
            }

            summaries[c] = CalibrationMetrics.Evaluate(column, isClass, _options.CalibrationBins);
        }

        return summaries;
    }
}
