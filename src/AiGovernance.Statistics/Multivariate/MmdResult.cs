namespace AiGovernance.Statistics;

/// <summary>The outcome of a maximum mean discrepancy test with a Gaussian kernel.</summary>
/// <param name="Statistic">The estimate of MMD² (it can be slightly negative: both estimators are unbiased).</param>
/// <param name="PValue">The p-value in (0, 1]: a permutation p-value (1 + #{permuted ≥ observed})/(1 + permutations) for
/// <see cref="MmdEstimator.Unbiased"/>, the upper normal tail of the standardised statistic for
/// <see cref="MmdEstimator.LinearTime"/>.</param>
/// <param name="Bandwidth">The kernel's σ in k(a, b) = exp(−‖a − b‖²/(2σ²)).</param>
/// <param name="Permutations">The number of permutations (0 for the linear-time estimator).</param>
/// <param name="Estimator">Which estimator was used.</param>
/// <param name="FirstRows">Rows of the first sample used (fewer than given when a seeded sample replaced it).</param>
/// <param name="SecondRows">Rows of the second sample used.</param>
public readonly record struct MmdResult(
    double Statistic,
    double PValue,
    double Bandwidth,
    int Permutations,
    MmdEstimator Estimator,
    int FirstRows,
    int SecondRows);
