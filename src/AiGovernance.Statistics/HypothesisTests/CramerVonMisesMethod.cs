namespace AiGovernance.Statistics;

/// <summary>How the p-value of a two-sample Cramér–von Mises test is computed (SciPy <c>cramervonmises_2samp(method=...)</c>).</summary>
public enum CramerVonMisesMethod
{
    /// <summary>SciPy's rule: <see cref="Exact"/> when both samples have at most 20 values, otherwise <see cref="Asymptotic"/>.</summary>
    Auto = 0,

    /// <summary>The exact permutation distribution of the statistic for samples without ties (Xiao, Gordon &amp; Yakovlev
    /// 2006); with ties it is the same no-ties distribution evaluated at the midrank statistic, as SciPy does. Falls back
    /// to <see cref="Asymptotic"/> when the enumeration would exceed its work budget (see
    /// <see cref="CramerVonMises.TwoSample(ReadOnlySpan{double}, ReadOnlySpan{double}, CramerVonMisesMethod)"/>).</summary>
    Exact = 1,

    /// <summary>The limiting distribution of the one-sample statistic applied to the normalised two-sample statistic
    /// (Anderson 1962, eq. 15; Csörgő &amp; Faraway 1996).</summary>
    Asymptotic = 2,
}
