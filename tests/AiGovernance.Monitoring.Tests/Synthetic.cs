namespace AiGovernance.Monitoring.Tests;

/// <summary>Seeded synthetic samples for drift and validation tests.</summary>
internal static class Synthetic
{
    /// <summary>SplitMix64 finaliser: System.Random's seeded generator gives correlated streams for nearby seeds,
    /// so every seed is scrambled first.</summary>
    private static int Mix(int seed)
    {
        var z = (ulong)seed + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    public static double[] Normal(int n, double mean, double sd, int seed)
    {
        var random = new Random(Mix(seed));
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Box–Muller on two uniforms in (0, 1].
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            result[i] = mean + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return result;
    }

    public static string?[] Categories(int n, string[] labels, double[] weights, int seed)
    {
        var random = new Random(Mix(seed));
        var total = weights.Sum();
        var result = new string?[n];
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble() * total;
            var k = 0;
            while (k < labels.Length - 1 && u >= weights[k])
            {
                u -= weights[k];
                k++;
            }

            result[i] = labels[k];
        }

        return result;
    }

    public static double[] WithMissing(double[] values, double rate, int seed)
    {
        var random = new Random(Mix(seed));
        var copy = (double[])values.Clone();
        for (var i = 0; i < copy.Length; i++)
        {
            if (random.NextDouble() < rate)
            {
                copy[i] = double.NaN;
            }
        }

        return copy;
    }
}
