using System.ComponentModel.DataAnnotations;
using AiGovernance.Core;

namespace AiGovernance.Monitoring.Fairness;

/// <summary>The limits a <see cref="FairnessMonitor"/> holds production decisions to.</summary>
public sealed class FairnessLimits
{
    /// <summary>The largest allowed demographic-parity difference (max − min selection rate across groups).</summary>
    /// <value>The default value is 0.1.</value>
    [Range(0.0, 1.0)]
    public double MaxDemographicParityDifference { get; set; } = 0.1;

    /// <summary>The largest allowed equalized-odds difference (the larger of the TPR and FPR gaps).</summary>
    /// <value>The default value is 0.1.</value>
    [Range(0.0, 1.0)]
    public double MaxEqualizedOddsDifference { get; set; } = 0.1;

    /// <summary>The smallest allowed disparate-impact ratio against the reference group (the four-fifths rule).</summary>
    /// <value>The default value is 0.8.</value>
    [Range(0.0, 1.0)]
    public double MinDisparateImpactRatio { get; set; } = 0.8;

    /// <summary>The severity of the drift event raised when a limit is broken.</summary>
    /// <value>The default value is <see cref="Severity.High"/>.</value>
    [EnumDataType(typeof(Severity))]
    public Severity ViolationSeverity { get; set; } = Severity.High;
}
