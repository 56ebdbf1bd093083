namespace AiGovernance.Core;

/// <summary>The people (or teams) holding the three ownership roles of an AI system.</summary>
/// <remarks>One person may hold several roles, but each role must be assigned: <see cref="AiSystem"/> refuses owners
/// with an unassigned role. This type itself accepts missing roles so that inventories can report them as findings.</remarks>
/// <param name="BusinessOwner">Who holds the business role, or <see langword="null"/> when unassigned.</param>
/// <param name="TechnicalOwner">Who holds the technical role, or <see langword="null"/> when unassigned.</param>
/// <param name="OperationsOwner">Who holds the operations role, or <see langword="null"/> when unassigned.</param>
public sealed record AiSystemOwners(string? BusinessOwner, string? TechnicalOwner, string? OperationsOwner)
{
    /// <summary>The roles with no owner (null, empty or white space), in the order business, technical, operations.</summary>
    /// <returns>An empty list when every role is assigned.</returns>
    public IReadOnlyList<OwnerRole> GetUnassignedRoles()
    {
        var missing = new List<OwnerRole>(3);
        if (string.IsNullOrWhiteSpace(BusinessOwner))
        {
            missing.Add(OwnerRole.Business);
        }

        if (string.IsNullOrWhiteSpace(TechnicalOwner))
        {
            missing.Add(OwnerRole.Technical);
        }

        if (string.IsNullOrWhiteSpace(OperationsOwner))
        {
            missing.Add(OwnerRole.Operations);
        }

        return missing;
    }

    /// <summary>The owner of the given role, or <see langword="null"/> when unassigned.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The owner's identifier.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not a defined role.</exception>
    public string? GetOwner(OwnerRole role) => role switch
    {
        OwnerRole.Business => BusinessOwner,
        OwnerRole.Technical => TechnicalOwner,
        OwnerRole.Operations => OperationsOwner,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown owner role."),
    };
}
