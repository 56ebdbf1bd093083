namespace AiGovernance.Gates.Classification;

/// <summary>A structured description of an AI use case, the input of risk classification.</summary>
/// <remarks>Classification reads only these structured facts; it never matches keywords in free text. Each fact is the
/// outcome of an assessment by the people who know the use case (the business owner, legal counsel), recorded here
/// so that the classification is reproducible and auditable.</remarks>
public sealed record UseCaseProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="name">The use case's name, for example the AI system's identifier.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public UseCaseProfile(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The use case's name.</summary>
    public string Name { get; }

    /// <summary>A sector label such as <c>banking</c> or <c>healthcare</c>, for user rules that apply sector law; the
    /// built-in EU AI Act rules never read it.</summary>
    public string? Domain { get; init; }

    /// <summary>The Article 5 practices the use case involves.</summary>
    public IReadOnlyCollection<ProhibitedPractice> ProhibitedPractices { get; init; } = [];

    /// <summary>The Annex III use cases the system is intended for.</summary>
    public IReadOnlyCollection<AnnexIIIUseCase> HighRiskUseCases { get; init; } = [];

    /// <summary>The Article 6(3) condition the provider relies on for its Annex III use cases, if any.</summary>
    public Article6Exemption Article6Exemption { get; init; }

    /// <summary>Whether the system is a safety component of a product (or is itself a product) covered by the Union
    /// harmonisation legislation of Annex I and required to undergo third-party conformity assessment (Art. 6(1)).</summary>
    public bool IsSafetyComponentOfRegulatedProduct { get; init; }

    /// <summary>How autonomous the system's decisions are.</summary>
    public DecisionAutonomy DecisionAutonomy { get; init; } = DecisionAutonomy.HumanInTheLoop;

    /// <summary>The fundamental rights the use case may affect.</summary>
    public IReadOnlyCollection<FundamentalRight> AffectedRights { get; init; } = [];

    /// <summary>Where the system is deployed or its output used: <c>EU</c>, <c>EEA</c>, or ISO 3166-1 alpha-2 codes.
    /// An empty list means unknown and is treated as in scope of the EU AI Act (fail closed).</summary>
    public IReadOnlyCollection<string> DeploymentRegions { get; init; } = [];

    /// <summary>Whether the system profiles natural persons (GDPR Art. 4(4)).</summary>
    public bool ProfilesNaturalPersons { get; init; }

    /// <summary>Whether the system interacts directly with natural persons (Art. 50(1)).</summary>
    public bool InteractsWithNaturalPersons { get; init; }

    /// <summary>Whether the system generates synthetic audio, image, video or text content (Art. 50(2)).</summary>
    public bool GeneratesSyntheticContent { get; init; }

    /// <summary>Whether the system generates or manipulates content constituting a deep fake (Art. 50(4)).</summary>
    public bool GeneratesDeepFakes { get; init; }
}
