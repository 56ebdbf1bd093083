using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.DueDiligence;
using AiGovernance.Gates.Lifecycle;
using Microsoft.Extensions.Options;

namespace AiGovernance.Gates;

/// <summary>The rules of <see cref="GatesOptions"/> that attributes cannot state: the vendor weights sum to 1, the approval
/// policy's rules hold, and configured lifecycle outputs are non-empty names.</summary>
internal sealed class GatesOptionsCustomValidator : IValidateOptions<GatesOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static GatesOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, GatesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.VendorDueDiligence is { } vendor)
        {
            var weights = VendorDueDiligenceOptionsCustomValidator.Instance.Validate(name, vendor);
            if (weights.Failed)
            {
                failures.AddRange(weights.Failures.Select(f => "VendorDueDiligence." + f));
            }
        }

        if (options.Approvals is { } approvals)
        {
            AddApprovalViolations(failures, approvals);
        }

        if (options.Lifecycle is { } lifecycle)
        {
            foreach (var phase in Enum.GetValues<LifecyclePhase>())
            {
                foreach (var output in lifecycle.GetRequiredOutputs(phase))
                {
                    if (string.IsNullOrWhiteSpace(output))
                    {
                        failures.Add($"Lifecycle: an output name of {phase} is empty.");
                    }
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The policy's rules (unique kinds per tier, roles per kind, defined tiers) are written once, in
    /// <see cref="ApprovalPolicy"/> and <see cref="ApprovalRequirement"/>; this lists every violation of the configured policy
    /// without building it. Empty kinds, a missing version and reviewer counts are the generated validator's.</summary>
    private static void AddApprovalViolations(List<string> failures, ApprovalPolicyOptions approvals)
    {
        foreach (var (tier, requirements) in new[] { ("Low", approvals.Low), ("Medium", approvals.Medium), ("High", approvals.High) })
        {
            if (requirements is null)
            {
                continue;
            }

            for (var i = 0; i < requirements.Count; i++)
            {
                if (requirements[i]?.AllowedRoles is { } roles)
                {
                    failures.AddRange(ApprovalRequirement.RoleViolations(roles).Select(v => $"Approvals.{tier}[{i}]: {v.Message}"));
                }
            }

            failures.AddRange(ApprovalPolicy.TierViolations(requirements.Select(r => r?.Kind), tier).Select(v => $"Approvals.{tier}: {v.Message}"));
        }

        if (approvals.DistinctReviewersAcrossKinds is { } tiers)
        {
            failures.AddRange(ApprovalPolicy.DistinctTierViolations(tiers, nameof(approvals.DistinctReviewersAcrossKinds))
                .Select(v => $"Approvals.DistinctReviewersAcrossKinds: {v.Message}"));
        }
    }
}
