using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>Collects a window's scores in O(bins) memory — calibrated, decided and binned as they arrive — so a window of
/// any size, or one spread over partitions, is estimated without holding its predictions.</summary>
/// <remarks>Created by <see cref="ConfidenceBasedPerformanceEstimator.CreateAccumulator"/>. Adding is allocation-free;
/// accumulators of the same reference merge exactly. Not thread-safe: use one per thread and <see cref="Merge"/>.</remarks>
public sealed class CbpeAccumulator
{
    private const int Chunk = 512;

    internal CbpeAccumulator(CbpeReference reference)
    {
        Reference = reference;
        Histogram = new CalibratedProbabilityHistogram(reference.Options.ProbabilityBins);
    }

    /// <summary>The reference the scores are calibrated with.</summary>
    public CbpeReference Reference { get; }

    /// <summary>Predictions added so far.</summary>
    public long Count => Histogram.Count;

    internal CalibratedProbabilityHistogram Histogram { get; }

    /// <summary>Adds a batch of the model's scores.</summary>
    /// <param name="scores">Scores on the model's scale; finite, and in [0, 1] when the reference uses
    /// <see cref="CalibrationMethod.None"/>.</param>
    /// <exception cref="ArgumentException">A score is NaN, infinite or (without calibration) outside [0, 1]; the message
    /// names its index and nothing of the batch is added.</exception>
    public void Add(ReadOnlySpan<double> scores)
    {
        ConfidenceBasedPerformanceEstimator.ValidateScores(scores, Reference.Method, nameof(scores));
        Span<double> probabilities = stackalloc double[Chunk];
        Span<bool> decisions = stackalloc bool[Chunk];
        var threshold = Reference.DecisionThreshold;
        var calibrator = Reference.Calibrator;
        for (var start = 0; start < scores.Length; start += Chunk)
        {
            var batch = scores.Slice(start, Math.Min(Chunk, scores.Length - start));
            calibrator.Calibrate(batch, probabilities);
            for (var i = 0; i < batch.Length; i++)
            {
                decisions[i] = batch[i] >= threshold;
            }

            Histogram.Add(probabilities[..batch.Length], decisions[..batch.Length]);
        }
    }

    /// <summary>Adds another accumulator's predictions (for example another partition of the same window).</summary>
    /// <param name="other">An accumulator created from the same reference.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> was created from another reference.</exception>
    public void Merge(CbpeAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(other.Reference, Reference))
        {
            throw new ArgumentException(
                "The accumulator was created from another reference; only windows calibrated alike can merge.", nameof(other));
        }

        Histogram.Merge(other.Histogram);
    }
}
