namespace AiGovernance.Gates.ModelCards;

/// <summary>One group's row in a model card's fairness section.</summary>
/// <param name="Group">The group.</param>
/// <param name="Count">Examples in the group.</param>
/// <param name="SelectionRate">Share predicted positive.</param>
/// <param name="TruePositiveRate">Recall within the group (NaN when undefined).</param>
/// <param name="FalsePositiveRate">False-positive rate within the group (NaN when undefined).</param>
/// <param name="Accuracy">Accuracy within the group.</param>
public sealed record ModelCardGroupRow(string Group, long Count, double SelectionRate, double TruePositiveRate, double FalsePositiveRate,
    double Accuracy);
