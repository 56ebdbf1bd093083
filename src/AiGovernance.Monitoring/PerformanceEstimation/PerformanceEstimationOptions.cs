using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>Settings of label-free performance estimation (CBPE for classifiers, DLE for regressors).</summary>
/// <remarks>Checked by the estimators' constructors with the generated <c>PerformanceEstimationOptionsValidator</c> (ranges) and
/// <c>PerformanceEstimationOptionsCustomValidator</c> (a defined calibration method, a finite threshold); every broken rule is
/// listed.</remarks>
public sealed class PerformanceEstimationOptions
{
    /// <summary>How classifier scores are calibrated on the reference.</summary>
    /// <value>The default value is <see cref="CalibrationMethod.Isotonic"/>.</value>
    public CalibrationMethod Calibration { get; set; } = PerformanceEstimationDefaults.Calibration;

    /// <summary>The classifier decides "positive" when its score is at least this value.</summary>
    /// <value>The default value is 0.5.</value>
    public double DecisionThreshold { get; set; } = PerformanceEstimationDefaults.DecisionThreshold;

    /// <summary>The two-sided coverage of every band.</summary>
    /// <value>The default value is 0.95.</value>
    [Range(0.5, 0.9999)]
    public double ConfidenceLevel { get; set; } = PerformanceEstimationDefaults.ConfidenceLevel;

    /// <summary>Equal-width bins of calibrated probability a window is summarised in (memory per window is O(bins));
    /// only the ROC AUC's resolution depends on it.</summary>
    /// <value>The default value is 1000.</value>
    [Range(10, 1_000_000)]
    public int ProbabilityBins { get; set; } = PerformanceEstimationDefaults.ProbabilityBins;

    /// <summary>Equal-width bins of the reliability diagram and of the expected calibration error.</summary>
    /// <value>The default value is 10.</value>
    [Range(2, 100)]
    public int CalibrationBins { get; set; } = PerformanceEstimationDefaults.CalibrationBins;

    /// <summary>The largest cross-validated expected calibration error on the reference at which estimates are still
    /// made; above it estimation is refused with a <see cref="PoorCalibrationException"/>.</summary>
    /// <value>The default value is 0.03.</value>
    /// <remarks>Miscalibration biases the estimates by up to about the calibration error itself (an estimated accuracy is
    /// an average of calibrated probabilities), and that bias is not in the bands. Even perfectly calibrated
    /// probabilities show a cross-validated ECE of roughly 0.8·√(bins / (4·n)) from sampling noise — about 0.018 for
    /// n = 5,000 reference rows and 10 bins, 0.028 for n = 2,000 — so a tight limit needs a large reference.</remarks>
    [Range(0.001, 1)]
    public double MaximumCalibrationError { get; set; } = PerformanceEstimationDefaults.MaximumCalibrationError;

    /// <summary>Folds of the cross-validation that measures the calibrator on predictions it was not fitted on.</summary>
    /// <value>The default value is 5.</value>
    [Range(2, 20)]
    public int CalibrationFolds { get; set; } = PerformanceEstimationDefaults.CalibrationFolds;

    /// <summary>The reference must hold at least this many labelled examples of each class.</summary>
    /// <value>The default value is 20.</value>
    [Range(2, 1_000_000)]
    public int MinimumClassCount { get; set; } = PerformanceEstimationDefaults.MinimumClassCount;

    /// <summary>Spline knots per numeric feature of the direct loss estimator's learner (at the reference quantiles
    /// k/(knots + 1)).</summary>
    /// <value>The default value is 5.</value>
    [Range(0, 50)]
    public int SplineKnots { get; set; } = PerformanceEstimationDefaults.SplineKnots;

    /// <summary>The most frequent categories of a categorical feature that get their own indicator in the direct loss
    /// estimator's learner; rarer ones share one.</summary>
    /// <value>The default value is 20.</value>
    [Range(1, 1000)]
    public int MaximumCategories { get; set; } = PerformanceEstimationDefaults.MaximumCategories;

    internal PerformanceEstimationOptions Copy() => new()
    {
        Calibration = Calibration,
        DecisionThreshold = DecisionThreshold,
        ConfidenceLevel = ConfidenceLevel,
        ProbabilityBins = ProbabilityBins,
        CalibrationBins = CalibrationBins,
        MaximumCalibrationError = MaximumCalibrationError,
        CalibrationFolds = CalibrationFolds,
        MinimumClassCount = MinimumClassCount,
        SplineKnots = SplineKnots,
        MaximumCategories = MaximumCategories,
    };
}
