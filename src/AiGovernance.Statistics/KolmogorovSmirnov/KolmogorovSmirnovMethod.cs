namespace AiGovernance.Statistics;

/// <summary>How the p-value of a Kolmogorov–Smirnov test is computed (SciPy's <c>method</c> argument).</summary>
public enum KolmogorovSmirnovMethod
{
    /// <summary>Exact when both samples have at most 10 000 values (SciPy <c>"auto"</c>); asymptotic otherwise. For the
    /// one-sample test, always exact.</summary>
    Auto = 0,

    /// <summary>The exact null distribution (SciPy <c>"exact"</c>); the two-sample test still falls back to
    /// <see cref="Asymptotic"/> when the exact computation is impossible or overflows, as SciPy does.</summary>
    Exact = 1,

    /// <summary>The asymptotic distribution (SciPy <c>"asymp"</c>).</summary>
    Asymptotic = 2,
}
