namespace AiGovernance.Statistics;

/// <summary>How the p-value of a Mann–Whitney U test is computed (SciPy <c>mannwhitneyu(method=...)</c>).</summary>
public enum MannWhitneyMethod
{
    /// <summary>SciPy's rule: <see cref="Asymptotic"/> when both samples have more than 8 values or when there are ties, otherwise <see cref="Exact"/>.</summary>
    Auto = 0,

    /// <summary>The exact permutation distribution of U (valid without ties).</summary>
    Exact = 1,

    /// <summary>The tie-corrected normal approximation, with an optional continuity correction.</summary>
    Asymptotic = 2,
}
