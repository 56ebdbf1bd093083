namespace AiGovernance.Core;

/// <summary>The risk tier of an AI system; governance intensity grows with the tier.</summary>
/// <remarks>The tiers follow the EU AI Act's categories: minimal/limited risk map to <see cref="Low"/> and
/// <see cref="Medium"/>, Annex I/III systems to <see cref="High"/>, Article 5 practices to <see cref="Prohibited"/>.</remarks>
public enum RiskTier
{
    /// <summary>Low risk: technical validation and automated checks suffice.</summary>
    Low = 0,

    /// <summary>Medium risk: automated decisions or affected rights; fairness and security reviews required.</summary>
    Medium = 1,

    /// <summary>High risk: full approval set including legal approval and an executive sponsor.</summary>
    High = 2,

    /// <summary>A prohibited practice: blocked at every gate.</summary>
    Prohibited = 3,
}
