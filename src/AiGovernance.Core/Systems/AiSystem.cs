namespace AiGovernance.Core;

/// <summary>An AI system under governance: identity, its three owners, its risk tier and its provenance.</summary>
public sealed record AiSystem
{
    /// <summary>Creates an AI system.</summary>
    /// <param name="id">A stable, non-empty identifier.</param>
    /// <param name="name">A human-readable name.</param>
    /// <param name="version">The system's version.</param>
    /// <param name="owners">The three owners; every role must be assigned (one person may hold several).</param>
    /// <param name="riskTier">The risk tier.</param>
    /// <param name="thirdParty">Vendor and component for a third-party system; <see langword="null"/> for an internal one.</param>
    /// <exception cref="ArgumentException">An identifier is empty, or an owner role is unassigned.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="owners"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="riskTier"/> is not a defined tier.</exception>
    public AiSystem(string id, string name, string version, AiSystemOwners owners, RiskTier riskTier, ThirdPartyProvenance? thirdParty = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(owners);
        if (!Enum.IsDefined(riskTier))
        {
            throw new ArgumentOutOfRangeException(nameof(riskTier), riskTier, "Unknown risk tier.");
        }

        var missing = owners.GetUnassignedRoles();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"Every owner role must be assigned; unassigned: {string.Join(", ", missing)}. One person may hold several roles.",
                nameof(owners));
        }

        Id = id;
        Name = name;
        Version = version;
        Owners = owners;
        RiskTier = riskTier;
        ThirdParty = thirdParty;
    }

    /// <summary>The stable identifier.</summary>
    public string Id { get; }

    /// <summary>The human-readable name.</summary>
    public string Name { get; }

    /// <summary>The system's version.</summary>
    public string Version { get; }

    /// <summary>The three owners, all assigned.</summary>
    public AiSystemOwners Owners { get; }

    /// <summary>The risk tier.</summary>
    public RiskTier RiskTier { get; }

    /// <summary>Vendor and component for a third-party system; <see langword="null"/> for an internal one.</summary>
    public ThirdPartyProvenance? ThirdParty { get; }

    /// <summary>Whether the system is bought rather than built.</summary>
    public bool IsThirdParty => ThirdParty is not null;
}
