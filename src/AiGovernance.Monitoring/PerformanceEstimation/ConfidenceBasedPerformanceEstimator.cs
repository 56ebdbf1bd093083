using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>Confidence-based performance estimation (CBPE) for binary classifiers: calibrates the model's scores on a
/// labelled reference, checks that calibration, and estimates accuracy, precision, recall, specificity, F1, ROC AUC and
/// the expected confusion matrix of windows whose labels have not arrived — each with a sampling-error band.</summary>
/// <remarks>
/// <para><b>Assumptions.</b> The estimate is right when (1) the calibrated probabilities are calibrated — checked on the
/// reference by cross-validation, refusing with <see cref="PoorCalibrationException"/> above
/// <see cref="PerformanceEstimationOptions.MaximumCalibrationError"/> — and (2) only the inputs' distribution moved since
/// the reference (covariate shift): P(y | x) is unchanged. Under concept shift the estimate is biased; comparing it with
/// the realised values once labels arrive (<see cref="CompareRealised"/>)
/// detects that.</para>
/// <para><b>Numbers</b> come from <see cref="ConfidenceBasedPerformance"/> (AiGovernance.Statistics): ratios of expected
/// counts, analytic bands (exact Poisson-binomial variances for the confusion counts, accuracy and precision; delta method
/// for recall, specificity, F1 and ROC AUC).</para>
/// <para><b>Cost.</b> Fitting sorts the reference (isotonic) or runs Newton's method (Platt) and repeats the fit once per
/// calibration fold. A window is calibrated and binned in one pass, O(n log t) for t isotonic thresholds, into
/// <see cref="PerformanceEstimationOptions.ProbabilityBins"/> bins: memory O(bins), not O(n). Immutable and
/// thread-safe.</para>
/// </remarks>
public sealed class ConfidenceBasedPerformanceEstimator
{
    private static readonly EstimatedMetric[] DefaultAlertMetrics = [EstimatedMetric.Accuracy, EstimatedMetric.RocAuc];
    private readonly PerformanceEstimationOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an estimator with the default settings.</summary>
    public ConfidenceBasedPerformanceEstimator()
        : this(new PerformanceEstimationOptions())
    {
    }

    /// <summary>Creates an estimator.</summary>
    /// <param name="options">The settings; copied and validated.</param>
    /// <param name="timeProvider">Stamps the estimates; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is out of range or invalid; the message lists every broken rule.</exception>
    public ConfidenceBasedPerformanceEstimator(PerformanceEstimationOptions options, TimeProvider? timeProvider = null)
    {
        OptionsGuard.ThrowIfInvalid(options, nameof(options), PerformanceEstimationOptionsValidator.Instance,
            PerformanceEstimationOptionsCustomValidator.Instance);
        _options = options.Copy();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Fits the calibrator on labelled reference predictions and measures its calibration.</summary>
    /// <param name="scores">The model's scores on the reference; finite (and in [0, 1] without calibration).</param>
    /// <param name="labels">The reference outcomes.</param>
    /// <returns>The reference. Its <see cref="CbpeReference.IsCalibrationAcceptable"/> tells whether windows can be
    /// estimated; estimating from a reference that failed throws <see cref="PoorCalibrationException"/>.</returns>
    /// <exception cref="ArgumentException">The lengths differ, a score is invalid (index named), the reference holds
    /// fewer than <see cref="PerformanceEstimationOptions.MinimumClassCount"/> examples of a class, or the calibration
    /// decreases with the score (higher scores meaning less likely positive: check which class is positive).</exception>
    public CbpeReference Fit(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        ValidateScores(scores, _options.Calibration, nameof(scores));
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"labels has {labels.Length} values but scores has {scores.Length}; they must pair up.", nameof(labels));
        }

        var positives = 0;
        foreach (var label in labels)
        {
            positives += label ? 1 : 0;
        }

        var minority = Math.Min(positives, labels.Length - positives);
        if (minority < _options.MinimumClassCount)
        {
            throw new ArgumentException(
                $"The reference holds {positives} positive and {labels.Length - positives} negative examples; calibration needs at least "
                + $"{_options.MinimumClassCount} of each (PerformanceEstimationOptions.MinimumClassCount).", nameof(labels));
        }

