namespace AiGovernance.Monitoring.Drift;

/// <summary>How p-values are corrected across the columns of one comparison.</summary>
public enum DriftCorrection
{
    /// <summary>Benjamini–Hochberg false-discovery-rate control.</summary>
    BenjaminiHochberg = 0,

    /// <summary>Holm's step-down family-wise error control.</summary>
    Holm = 1,

    /// <summary>Bonferroni family-wise error control.</summary>
    Bonferroni = 2,

    /// <summary>No correction.</summary>
    None = 3,
}
