using AiGovernance.Monitoring.PerformanceEstimation;
using AiGovernance.Reporting.Json;

namespace AiGovernance.Reporting.Drift;

/// <summary>One production week of label-free performance estimation: the accuracy estimated from the predicted
/// probabilities alone when the week closed, and the accuracy the outcomes showed once they arrived.</summary>
/// <remarks>Undefined numbers are <see langword="null"/> with the reason in <see cref="NullReasons"/> (for example a week
/// whose outcomes have not arrived has no realised accuracy).</remarks>
public sealed class DriftEstimationWeek
{
    /// <summary>The week's label, for example "2026-W31".</summary>
    public required string Week { get; init; }

    /// <summary>When the week ended.</summary>
    public DateTimeOffset End { get; init; }

    /// <summary>Predictions made in the week.</summary>
    public long Predictions { get; init; }

    /// <summary>The label-free estimate of accuracy.</summary>
    public double? EstimatedAccuracy { get; init; }

    /// <summary>The estimate's band, lower bound.</summary>
    public double? Lower { get; init; }

    /// <summary>The estimate's band, upper bound.</summary>
    public double? Upper { get; init; }

    /// <summary>The accuracy the outcomes showed.</summary>
    public double? RealisedAccuracy { get; init; }

    /// <summary>Whether the realised accuracy fell inside the band.</summary>
    public bool InsideBand { get; init; }

    /// <summary>The week at whose end the outcomes are known.</summary>
    public string LabelsArrive { get; init; } = string.Empty;

    /// <summary>Whether the gap between realised and estimated performance raised an alert (on any watched metric).</summary>
    public bool GapAlert { get; init; }

    /// <summary>Why each <see langword="null"/> number is undefined; <see langword="null"/> when all are defined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes one week's comparison of realised with estimated performance.</summary>
    /// <param name="week">The week's label.</param>
    /// <param name="end">When the week ended.</param>
    /// <param name="predictions">Predictions made in the week.</param>
    /// <param name="comparison">The realised performance against the estimate.</param>
    /// <param name="labelsArrive">The week at whose end the outcomes are known.</param>
    /// <returns>The week as a report shows it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparison"/> or <paramref name="labelsArrive"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="week"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="predictions"/> is negative.</exception>
    public static DriftEstimationWeek From(string week, DateTimeOffset end, long predictions, RealisedPerformanceComparison comparison,
        string labelsArrive)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(week);
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(labelsArrive);
        ArgumentOutOfRangeException.ThrowIfNegative(predictions);
        var a = comparison.Get(EstimatedMetric.Accuracy);
        var r = new NullReasons();
        return new DriftEstimationWeek
        {
            Week = week,
            End = end,
            Predictions = predictions,
            EstimatedAccuracy = r.Value(a.Estimated, "estimatedAccuracy", "not computed: no predictions in the week"),
            Lower = r.Value(a.Lower, "lower", "not computed: no band without predictions"),
            Upper = r.Value(a.Upper, "upper", "not computed: no band without predictions"),
            RealisedAccuracy = r.Value(a.Realised, "realisedAccuracy", "not computed: no outcomes for the week"),
            InsideBand = !a.IsOutsideBand,
            LabelsArrive = labelsArrive,
            GapAlert = comparison.IsAlert,
            NullReasons = r.Result,
        };
    }
}
