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

    /// <summary>Creates the exception for a multiclass reference that failed the calibration check for some class.</summary>
    /// <param name="reference">The reference.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    public PoorCalibrationException(MulticlassCbpeReference reference)
        : base(Describe(reference))
    {
        MulticlassReference = reference;
    }

    /// <summary>The binary reference whose calibration failed, with its reliability diagram; <see langword="null"/> when a
    /// multiclass reference failed.</summary>
    public CbpeReference? Reference { get; }

    /// <summary>The multiclass reference whose calibration failed, with each class's reliability diagram;
    /// <see langword="null"/> when a binary reference failed.</summary>
    public MulticlassCbpeReference? MulticlassReference { get; }

    private static string Describe(CbpeReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Explain("the calibrated probabilities'", reference.Calibration.ExpectedCalibrationError, reference.CalibrationFolds,
            reference.Calibration.Binning, reference.MaximumCalibrationError);
    }

    private static string Describe(MulticlassCbpeReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var worst = 0;
        for (var k = 1; k < reference.ClassCount; k++)
        {
            worst = reference.Calibration[k].ExpectedCalibrationError > reference.Calibration[worst].ExpectedCalibrationError ? k : worst;
        }

        return Explain(
            string.Create(CultureInfo.InvariantCulture, $"class {worst}'s (one-vs-rest, the worst of {reference.ClassCount} classes)"),
            reference.WorstCalibrationError, reference.CalibrationFolds, reference.Calibration[worst].Binning, reference.MaximumCalibrationError);
    }

    private static string Explain(string subject, double error, int folds, string binning, double limit)
    {
        var c = CultureInfo.InvariantCulture;
        return "Refusing to estimate performance without labels: on the reference, " + subject + " expected calibration error is "
            + error.ToString("F4", c) + " (" + folds.ToString(c) + "-fold cross-validated, " + binning + "), above the limit of "
            + limit.ToString("F4", c)
            + ". Confidence-based estimates are only as good as the probabilities they start from: use another calibration method or a "
            + "larger reference, or raise PerformanceEstimationOptions.MaximumCalibrationError knowingly.";
    }
}
