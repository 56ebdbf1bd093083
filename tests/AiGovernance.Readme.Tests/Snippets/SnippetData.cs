namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>Deterministic sample data for the README snippets.</summary>
internal static class SnippetData
{
    /// <summary>Normal(mean, sd) values from a seeded generator (Box–Muller).</summary>
    public static double[] Normal(int count, double mean, double sd, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            values[i] = mean + (sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
        }

        return values;
    }

    /// <summary>A fresh temporary directory, deleted by <see cref="TempDirectory.Dispose"/>.</summary>
    public static TempDirectory CreateTempDirectory() => new();

    internal sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("aigov-readme-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
