namespace AiGovernance.Statistics;

/// <summary>How well predicted probabilities match observed outcomes: Brier score, expected and maximum calibration
/// error and the reliability-diagram data they come from.</summary>
/// <param name="Count">How many predictions were evaluated.</param>
/// <param name="BrierScore">Mean of (p − y)² (scikit-learn <c>brier_score_loss</c>); 0 is perfect.</param>
/// <param name="ExpectedCalibrationError">Σ over bins of (bin count / n)·|observed rate − mean predicted|.</param>
/// <param name="MaximumCalibrationError">The largest |observed rate − mean predicted| over non-empty bins.</param>
/// <param name="Bins">The reliability diagram: every bin in order, empty ones included.</param>
public sealed record CalibrationSummary(
    long Count,
    double BrierScore,
    double ExpectedCalibrationError,
    double MaximumCalibrationError,
    IReadOnlyList<ReliabilityBin> Bins)
{
    /// <summary>How the bins were formed, for reports.</summary>
    public string Binning => $"{Bins.Count} equal-width bins on [0, 1], right-closed (the first also holds 0)";
}
