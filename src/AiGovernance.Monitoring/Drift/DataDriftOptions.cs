using System.ComponentModel.DataAnnotations;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Drift;

/// <summary>How <see cref="DataDriftDetector"/> fits references and compares windows.</summary>
public sealed class DataDriftOptions
{
    /// <summary>References with at most this many present rows in a column are compared by statistical tests; larger ones by distances.</summary>
    /// <value>The default value is 1000.</value>
    [Range(1, int.MaxValue)]
    public int SmallReferenceRows { get; set; } = MonitoringDefaults.SmallReferenceRows;

    /// <summary>Numeric columns of a small reference need at least this many distinct values for Kolmogorov–Smirnov
    /// (two distinct values use the z-test, otherwise chi-squared over the values).</summary>
    /// <value>The default value is 6 (more than 5).</value>
    [Range(3, int.MaxValue)]
    public int MinimumDistinctForKolmogorovSmirnov { get; set; } = MonitoringDefaults.MinimumDistinctForKolmogorovSmirnov;

    /// <summary>The level corrected p-values are compared with.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(double.Epsilon, 0.5)]
    public double SignificanceLevel { get; set; } = MonitoringDefaults.SignificanceLevel;

    /// <summary>Normalised Wasserstein and Jensen–Shannon distances above this are drift.</summary>
    /// <value>The default value is 0.1.</value>
    [Range(double.Epsilon, double.MaxValue)]
    public double DistanceThreshold { get; set; } = MonitoringDefaults.DistanceThreshold;

    /// <summary>The multiple-testing correction applied across the p-values of one comparison
    /// (<see cref="MultipleTestingMethod.None"/> for none).</summary>
    /// <value>The default value is <see cref="MultipleTestingMethod.BenjaminiHochberg"/>.</value>
    [EnumDataType(typeof(MultipleTestingMethod))]
    public MultipleTestingMethod Correction { get; set; } = MultipleTestingMethod.BenjaminiHochberg;

    /// <summary>The dataset drifts when at least this share of the reference's columns drifted.</summary>
    /// <value>The default value is 0.5.</value>
    [Range(double.Epsilon, 1)]
    public double DriftShareThreshold { get; set; } = MonitoringDefaults.DriftShareThreshold;

    /// <summary>The number of quantile bins fitted on the reference for PSI.</summary>
    /// <value>The default value is 10.</value>
    [Range(2, DataDriftDetector.MaximumBins)]
    public int Bins { get; set; } = MonitoringDefaults.Bins;

    /// <summary>A change of the missing rate counts as drift only when significant (two-proportion z-test, corrected with
    /// the other p-values) and at least this large in absolute terms.</summary>
    /// <value>The default value is 0.01.</value>
    [Range(0.0, 1.0)]
    public double MinimumMissingRateChange { get; set; } = MonitoringDefaults.MinimumMissingRateChange;

    /// <summary>How many columns are compared at once.</summary>
    /// <value>The default value is 4.</value>
    [Range(1, 1024)]
    public int MaxDegreeOfParallelism { get; set; } = MonitoringDefaults.MaxDegreeOfParallelism;

    /// <summary>Per-column method overrides (column name → method); <see cref="DriftMethod.Auto"/> or absent means automatic.</summary>
    public IDictionary<string, DriftMethod> ColumnMethods { get; } = new Dictionary<string, DriftMethod>(StringComparer.Ordinal);
}
