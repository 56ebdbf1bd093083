namespace AiGovernance.Gates.Classification;

/// <summary>The conditions of Article 6(3) of the EU AI Act under which an Annex III system is not high-risk.</summary>
/// <remarks>An exemption never applies to a system that profiles natural persons (Art. 6(3), last subparagraph), and a
/// provider relying on one must document the assessment before placing the system on the market (Art. 6(4)).</remarks>
public enum Article6Exemption
{
    /// <summary>No exemption is claimed.</summary>
    None = 0,

    /// <summary>Art. 6(3)(a): the system performs a narrow procedural task.</summary>
    NarrowProceduralTask = 1,

    /// <summary>Art. 6(3)(b): the system improves the result of a previously completed human activity.</summary>
    ImprovesCompletedHumanActivity = 2,

    /// <summary>Art. 6(3)(c): the system detects decision-making patterns or deviations without replacing or influencing the human
    /// assessment.</summary>
    DetectsDecisionPatterns = 3,

    /// <summary>Art. 6(3)(d): the system performs a preparatory task to an assessment relevant to an Annex III use case.</summary>
    PreparatoryTask = 4,
}
