namespace AiGovernance.Gates.Classification;

/// <summary>The practices prohibited by Article 5(1)(a)–(h) of the EU AI Act (Regulation (EU) 2024/1689).</summary>
/// <remarks>Record a practice only when it falls under the prohibition as assessed; the narrow exceptions of the Article
/// (for example the medical or safety reasons of point (f), or the authorised searches of point (h)) are a legal judgement
/// made before the profile is written.</remarks>
public enum ProhibitedPractice
{
    /// <summary>Art. 5(1)(a): subliminal, purposefully manipulative or deceptive techniques that materially distort behaviour and cause significant harm.</summary>
    ManipulativeTechniques = 0,

    /// <summary>Art. 5(1)(b): exploiting vulnerabilities due to age, disability or a social or economic situation.</summary>
    ExploitationOfVulnerabilities = 1,

    /// <summary>Art. 5(1)(c): social scoring leading to detrimental or unfavourable treatment.</summary>
    SocialScoring = 2,

    /// <summary>Art. 5(1)(d): assessing the risk of a person committing a criminal offence based solely on profiling or personality traits.</summary>
    CriminalOffenceRiskPrediction = 3,

    /// <summary>Art. 5(1)(e): untargeted scraping of facial images from the internet or CCTV to build facial recognition databases.</summary>
    UntargetedFacialImageScraping = 4,

    /// <summary>Art. 5(1)(f): inferring emotions in the workplace or in education institutions.</summary>
    EmotionRecognitionAtWorkOrSchool = 5,

    /// <summary>Art. 5(1)(g): biometric categorisation inferring race, political opinions, trade union membership, beliefs, sex life or sexual orientation.</summary>
    SensitiveBiometricCategorisation = 6,

    /// <summary>Art. 5(1)(h): real-time remote biometric identification in publicly accessible spaces for law enforcement.</summary>
    RealTimeRemoteBiometricIdentification = 7,
}
