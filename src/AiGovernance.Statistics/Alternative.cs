namespace AiGovernance.Statistics;

/// <summary>The alternative hypothesis of a test.</summary>
/// <remarks><see cref="Greater"/> means the first sample's distribution or rate is larger (statsmodels "larger",
/// SciPy "greater" for Mann–Whitney and z-tests). For the Kolmogorov–Smirnov test SciPy's convention is kept:
/// <see cref="Greater"/> uses D⁺ = max(F_x − F_y).</remarks>
public enum Alternative
{
    /// <summary>The two distributions or rates differ.</summary>
    TwoSided = 0,

    /// <summary>The first is smaller.</summary>
    Less = 1,

    /// <summary>The first is larger.</summary>
    Greater = 2,
}
