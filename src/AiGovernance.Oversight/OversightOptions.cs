using System.ComponentModel.DataAnnotations;
using AiGovernance.Oversight.Analysis;
using Microsoft.Extensions.Options;

namespace AiGovernance.Oversight;

/// <summary>Options of review routing, audit sampling, the independent-review protocol and override analysis.</summary>
public sealed class OversightOptions
{
    /// <summary>Cases whose maximum class probability is strictly below this go to human review.</summary>
    /// <value>The default value is 0.75 (confidence-threshold routing: a case the model is less than 75 % sure of goes to a person).</value>
    [Range(0.0, 1.0)]
    public double ReviewThreshold { get; set; } = OversightDefaults.ReviewThreshold;

    /// <summary>The share of automated decisions selected for post-hoc human audit.</summary>
    /// <value>The default value is 0.05 (post-hoc audit sampling: one automated decision in twenty).</value>
    [Range(0.0, 1.0)]
    public double AuditSampleRate { get; set; } = OversightDefaults.AuditSampleRate;

    /// <summary>Mixed into the audit-sampling hash; change it (for example per audit period) to draw a new, independent sample.</summary>
    /// <value>The default value is <c>aigovernance-oversight-audit</c>.</value>
    [Required]
    public string AuditSalt { get; set; } = OversightDefaults.AuditSalt;

    /// <summary>How far the class probabilities may sum from 1 before routing rejects them.</summary>
    /// <value>The default value is 1e-6.</value>
    [Range(0.0, 0.5)]
    public double ProbabilitySumTolerance { get; set; } = OversightDefaults.ProbabilitySumTolerance;

    /// <summary>The AI system whose decisions are reviewed; stamped on the audit events of completed reviews.</summary>
    /// <value>The default value is <see langword="null"/> (no system id on the events).</value>
    public string? SystemId { get; set; }

    /// <summary>Thresholds of the override analysis.</summary>
    /// <value>The default value is an <see cref="OverrideAnalysisOptions"/> with its defaults.</value>
    [Required]
    [ValidateObjectMembers(typeof(OverrideAnalysisOptionsValidator))]
    public OverrideAnalysisOptions Analysis { get; set; } = new();
}
