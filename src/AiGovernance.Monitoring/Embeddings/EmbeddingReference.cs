namespace AiGovernance.Monitoring.Embeddings;

/// <summary>Reference embedding vectors validated and packed once by <see cref="EmbeddingDriftDetector.Fit"/>.</summary>
/// <remarks>Immutable and safe to share across threads; holds the vectors (count × dimension floats) in one array.</remarks>
public sealed class EmbeddingReference
{
    internal EmbeddingReference(float[] rows, int count, int dimension)
    {
        Rows = rows;
        Count = count;
        Dimension = dimension;
    }

    /// <summary>The number of reference vectors.</summary>
    public int Count { get; }

    /// <summary>The vectors' dimension.</summary>
    public int Dimension { get; }

    /// <summary>Row-major vectors.</summary>
    internal float[] Rows { get; }
}
