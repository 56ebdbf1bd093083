namespace AiGovernance.Statistics;

/// <summary>The distance between two samples' mean vectors with permutation p-values (see <see cref="MeanEmbeddingDistance"/>).</summary>
/// <param name="Euclidean">‖μ_x − μ_y‖₂.</param>
/// <param name="EuclideanPValue">The permutation p-value of <see cref="Euclidean"/>, in (0, 1].</param>
/// <param name="Cosine">The cosine distance 1 − μ_x·μ_y/(‖μ_x‖‖μ_y‖), in [0, 2]; NaN when a mean is the zero vector.</param>
/// <param name="CosinePValue">The permutation p-value of <see cref="Cosine"/>, in (0, 1]; NaN with it.</param>
/// <param name="Permutations">The number of permutations.</param>
/// <param name="FirstRows">Rows of the first sample used (fewer than given when a seeded sample replaced it).</param>
/// <param name="SecondRows">Rows of the second sample used.</param>
public readonly record struct MeanEmbeddingDistanceResult(
    double Euclidean,
    double EuclideanPValue,
    double Cosine,
    double CosinePValue,
    int Permutations,
    int FirstRows,
    int SecondRows);
