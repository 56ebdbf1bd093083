using AiGovernance.Gates.Law;

namespace AiGovernance.Gates.Classification;

/// <summary>A practice prohibited by Article 5 of the EU AI Act, identified by its provision in the law version, so that
/// prohibitions added by an amendment (beyond Art. 5(1)(a)–(h)) can be recorded too.</summary>
/// <remarks>
/// <para>Record a practice only when it falls under the prohibition as assessed; the narrow exceptions of the Article (for
/// example the medical or safety reasons of point (f), or the authorised searches of point (h)) are a legal judgement made
/// before the profile is written.</para>
/// <para>The well-known practices are static members. For a prohibition inserted by a registered amendment, create one with
/// the provision's identifier; classifying a profile whose practice is not a provision of the law version throws, so a
/// prohibition is never silently ignored. Two practices are equal when their provision identifiers are.</para>
/// </remarks>
public sealed class ProhibitedPractice : IEquatable<ProhibitedPractice>
{
    /// <summary>Creates a practice.</summary>
    /// <param name="provisionId">The provision's identifier in the law version, for example <c>Art. 5(1)(c)</c>.</param>
    /// <param name="description">What the practice is, in words a reviewer can check against the profile.</param>
    /// <exception cref="ArgumentException">An argument is null, empty or white space, or the identifier is longer than
    /// <see cref="LegalProvision.MaxIdLength"/> characters.</exception>
    public ProhibitedPractice(string provisionId, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provisionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (provisionId.Length > LegalProvision.MaxIdLength)
        {
            throw new ArgumentException($"A provision id has at most {LegalProvision.MaxIdLength} characters.", nameof(provisionId));
        }

        ProvisionId = provisionId;
        Description = description;
    }

    /// <summary>Art. 5(1)(a): subliminal, purposefully manipulative or deceptive techniques that materially distort behaviour.</summary>
    public static ProhibitedPractice ManipulativeTechniques { get; } = new("Art. 5(1)(a)",
        "Uses subliminal, manipulative or deceptive techniques that materially distort behaviour.");

    /// <summary>Art. 5(1)(b): exploiting vulnerabilities due to age, disability or a social or economic situation.</summary>
    public static ProhibitedPractice ExploitationOfVulnerabilities { get; } = new("Art. 5(1)(b)",
        "Exploits vulnerabilities due to age, disability or a social or economic situation.");

    /// <summary>Art. 5(1)(c): social scoring leading to detrimental or unfavourable treatment.</summary>
    public static ProhibitedPractice SocialScoring { get; } = new("Art. 5(1)(c)",
        "Evaluates or classifies people by social behaviour or personal characteristics leading to detrimental treatment (social scoring).");

    /// <summary>Art. 5(1)(d): assessing the risk of a person committing a criminal offence based solely on profiling or personality traits.</summary>
    public static ProhibitedPractice CriminalOffenceRiskPrediction { get; } = new("Art. 5(1)(d)",
        "Predicts the risk of a person committing a criminal offence based solely on profiling or personality traits.");

    /// <summary>Art. 5(1)(e): untargeted scraping of facial images to build facial recognition databases.</summary>
    public static ProhibitedPractice UntargetedFacialImageScraping { get; } = new("Art. 5(1)(e)",
        "Builds facial recognition databases by untargeted scraping of facial images.");

    /// <summary>Art. 5(1)(f): inferring emotions in the workplace or in education institutions.</summary>
    public static ProhibitedPractice EmotionRecognitionAtWorkOrSchool { get; } = new("Art. 5(1)(f)",
        "Infers emotions of natural persons in the workplace or in education institutions.");

    /// <summary>Art. 5(1)(g): biometric categorisation inferring race, political opinions, beliefs, sex life or sexual orientation.</summary>
    public static ProhibitedPractice SensitiveBiometricCategorisation { get; } = new("Art. 5(1)(g)",
        "Categorises people by biometric data to infer sensitive characteristics.");

    /// <summary>Art. 5(1)(h): real-time remote biometric identification in publicly accessible spaces for law enforcement.</summary>
    public static ProhibitedPractice RealTimeRemoteBiometricIdentification { get; } = new("Art. 5(1)(h)",
        "Real-time remote biometric identification in publicly accessible spaces for law enforcement.");

    /// <summary>The prohibition on generating or manipulating non-consensual sexual or intimate content of identifiable persons,
    /// reported as added to Article 5 by the Digital Omnibus on AI from 2 December 2026 (letter and wording unconfirmed).</summary>
    public static ProhibitedPractice NonConsensualIntimateContent { get; } = new(EuAiActLaw.IntimateContentProhibitionId,
        "Generates or manipulates realistic sexual or intimate content of identifiable persons without their consent.");

    /// <summary>The prohibition on generating or manipulating child sexual abuse material, reported as added to Article 5 by the
    /// Digital Omnibus on AI from 2 December 2026 (letter and wording unconfirmed).</summary>
    public static ProhibitedPractice ChildSexualAbuseMaterial { get; } = new(EuAiActLaw.ChildSexualAbuseMaterialProhibitionId,
        "Generates or manipulates child sexual abuse material.");

    /// <summary>Every well-known practice: Art. 5(1)(a)–(h) and the two reported Digital Omnibus prohibitions.</summary>
    public static IReadOnlyList<ProhibitedPractice> WellKnown { get; } =
    [
        ManipulativeTechniques, ExploitationOfVulnerabilities, SocialScoring, CriminalOffenceRiskPrediction, UntargetedFacialImageScraping,
        EmotionRecognitionAtWorkOrSchool, SensitiveBiometricCategorisation, RealTimeRemoteBiometricIdentification,
        NonConsensualIntimateContent, ChildSexualAbuseMaterial,
    ];

    /// <summary>The provision's identifier in the law version.</summary>
    public string ProvisionId { get; }

    /// <summary>What the practice is.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public bool Equals(ProhibitedPractice? other) => other is not null && string.Equals(ProvisionId, other.ProvisionId, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ProhibitedPractice);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ProvisionId);

    /// <inheritdoc />
    public override string ToString() => ProvisionId;

    /// <summary>Whether two practices have the same provision.</summary>
    /// <param name="left">A practice.</param>
    /// <param name="right">A practice.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ProhibitedPractice? left, ProhibitedPractice? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two practices have different provisions.</summary>
    /// <param name="left">A practice.</param>
    /// <param name="right">A practice.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ProhibitedPractice? left, ProhibitedPractice? right) => !(left == right);
}
