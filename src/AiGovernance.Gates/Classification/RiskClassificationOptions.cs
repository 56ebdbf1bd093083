using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Gates.Classification;

/// <summary>Options of the <see cref="RiskClassifier"/>.</summary>
public sealed class RiskClassificationOptions
{
    /// <summary>Whether the EU AI Act rules are applied to use cases deployed only outside the EU/EEA (a group-wide policy).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ApplyEuAiActOutsideEu { get; set; }

    /// <summary>The dates of application of the Act's provisions.</summary>
    /// <value>The default value holds the dates of Art. 113 of Regulation (EU) 2024/1689.</value>
    [Required]
    public EuAiActApplicationDates ApplicationDates { get; set; } = new();
}
