namespace AiGovernance.Gates.DueDiligence;

/// <summary>The procurement recommendation that follows from a weighted vendor risk score.</summary>
public enum VendorRecommendation
{
    /// <summary>Score below 1.5.</summary>
    Approved = 0,

    /// <summary>Score from 1.5 to below 2.5.</summary>
    ApprovedWithConditions = 1,

    /// <summary>Score from 2.5 to below 3.0.</summary>
    RequiresRemediation = 2,

    /// <summary>Score of 3.0 or more.</summary>
    Rejected = 3,
}