        var calibrator = ScoreCalibrator.Fit(_options.Calibration, scores, labels);
        if (calibrator.Platt is { A: > 0 })
        {
            throw new ArgumentException(
                "The fitted calibration decreases with the score (Platt A > 0): higher scores mean less likely positive. "
                + "Check that the labels mark the class the scores are for.", nameof(labels));
        }

        var crossValidated = CrossValidatedProbabilities(scores, labels);
        var calibration = CalibrationMetrics.Evaluate(crossValidated, labels, _options.CalibrationBins);
        CalibrationSummary? raw = null;
        if (AllProbabilities(scores))
        {
            raw = CalibrationMetrics.Evaluate(scores, labels, _options.CalibrationBins);
        }

        var decisions = Decide(scores);
        var metrics = BinaryClassificationMetrics.Compute(scores, decisions, labels);
        return new CbpeReference(calibrator, _options.Copy(), calibration, raw, metrics);
    }

    /// <summary>Creates an empty accumulator for one window (O(bins) memory).</summary>
    /// <param name="reference">The fitted reference.</param>
    /// <returns>The accumulator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    public static CbpeAccumulator CreateAccumulator(CbpeReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new CbpeAccumulator(reference);
    }

    /// <summary>Estimates a window's performance from its scores.</summary>
    /// <param name="reference">The fitted reference.</param>
    /// <param name="scores">The window's scores.</param>
    /// <param name="window">The window's name, for reports.</param>
    /// <param name="windowEnd">When the window ended, if known (used by time-based trends).</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> or <paramref name="window"/> is null.</exception>
    /// <exception cref="ArgumentException">A score is invalid (index named) or the window is empty.</exception>
    /// <exception cref="PoorCalibrationException">The reference failed its calibration check.</exception>
    public EstimatedPerformance Estimate(CbpeReference reference, ReadOnlySpan<double> scores, string window, DateTimeOffset? windowEnd = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        reference.EnsureCalibrationAcceptable();
        var accumulator = new CbpeAccumulator(reference);
        accumulator.Add(scores);
        return Estimate(accumulator, window, windowEnd);
    }

    /// <summary>Estimates a window's performance from an accumulator.</summary>
    /// <param name="accumulator">The window's accumulated scores.</param>
    /// <param name="window">The window's name, for reports.</param>
    /// <param name="windowEnd">When the window ended, or <see langword="null"/> when unknown.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="accumulator"/> or <paramref name="window"/> is null.</exception>
    /// <exception cref="ArgumentException">The accumulator is empty.</exception>
    /// <exception cref="PoorCalibrationException">The reference failed its calibration check.</exception>
    public EstimatedPerformance Estimate(CbpeAccumulator accumulator, string window, DateTimeOffset? windowEnd)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(window);
        var reference = accumulator.Reference;
        reference.EnsureCalibrationAcceptable();
        if (accumulator.Count == 0)
        {
            throw new ArgumentException("The window holds no predictions; there is nothing to estimate.", nameof(accumulator));
        }

        var e = ConfidenceBasedPerformance.Estimate(accumulator.Histogram, _options.ConfidenceLevel);
        const string Exact = "exact variance (Poisson binomial), normal band";
        const string Delta = "delta-method variance, normal band";
        return new EstimatedPerformance
        {
            Window = window,
            WindowEnd = windowEnd,
            GeneratedAt = _timeProvider.GetUtcNow(),
            Estimator = "CBPE",
            Method = reference.CalibratorDescription + "; decision threshold "
                + reference.DecisionThreshold.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
            Count = e.Count,
            ConfidenceLevel = e.ConfidenceLevel,
            Metrics =
            [
                Value(EstimatedMetric.Accuracy, e.Accuracy, reference, Exact),
                Value(EstimatedMetric.Precision, e.Precision, reference, Exact),
                Value(EstimatedMetric.Recall, e.Recall, reference, Delta),
                Value(EstimatedMetric.Specificity, e.Specificity, reference, Delta),
                Value(EstimatedMetric.F1, e.F1, reference, Delta),
                Value(EstimatedMetric.RocAuc, e.RocAuc, reference, Delta),
            ],
            ExpectedConfusion = new ExpectedConfusionMatrix(e.TruePositives, e.FalsePositives, e.FalseNegatives, e.TrueNegatives),
            RocAucResolution = e.RocAucResolution,
            ReferenceCalibrationError = reference.Calibration.ExpectedCalibrationError,
        };
    }

    /// <summary>Compares an estimate with the window's realised performance once its labels arrived.</summary>
    /// <param name="estimate">The estimate made before the labels arrived.</param>
    /// <param name="scores">The window's scores (the same predictions that were estimated).</param>
    /// <param name="labels">The window's outcomes.</param>
    /// <param name="alertMetrics">The metrics the alert watches; accuracy and ROC AUC when <see langword="null"/>.</param>
    /// <returns>The comparison; <see cref="RealisedPerformanceComparison.IsAlert"/> when the estimator no longer holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimate"/> is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ, a score is invalid, or the estimate is not a CBPE estimate.</exception>
    public RealisedPerformanceComparison CompareRealised(
        EstimatedPerformance estimate,
        ReadOnlySpan<double> scores,
        ReadOnlySpan<bool> labels,
        IReadOnlyCollection<EstimatedMetric>? alertMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (estimate.Estimator != "CBPE")
        {
            throw new ArgumentException($"The estimate was made by {estimate.Estimator}, not CBPE.", nameof(estimate));
        }

        ValidateScores(scores, CalibrationMethod.Isotonic, nameof(scores));
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"labels has {labels.Length} values but scores has {scores.Length}; they must pair up.", nameof(labels));
        }

        var m = BinaryClassificationMetrics.Compute(scores, Decide(scores), labels);
        var realised = new Dictionary<EstimatedMetric, double>
        {
            [EstimatedMetric.Accuracy] = m.Accuracy,
            [EstimatedMetric.Precision] = m.Precision,
            [EstimatedMetric.Recall] = m.Recall,
            [EstimatedMetric.Specificity] = m.Specificity,
            [EstimatedMetric.F1] = m.F1,
            [EstimatedMetric.RocAuc] = m.RocAuc,
        };
        return RealisedPerformanceComparison.Create(estimate, realised, m.Count, alertMetrics ?? DefaultAlertMetrics);
    }

    internal static void ValidateScores(ReadOnlySpan<double> scores, CalibrationMethod method, string name)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (!double.IsFinite(s))
            {
                throw new ArgumentException($"Score {i} is {s}; scores must be finite (drop predictions without a score first).", name);
            }

            if (method == CalibrationMethod.None && !(s >= 0 && s <= 1))
            {
                throw new ArgumentException($"Score {i} is {s}; without calibration the scores must be probabilities in [0, 1].", name);
            }
        }
    }

    private static EstimatedMetricValue Value(EstimatedMetric metric, BandedEstimate e, CbpeReference reference, string method) =>
        new(metric, e.Estimate, e.StandardError, e.Lower, e.Upper, reference.ReferenceValue(metric), method);

    private static bool AllProbabilities(ReadOnlySpan<double> scores)
    {
        foreach (var s in scores)
        {
            if (!(s >= 0 && s <= 1))
            {
                return false;
            }
        }

        return true;
    }

    private bool[] Decide(ReadOnlySpan<double> scores)
    {
        var decisions = new bool[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            decisions[i] = scores[i] >= _options.DecisionThreshold;
        }

        return decisions;
    }

    // Each example's probability from a calibrator fitted without its fold (interleaved folds: example i is in fold i mod k).
    private double[] CrossValidatedProbabilities(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var k = _options.CalibrationFolds;
        var result = new double[scores.Length];
        var trainScores = new double[scores.Length];
        var trainLabels = new bool[scores.Length];
        for (var fold = 0; fold < k; fold++)
        {
            var count = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                if (i % k != fold)
                {
                    trainScores[count] = scores[i];
                    trainLabels[count++] = labels[i];
                }
            }

            var calibrator = ScoreCalibrator.Fit(_options.Calibration, trainScores.AsSpan(0, count), trainLabels.AsSpan(0, count));
            for (var i = fold; i < scores.Length; i += k)
            {
                result[i] = calibrator.Calibrate(scores[i]);
            }
        }

        return result;
    }
}
