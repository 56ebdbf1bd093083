namespace AiGovernance.Statistics;

/// <summary>Which maximum mean discrepancy estimator produced an <see cref="MmdResult"/>.</summary>
public enum MmdEstimator
{
    /// <summary>The unbiased quadratic-time estimator MMD²_u with a permutation p-value.</summary>
    Unbiased = 0,

    /// <summary>The linear-time estimator MMD²_l over disjoint pairs with a normal p-value.</summary>
    LinearTime = 1,
}
