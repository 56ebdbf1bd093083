using AiGovernance.Core;

namespace AiGovernance.Gates.DueDiligence;

/// <summary>One criterion's part of a vendor risk score.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Rating">Its rating.</param>
/// <param name="Weight">Its weight.</param>
/// <param name="Contribution">Weight × rating value (1..4).</param>
/// <param name="ExcessOverLow">Weight × (rating value − 1): how much the criterion lifts the score above the all-low minimum of 1.</param>
public readonly record struct VendorCriterionScore(VendorCriterion Criterion, Severity Rating, double Weight, double Contribution,
    double ExcessOverLow);
