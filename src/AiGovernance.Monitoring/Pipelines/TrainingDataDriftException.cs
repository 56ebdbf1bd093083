using AiGovernance.Core;
using AiGovernance.Monitoring.Drift;

namespace AiGovernance.Monitoring.Pipelines;

/// <summary>Thrown by <see cref="DriftCheckComponent"/> when training data has drifted from its pinned reference.</summary>
public sealed class TrainingDataDriftException : AiGovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="report">The drift report that stopped the pipeline.</param>
    /// <param name="maximumDriftedShare">The largest share of drifted columns the step accepts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public TrainingDataDriftException(DataDriftReport report, double maximumDriftedShare)
        : base(Describe(report, maximumDriftedShare))
    {
        Report = report;
        MaximumDriftedShare = maximumDriftedShare;
    }

    /// <summary>The drift report.</summary>
    public DataDriftReport Report { get; }

    /// <summary>The largest share of drifted columns the step accepts.</summary>
    public double MaximumDriftedShare { get; }

    private static string Describe(DataDriftReport report, double maximumDriftedShare)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"The training data drifted from the pinned reference: {report.DriftedColumnCount} of {report.ColumnCount} columns " +
                $"({report.DriftedShare:P1}) drifted, above the accepted {maximumDriftedShare:P1}; severity {report.Severity}.");
    }
}
