using AiGovernance.Core;

namespace AiGovernance.Gates.ModelCards;

/// <summary>The risk classification section of a model card.</summary>
/// <param name="Tier">The risk tier.</param>
/// <param name="Category">The EU AI Act category (for example "High-risk (Annex III point 5(b))").</param>
/// <param name="Citations">The rules that matched, with their citations.</param>
public sealed record ModelCardRisk(RiskTier Tier, string Category, IReadOnlyList<string> Citations);
