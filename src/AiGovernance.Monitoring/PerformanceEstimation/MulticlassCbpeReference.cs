using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>A multiclass classifier's labelled reference prepared for one-vs-rest confidence-based performance
/// estimation: a calibrator per class, how well the normalised calibrated probabilities calibrate each class, and the
/// performance realised on the reference.</summary>
/// <remarks>Created by <see cref="MulticlassConfidenceBasedPerformanceEstimator.Fit"/>; immutable and thread-safe, so one
/// reference serves every window.</remarks>
public sealed class MulticlassCbpeReference
{
    private readonly ScoreCalibrator[] _calibrators;

    internal MulticlassCbpeReference(
        ScoreCalibrator[] calibrators,
        PerformanceEstimationOptions options,
        IReadOnlyList<CalibrationSummary> calibration,
        MulticlassClassificationMetrics metrics)
    {
        _calibrators = calibrators;
        Options = options;
        Calibration = calibration;
        Metrics = metrics;
        var worst = 0.0;
        foreach (var c in calibration)
        {
            worst = Math.Max(worst, c.ExpectedCalibrationError);
        }

        WorstCalibrationError = worst;
    }

    /// <summary>The number of classes.</summary>
    public int ClassCount => _calibrators.Length;

    /// <summary>How each class's scores are calibrated (one-vs-rest) before the row is normalised to sum to 1.</summary>
    public CalibrationMethod Method => Options.Calibration;

    /// <summary>The calibrators in words, for reports.</summary>
    public string CalibratorDescription => $"one-vs-rest, {_calibrators[0].DescribeMethod()} per class, rows normalised";

    /// <summary>Labelled examples in the reference.</summary>
    public long Count => Metrics.Count;

    /// <summary>Each class's calibration quality (class k against the rest) of the normalised calibrated probabilities on
    /// the reference, measured on predictions the calibrators were not fitted on (<see cref="CalibrationFolds"/>-fold
    /// cross-validation with interleaved folds); index k is class k.</summary>
    public IReadOnlyList<CalibrationSummary> Calibration { get; }

    /// <summary>The largest of the classes' expected calibration errors: the one the check compares with the limit.</summary>
    public double WorstCalibrationError { get; }

    /// <summary>The folds of the calibration check.</summary>
    public int CalibrationFolds => Options.CalibrationFolds;

    /// <summary>The largest acceptable expected calibration error of any class.</summary>
    public double MaximumCalibrationError => Options.MaximumCalibrationError;

    /// <summary>Whether every class passed the calibration check, so windows can be estimated.</summary>
    public bool IsCalibrationAcceptable => WorstCalibrationError <= Options.MaximumCalibrationError;

    /// <summary>The performance realised on the reference (the baseline estimated windows are compared with).</summary>
    public MulticlassClassificationMetrics Metrics { get; }

    internal PerformanceEstimationOptions Options { get; }

    /// <summary>The realised reference value of a classification metric (macro averages, as estimated).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The value; NaN for a regression metric.</returns>
    public double ReferenceValue(EstimatedMetric metric) => metric switch
    {
        EstimatedMetric.Accuracy => Metrics.Accuracy,
        EstimatedMetric.Precision => Metrics.MacroPrecision,
        EstimatedMetric.Recall => Metrics.MacroRecall,
        EstimatedMetric.Specificity => Metrics.MacroSpecificity,
        EstimatedMetric.F1 => Metrics.MacroF1,
        EstimatedMetric.RocAuc => Metrics.MacroRocAuc,
        _ => double.NaN,
    };

    /// <summary>Throws <see cref="PoorCalibrationException"/> unless <see cref="IsCalibrationAcceptable"/>.</summary>
    /// <exception cref="PoorCalibrationException">The calibration check failed for at least one class.</exception>
    public void EnsureCalibrationAcceptable()
    {
        if (!IsCalibrationAcceptable)
        {
            throw new PoorCalibrationException(this);
        }
    }

    /// <summary>Calibrates one prediction's class scores into probabilities that sum to 1.</summary>
    internal void Calibrate(ReadOnlySpan<double> scores, Span<double> probabilities) =>
        MulticlassConfidenceBasedPerformanceEstimator.CalibrateRow(_calibrators, scores, probabilities);
}
