using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>The confusion matrix a window is expected to show once its labels arrive, each cell with its band.</summary>
/// <param name="TruePositives">Σ p over predicted positives.</param>
/// <param name="FalsePositives">Σ (1 − p) over predicted positives.</param>
/// <param name="FalseNegatives">Σ p over predicted negatives.</param>
/// <param name="TrueNegatives">Σ (1 − p) over predicted negatives.</param>
public sealed record ExpectedConfusionMatrix(
    BandedEstimate TruePositives,
    BandedEstimate FalsePositives,
    BandedEstimate FalseNegatives,
    BandedEstimate TrueNegatives);
