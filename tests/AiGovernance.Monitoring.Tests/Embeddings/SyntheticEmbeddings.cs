namespace AiGovernance.Monitoring.Tests.Embeddings;

/// <summary>Seeded synthetic sentence embeddings: unit vectors around one of eight topic centres (random unit vectors, so
/// different topics are nearly orthogonal), each vector = normalise(centre + noise) with ‖noise‖ ≈ 1, so a vector's cosine
/// to its topic centre is about 0.7 — the geometry of a sentence-embedding model's output on a few subjects.</summary>
internal static class SyntheticEmbeddings
{
    public const int Dimension = 384;
    public const int Topics = 8;

    /// <summary>Uniform over the eight topics.</summary>
    public static readonly double[] Uniform = [.. Enumerable.Repeat(1.0 / Topics, Topics)];

    /// <summary>A 20 % topic-mixture change: topics 0–3 lose 5 points each to topics 4–7 (total variation distance 0.2).</summary>
    public static readonly double[] Shifted = [0.075, 0.075, 0.075, 0.075, 0.175, 0.175, 0.175, 0.175];

    private static readonly Lazy<float[][]> s_centres = new(() =>
    {
        var centres = new float[Topics][];
        for (var t = 0; t < Topics; t++)
        {
            centres[t] = Normalise(Synthetic.Normal(Dimension, 0, 1, 9000 + t));
        }

        return centres;
    });

    public static IReadOnlyList<float[]> Sample(int count, double[] weights, int seed)
    {
        var random = new Random(seed);
        var noise = Synthetic.Normal(count * Dimension, 0, 1.0 / Math.Sqrt(Dimension), seed + 1);
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            var u = random.NextDouble();
            var topic = 0;
            while (topic < Topics - 1 && u >= weights[topic])
            {
                u -= weights[topic];
                topic++;
            }

            var centre = s_centres.Value[topic];
            var raw = new double[Dimension];
            for (var k = 0; k < Dimension; k++)
            {
                raw[k] = centre[k] + noise[(i * Dimension) + k];
            }

            vectors[i] = Normalise(raw);
        }

        return vectors;
    }

    private static float[] Normalise(double[] values)
    {
        var norm = Math.Sqrt(values.Sum(v => v * v));
        return values.Select(v => (float)(v / norm)).ToArray();
    }
}
