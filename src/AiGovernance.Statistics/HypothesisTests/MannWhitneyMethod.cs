namespace AiGovernance.Statistics;

/// <summary>How the p-value of a Mann–Whitney U test is computed (SciPy <c>mannwhitneyu(method=...)</c>).</summary>
public enum MannWhitneyMethod
{
    /// <summary>SciPy's rule: <see cref="Asymptotic"/> when both samples have more than 8 values or when there are ties, otherwise
    /// <see cref="Exact"/>.</summary>
    Auto = 0,

    /// <summary>The exact permutation distribution of U (valid without ties): the number of arrangements with U = u is the
    /// coefficient of q^u in the Gaussian binomial [n₁+n₂ choose n₁]_q, built factor by factor in O(min(n₁, n₂)·u).
    /// Used when the smaller sample has at most 100 values; larger requests fall back to <see cref="Asymptotic"/>.</summary>
    Exact = 1,

    /// <summary>The tie-corrected normal approximation, with an optional continuity correction.</summary>
    Asymptotic = 2,
}
