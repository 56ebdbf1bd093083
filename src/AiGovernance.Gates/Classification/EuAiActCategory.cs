namespace AiGovernance.Gates.Classification;

/// <summary>The EU AI Act's risk category of a use case, ordered by severity.</summary>
public enum EuAiActCategory
{
    /// <summary>The use case is not deployed in the EU/EEA, so the Act's rules were not applied.</summary>
    NotInScope = 0,

    /// <summary>Minimal risk: no obligations beyond AI literacy (Art. 4).</summary>
    MinimalRisk = 1,

    /// <summary>Limited risk: transparency obligations of Article 50.</summary>
    LimitedRisk = 2,

    /// <summary>High risk under Article 6(1) (Annex I) or 6(2) (Annex III).</summary>
    HighRisk = 3,

    /// <summary>A prohibited practice under Article 5.</summary>
    Prohibited = 4,
}
