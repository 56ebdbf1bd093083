using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>A classifier's labelled reference prepared for confidence-based performance estimation (CBPE): the fitted
/// calibrator, how well it calibrates, and the performance realised on the reference.</summary>
/// <remarks>Created by <see cref="ConfidenceBasedPerformanceEstimator.Fit"/>; immutable and thread-safe, so one
/// reference serves every window.</remarks>
public sealed class CbpeReference
{
    private readonly ScoreCalibrator _calibrator;

    internal CbpeReference(
        ScoreCalibrator calibrator,
        PerformanceEstimationOptions options,
        CalibrationSummary calibration,
        CalibrationSummary? rawScoreCalibration,
        BinaryClassificationMetrics metrics)
    {
        _calibrator = calibrator;
        Options = options;
        Calibration = calibration;
        RawScoreCalibration = rawScoreCalibration;
        Metrics = metrics;
    }

    /// <summary>How the scores are calibrated.</summary>
    public CalibrationMethod Method => _calibrator.Method;

    /// <summary>The calibrator in words, for reports (for example "isotonic regression (57 thresholds)").</summary>
    public string CalibratorDescription => _calibrator.Describe();

    /// <summary>The decision threshold on the score.</summary>
    public double DecisionThreshold => Options.DecisionThreshold;

    /// <summary>Labelled examples in the reference.</summary>
    public long Count => Metrics.Count;

    /// <summary>Calibration quality of the calibrated probabilities on the reference, measured on predictions the
    /// calibrator was not fitted on (<see cref="CalibrationFolds"/>-fold cross-validation with interleaved folds).</summary>
    public CalibrationSummary Calibration { get; }

    /// <summary>Calibration quality of the raw scores when they are probabilities (all in [0, 1]); otherwise
    /// <see langword="null"/>.</summary>
    public CalibrationSummary? RawScoreCalibration { get; }

    /// <summary>The folds of the calibration check.</summary>
    public int CalibrationFolds => Options.CalibrationFolds;

    /// <summary>The largest acceptable <see cref="CalibrationSummary.ExpectedCalibrationError"/>.</summary>
    public double MaximumCalibrationError => Options.MaximumCalibrationError;

    /// <summary>Whether the calibration check passed, so windows can be estimated.</summary>
    public bool IsCalibrationAcceptable => Calibration.ExpectedCalibrationError <= Options.MaximumCalibrationError;

    /// <summary>The performance realised on the reference (the baseline estimated windows are compared with).</summary>
    public BinaryClassificationMetrics Metrics { get; }

    internal PerformanceEstimationOptions Options { get; }

    internal ScoreCalibrator Calibrator => _calibrator;

    /// <summary>The realised reference value of a classification metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The value; NaN for a regression metric.</returns>
    public double ReferenceValue(EstimatedMetric metric) => metric switch
    {
        EstimatedMetric.Accuracy => Metrics.Accuracy,
        EstimatedMetric.Precision => Metrics.Precision,
        EstimatedMetric.Recall => Metrics.Recall,
        EstimatedMetric.Specificity => Metrics.Specificity,
        EstimatedMetric.F1 => Metrics.F1,
        EstimatedMetric.RocAuc => Metrics.RocAuc,
        _ => double.NaN,
    };

    /// <summary>Throws <see cref="PoorCalibrationException"/> unless <see cref="IsCalibrationAcceptable"/>.</summary>
    /// <exception cref="PoorCalibrationException">The calibration check failed.</exception>
    public void EnsureCalibrationAcceptable()
    {
        if (!IsCalibrationAcceptable)
        {
            throw new PoorCalibrationException(this);
        }
    }
}
