using AiGovernance.Gates.GeneralPurpose;
using AiGovernance.Gates.Obligations;

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

    /// <summary>The Article 5 practices the use case involves, including prohibitions inserted by amendments (for example
    /// <see cref="ProhibitedPractice.NonConsensualIntimateContent"/>).</summary>
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

    /// <summary>Where the system is deployed or its output used: <c>EU</c>, <c>EEA</c>, ISO 3166-1 alpha-2 codes or ISO 3166-2
    /// subdivision codes (see <see cref="EuTerritorialScope"/>: outermost regions such as <c>RE</c> or <c>PT-20</c> are in
    /// scope). An empty list, or any code not recognised, is treated as in scope of the EU AI Act (fail closed).</summary>
    public IReadOnlyCollection<string> DeploymentRegions { get; init; } = [];

    /// <summary>Whether the system profiles natural persons (GDPR Art. 4(4)); an Annex III system that does is always
    /// high-risk (Art. 6(3), third subparagraph), and Annex III point 6(e) is profiling by definition.</summary>
    public bool ProfilesNaturalPersons { get; init; }

    /// <summary>Whether the system interacts directly with natural persons (Art. 50(1)).</summary>
    public bool InteractsWithNaturalPersons { get; init; }

    /// <summary>Whether the system generates synthetic audio, image, video or text content (Art. 50(2)).</summary>
    public bool GeneratesSyntheticContent { get; init; }

    /// <summary>Whether the system generates or manipulates content constituting a deep fake (Art. 50(4)).</summary>
    public bool GeneratesDeepFakes { get; init; }

    /// <summary>Whether the system generates or manipulates text published to inform the public on matters of public
    /// interest (Art. 50(4), second subparagraph).</summary>
    public bool GeneratesPublicInterestText { get; init; }

    /// <summary>The roles the organisation holds towards the system; several may apply. Empty means not stated, and the
    /// duties of every role are listed (fail closed).</summary>
    public IReadOnlyCollection<OrganisationRole> Roles { get; init; } = [];

    /// <summary>What kind of body the deployer is (Art. 27(1), 26(8), 49(3)).</summary>
    /// <value>The default value is <see cref="DeployerType.Unknown"/>, treated as a public body (fail closed).</value>
    public DeployerType DeployerType { get; init; }

    /// <summary>What the organisation did that makes it the provider of a high-risk system it did not place on the market
    /// (Art. 25(1)).</summary>
    public IReadOnlyCollection<Article25Trigger> Article25Triggers { get; init; } = [];

    /// <summary>Whether the system is used at the workplace, so deployers who are employers inform workers' representatives
    /// (Art. 26(7)); Annex III point 4 use cases count as used at the workplace.</summary>
    public bool UsedAtWorkplace { get; init; }

    /// <summary>How long the deployer keeps the logs the system generates (Art. 26(6) requires at least six months);
    /// <see cref="Timeout.InfiniteTimeSpan"/> for logs never deleted (as the AiGovernance audit logs are); <see langword="null"/>
    /// when not stated, so the duty is listed unchecked.</summary>
    public TimeSpan? LogRetention { get; init; }

    /// <summary>When the system was placed on the market or put into service; decides transitional dates (for example the
    /// Art. 50(2) grace period reported for the Digital Omnibus). <see langword="null"/> when not yet or unknown.</summary>
    public DateOnly? PlacedOnMarketOn { get; init; }

    /// <summary>The general-purpose AI model the organisation provides as part of this use case, if any (Chapter V).</summary>
    public GpaiModelProfile? GeneralPurposeModel { get; init; }
}
