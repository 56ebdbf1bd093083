namespace AiGovernance.Monitoring.Drift;

/// <summary>How a column is compared with its reference.</summary>
public enum DriftMethod
{
    /// <summary>Chosen per column by <see cref="DataDriftDetector"/> (see its remarks).</summary>
    Auto = 0,

    /// <summary>Two-sample Kolmogorov–Smirnov test (numeric); drifted when the corrected p-value is below the level.</summary>
    KolmogorovSmirnov = 1,

    /// <summary>Chi-squared test of the 2 × k table of category counts; drifted when the corrected p-value is below the level.</summary>
    ChiSquared = 2,

    /// <summary>Two-proportion z-test of the share of one of the two values of a binary column.</summary>
    TwoProportionZTest = 3,

    /// <summary>Wasserstein-1 distance divided by the reference's standard deviation (numeric); drifted above the distance threshold.</summary>
    NormalizedWasserstein = 4,

    /// <summary>Jensen–Shannon distance (natural log) of category frequencies; drifted above the distance threshold.</summary>
    JensenShannon = 5,
}
