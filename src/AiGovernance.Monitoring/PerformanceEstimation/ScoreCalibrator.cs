using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>A fitted score → probability map: isotonic, Platt or the identity.</summary>
internal sealed class ScoreCalibrator
{
    private readonly IsotonicRegression? _isotonic;
    private readonly PlattScaling? _platt;

    private ScoreCalibrator(CalibrationMethod method, IsotonicRegression? isotonic, PlattScaling? platt)
    {
        Method = method;
        _isotonic = isotonic;
        _platt = platt;
    }

    public CalibrationMethod Method { get; }

    public PlattScaling? Platt => _platt;

    /// <summary>Fits a calibrator; the scores are known finite, and in [0, 1] for <see cref="CalibrationMethod.None"/>.</summary>
    public static ScoreCalibrator Fit(CalibrationMethod method, ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        switch (method)
        {
            case CalibrationMethod.Isotonic:
                var targets = new double[labels.Length];
                for (var i = 0; i < targets.Length; i++)
                {
                    targets[i] = labels[i] ? 1 : 0;
                }

                return new ScoreCalibrator(method, IsotonicRegression.Fit(scores, targets), null);
            case CalibrationMethod.Platt:
                return new ScoreCalibrator(method, null, PlattScaling.Fit(scores, labels));
            default:
                return new ScoreCalibrator(CalibrationMethod.None, null, null);
        }
    }

    public double Calibrate(double score) => _isotonic is { } iso ? iso.Predict(score)
        : _platt is { } platt ? platt.Predict(score)
        : Math.Clamp(score, 0, 1);

    public void Calibrate(ReadOnlySpan<double> scores, Span<double> probabilities)
    {
        if (_isotonic is { } iso)
        {
            iso.Predict(scores, probabilities);
        }
        else if (_platt is { } platt)
        {
            platt.Predict(scores, probabilities);
        }
        else
        {
            for (var i = 0; i < scores.Length; i++)
            {
                probabilities[i] = Math.Clamp(scores[i], 0, 1);
            }
        }
    }

    public string DescribeMethod() => Method switch
    {
        CalibrationMethod.Isotonic => "isotonic regression",
        CalibrationMethod.Platt => "Platt scaling",
        _ => "no calibration",
    };

    public string Describe() => Method switch
    {
        CalibrationMethod.Isotonic => $"isotonic regression ({_isotonic!.XThresholds.Length} thresholds)",
        CalibrationMethod.Platt => FormattableString.Invariant($"Platt scaling (A = {_platt!.A:G6}, B = {_platt.B:G6})"),
        _ => "none (scores used as probabilities)",
    };
}
