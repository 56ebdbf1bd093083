namespace AiGovernance.Monitoring.PerformanceEstimation;

internal static class PerformanceEstimationDefaults
{
    public const CalibrationMethod Calibration = CalibrationMethod.Isotonic;
    public const double DecisionThreshold = 0.5;
    public const double ConfidenceLevel = 0.95;
    public const int ProbabilityBins = 1000;
    public const int CalibrationBins = 10;
    public const double MaximumCalibrationError = 0.03;
    public const int CalibrationFolds = 5;
    public const int MinimumClassCount = 20;
    public const int SplineKnots = 5;
    public const int MaximumCategories = 20;
}
