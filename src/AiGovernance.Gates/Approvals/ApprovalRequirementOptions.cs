using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Gates.Approvals;

/// <summary>One required approval in configuration form (see <see cref="ApprovalRequirement"/>).</summary>
public sealed class ApprovalRequirementOptions
{
    /// <summary>The approval kind.</summary>
    /// <value>The default value is empty, which fails validation.</value>
    [Required]
    public string Kind { get; set; } = string.Empty;

    /// <summary>The reviewer roles allowed to give it.</summary>
    /// <value>The default value is empty, which fails validation.</value>
    [Required]
    public IList<string> AllowedRoles { get; set; } = new List<string>();

    /// <summary>How many distinct reviewers must approve.</summary>
    /// <value>The default value is 1.</value>
    [Range(1, 100)]
    public int RequiredReviewers { get; set; } = 1;
}
