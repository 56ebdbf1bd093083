using System.Collections.ObjectModel;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Drift;

/// <summary>A reference fitted once by <see cref="MultivariateDriftDetector.Fit"/>: the feature encoding, standardisation
/// and principal components, the reference chunks' reconstruction errors behind the threshold, and the standardised
/// reference rows the domain classifier and MMD compare windows with.</summary>
/// <remarks>Immutable and safe to share across threads. It keeps the encoded reference in memory (rows × features
/// doubles).</remarks>
public sealed class MultivariateReference
{
    internal MultivariateReference(
        FeatureEncoder encoder,
        PrincipalComponentModel model,
        double[] standardised,
        int rowCount,
        double[] chunkErrors,
        int chunkSize,
        double explainedVarianceTarget)
    {
        Encoder = encoder;
        Model = model;
        Standardised = standardised;
        RowCount = rowCount;
        ReferenceChunkErrors = new ReadOnlyCollection<double>(chunkErrors);
        ChunkSize = chunkSize;
        ExplainedVarianceTarget = explainedVarianceTarget;
        double sum = 0;
        foreach (var e in chunkErrors)
        {
            sum += e;
        }

        ChunkMean = sum / chunkErrors.Length;
        double squares = 0;
        foreach (var e in chunkErrors)
        {
            squares += (e - ChunkMean) * (e - ChunkMean);
        }

        ChunkStandardDeviation = Math.Sqrt(squares / (chunkErrors.Length - 1));
    }

    /// <summary>Rows in the reference.</summary>
    public int RowCount { get; }

    /// <summary>The columns encoded, in reference order (columns whose every reference value is missing are left out).</summary>
    public IReadOnlyList<string> Columns => Encoder.Columns;

    /// <summary>The encoded features: numeric column names and "column=category" one-hot levels.</summary>
    public IReadOnlyList<string> FeatureNames => Encoder.FeatureNames;

    /// <summary>Principal components kept.</summary>
    public int ComponentCount => Model.ComponentCount;

    /// <summary>The share of the standardised variance they explain.</summary>
    public double ExplainedVarianceRatio => Model.ExplainedVarianceRatio;

    /// <summary>The explained variance that was requested.</summary>
    public double ExplainedVarianceTarget { get; }

    /// <summary>Rows per reference chunk.</summary>
    public int ChunkSize { get; }

    /// <summary>The mean reconstruction error of each contiguous reference chunk, in order.</summary>
    public IReadOnlyList<double> ReferenceChunkErrors { get; }

    /// <summary>The mean of <see cref="ReferenceChunkErrors"/>.</summary>
    public double ChunkMean { get; }

    /// <summary>The sample standard deviation of <see cref="ReferenceChunkErrors"/>.</summary>
    public double ChunkStandardDeviation { get; }

    internal FeatureEncoder Encoder { get; }

    internal PrincipalComponentModel Model { get; }

    /// <summary>The encoded reference rows standardised with the model's means and scales (row-major).</summary>
    internal double[] Standardised { get; }
}
