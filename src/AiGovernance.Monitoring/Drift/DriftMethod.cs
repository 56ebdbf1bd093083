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

    /// <summary>Two-sample Cramér–von Mises test (numeric): the integrated squared gap between the empirical distribution
    /// functions, sensitive to shape and scale changes that move no single quantile much; drifted when the corrected
    /// p-value is below the level.</summary>
    CramerVonMises = 6,

    /// <summary>k-sample Anderson–Darling test with two samples (numeric, midranks): like Cramér–von Mises with more weight
    /// in the tails; drifted when the corrected p-value is below the level. Its p-value is capped to [0.001, 0.25].</summary>
    AndersonDarling = 7,

    /// <summary>Energy distance of the values divided by the reference's population standard deviation (numeric), i.e.
    /// E / √σ_ref; drifted above the distance threshold.</summary>
    EnergyDistance = 8,

    /// <summary>Epps–Singleton test of the empirical characteristic functions (numeric; valid for discrete values too);
    /// drifted when the corrected p-value is below the level. Needs at least 5 values on each side and a non-zero
    /// interquartile range.</summary>
    EppsSingleton = 9,
}
