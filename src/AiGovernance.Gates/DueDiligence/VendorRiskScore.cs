namespace AiGovernance.Gates.DueDiligence;

/// <summary>The weighted risk score of a vendor assessment and the recommendation that follows.</summary>
public sealed record VendorRiskScore
{
    /// <summary>The vendor.</summary>
    public required string Vendor { get; init; }

    /// <summary>The component assessed.</summary>
    public required string Component { get; init; }

    /// <summary>The weighted score, from 1 (all low) to 4 (all critical).</summary>
    public required double Score { get; init; }

    /// <summary>The recommendation.</summary>
    public required VendorRecommendation Recommendation { get; init; }

    /// <summary>Every criterion's part, in criterion order.</summary>
    public required IReadOnlyList<VendorCriterionScore> Criteria { get; init; }

    /// <summary>The criteria rated above low, ordered by how much they lift the score (largest first, ties in criterion order).</summary>
    public required IReadOnlyList<VendorCriterion> DrivingCriteria { get; init; }
}
