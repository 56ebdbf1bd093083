namespace AiGovernance.Statistics;

/// <summary>A multiple-testing correction (statsmodels <c>multipletests(method=...)</c>).</summary>
public enum MultipleTestingMethod
{
    /// <summary>Bonferroni, family-wise error rate: min(1, m·p) (statsmodels "bonferroni").</summary>
    Bonferroni = 0,

    /// <summary>Holm's step-down, family-wise error rate, uniformly more powerful than Bonferroni (statsmodels "holm").</summary>
    Holm = 1,

    /// <summary>Benjamini–Hochberg step-up, false discovery rate under independence or positive dependence (statsmodels "fdr_bh").</summary>
    BenjaminiHochberg = 2,

    /// <summary>No correction: the p-values are returned unchanged (each test controls only its own error rate).</summary>
    None = 3,
}
