using AiGovernance.Shared;

namespace AiGovernance.Gates.Approvals;

/// <summary>One approval a tier requires: its kind, the reviewer roles allowed to give it, and how many distinct
/// reviewers must give it.</summary>
public sealed record ApprovalRequirement
{
    /// <summary>Creates a requirement.</summary>
    /// <param name="kind">The approval kind, for example <see cref="ApprovalKinds.FairnessAudit"/>.</param>
    /// <param name="allowedRoles">The reviewer roles allowed to give it (at least one).</param>
    /// <param name="requiredReviewers">How many distinct reviewers must approve (at least 1).</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is empty, or no role (or an empty role) is given.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="allowedRoles"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requiredReviewers"/> is less than 1.</exception>
    public ApprovalRequirement(string kind, IEnumerable<string> allowedRoles, int requiredReviewers = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(allowedRoles);
        ArgumentOutOfRangeException.ThrowIfLessThan(requiredReviewers, 1);
        var given = allowedRoles as IReadOnlyCollection<string> ?? [.. allowedRoles];
        RuleViolation.ThrowFirst(RoleViolations(given));
        var roles = new List<string>();
        foreach (var role in given)
        {
            if (!roles.Contains(role, StringComparer.Ordinal))
            {
                roles.Add(role);
            }
        }

        Kind = kind;
        AllowedRoles = roles;
        RequiredReviewers = requiredReviewers;
    }

    /// <summary>The rules of the allowed roles, written once: the constructor throws the first broken one and
    /// <c>GatesOptionsCustomValidator</c> lists them all for a configured requirement.</summary>
    internal static IEnumerable<RuleViolation> RoleViolations(IEnumerable<string?> allowedRoles)
    {
        var any = false;
        foreach (var role in allowedRoles)
        {
            any = true;
            if (string.IsNullOrWhiteSpace(role))
            {
                yield return new RuleViolation(nameof(allowedRoles), "A reviewer role is empty.");
            }
        }

        if (!any)
        {
            yield return new RuleViolation(nameof(allowedRoles), "At least one reviewer role must be allowed.");
        }
    }

    /// <summary>The approval kind.</summary>
    public string Kind { get; }

    /// <summary>The reviewer roles allowed to give it.</summary>
    public IReadOnlyList<string> AllowedRoles { get; }

    /// <summary>How many distinct reviewers must approve.</summary>
    public int RequiredReviewers { get; }

    /// <summary>Whether a role may give this approval (ordinal comparison).</summary>
    /// <param name="role">The reviewer's role.</param>
    /// <returns>Whether the role is allowed.</returns>
    public bool Allows(string? role)
    {
        foreach (var allowed in AllowedRoles)
        {
            if (string.Equals(allowed, role, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
