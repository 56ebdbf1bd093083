namespace AiGovernance.Statistics;

/// <summary>A statistic computed from quantile sketches, with how far it may be from the whole-data value.</summary>
/// <param name="Value">The estimate.</param>
/// <param name="ErrorBound">|Value − exact| ≤ ErrorBound with probability at least 98% (each sketch's uniform bound holds
/// with 99%); 0 when exact.
/// For a Kolmogorov–Smirnov statistic this equals <paramref name="RankErrorBound"/>; for a Wasserstein distance it is
/// RankErrorBound × (max − min) over both columns.</param>
/// <param name="RankErrorBound">ε_reference + ε_current, the sum of the two sketches' uniform normalised rank-error bounds
/// (<see cref="KllSketch.RankErrorBound"/>).</param>
/// <param name="IsApproximate">True when a sketch has compacted, so the value is an estimate; false when both sketches
/// still hold every value and the value is exact.</param>
public readonly record struct SketchEstimate(double Value, double ErrorBound, double RankErrorBound, bool IsApproximate);
