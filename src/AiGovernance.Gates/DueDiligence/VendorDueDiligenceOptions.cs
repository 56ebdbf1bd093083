using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AiGovernance.Gates.DueDiligence;

/// <summary>Options of <see cref="VendorDueDiligence"/>.</summary>
public sealed class VendorDueDiligenceOptions
{
    /// <summary>The criterion weights.</summary>
    /// <value>The default value holds the default criterion weights (summing to 1; docs/background.md).</value>
    [Required]
    [ValidateObjectMembers]
    public VendorCriterionWeights Weights { get; set; } = new();

    /// <summary>The minimum advance notice of model updates a contract must promise, in days.</summary>
    /// <value>The default value is 30.</value>
    [Range(0, 365)]
    public int MinimumChangeNoticeDays { get; set; } = 30;
}
