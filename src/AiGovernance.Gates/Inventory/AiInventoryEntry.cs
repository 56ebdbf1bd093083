using AiGovernance.Core;

namespace AiGovernance.Gates.Inventory;

/// <summary>One AI system in the inventory, internal or third-party. Unlike <see cref="AiSystem"/>, an entry may have
/// unassigned owner roles: discovering them is the point of an inventory.</summary>
public sealed record AiInventoryEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="systemId">The system's identifier.</param>
    /// <param name="name">A human-readable name.</param>
    /// <param name="owners">The owners; roles may be unassigned.</param>
    /// <param name="tier">The risk tier.</param>
    /// <exception cref="ArgumentException"><paramref name="systemId"/> or <paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="owners"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tier"/> is not a defined tier.</exception>
    public AiInventoryEntry(string systemId, string name, AiSystemOwners owners, RiskTier tier)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(owners);
        if (!Enum.IsDefined(tier))
        {
            throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown risk tier.");
        }

        SystemId = systemId;
        Name = name;
        Owners = owners;
        Tier = tier;
    }

    /// <summary>The system's identifier.</summary>
    public string SystemId { get; }

    /// <summary>The human-readable name.</summary>
    public string Name { get; }

    /// <summary>The owners; roles may be unassigned.</summary>
    public AiSystemOwners Owners { get; init; }

    /// <summary>The risk tier.</summary>
    public RiskTier Tier { get; init; }

    /// <summary>The vendor of a third-party system; <see langword="null"/> for an internal one.</summary>
    public string? Vendor { get; init; }

    /// <summary>The vendor's product that contains the AI (for example a SaaS platform).</summary>
    public string? Product { get; init; }

    /// <summary>The AI component or feature within the product.</summary>
    public string? Component { get; init; }

    /// <summary>Whether the vendor discloses the component as AI; vendors often add AI features without saying so.</summary>
    public bool VendorDisclosesAi { get; init; } = true;

    /// <summary>When the system's last continuation review (or its deployment) was approved; <see langword="null"/> when never reviewed.</summary>
    public DateTimeOffset? LastReviewedAt { get; init; }

    /// <summary>Whether the system is bought rather than built.</summary>
    public bool IsThirdParty => Vendor is not null;

    /// <summary>Creates an entry from a governed system.</summary>
    /// <param name="system">The system.</param>
    /// <param name="lastReviewedAt">When it was last reviewed.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    public static AiInventoryEntry FromSystem(AiSystem system, DateTimeOffset? lastReviewedAt = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new AiInventoryEntry(system.Id, system.Name, system.Owners, system.RiskTier)
        {
            Vendor = system.ThirdParty?.Vendor,
            Component = system.ThirdParty?.Component,
            LastReviewedAt = lastReviewedAt,
        };
    }
}
