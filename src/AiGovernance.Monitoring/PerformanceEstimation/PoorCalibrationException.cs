using System.Globalization;
using AiGovernance.Core;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>Thrown when performance would be estimated from a classifier whose calibrated probabilities are, on the
/// labelled reference, worse calibrated than <see cref="PerformanceEstimationOptions.MaximumCalibrationError"/> allows:
/// confidence-based estimates from such probabilities would be biased.</summary>
public sealed class PoorCalibrationException : AiGovernanceException
{
    /// <summary>Creates the exception for a reference that failed the calibration check.</summary>
    /// <param name="reference">The reference.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    public PoorCalibrationException(CbpeReference reference)
        : base(Describe(reference))
    {
        Reference = reference;
    }

    /// <summary>The reference whose calibration failed, with its reliability diagram.</summary>
    public CbpeReference Reference { get; }

    private static string Describe(CbpeReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var c = CultureInfo.InvariantCulture;
        return "Refusing to estimate performance without labels: on the reference, the calibrated probabilities' expected calibration error is "
            + reference.Calibration.ExpectedCalibrationError.ToString("F4", c) + " (" + reference.CalibrationFolds.ToString(c)
            + "-fold cross-validated, " + reference.Calibration.Binning + "), above the limit of "
            + reference.MaximumCalibrationError.ToString("F4", c)
            + ". Confidence-based estimates are only as good as the probabilities they start from: use another calibration method or a larger "
            + "reference, or raise "
            + "PerformanceEstimationOptions.MaximumCalibrationError knowingly.";
    }
}
