namespace AiGovernance.Statistics;

/// <summary>A percentile bootstrap interval (<see cref="Bootstrap"/>).</summary>
/// <param name="Interval">The (α/2, 1 − α/2) percentile interval of the defined resamples; NaN bounds when none was defined.</param>
/// <param name="Resamples">The number of resamples drawn.</param>
/// <param name="DefinedResamples">The number of resamples on which the statistic was defined (not NaN).</param>
public readonly record struct BootstrapResult(Interval Interval, int Resamples, int DefinedResamples);
