using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;

namespace AiGovernance.Monitoring.Orleans.Tests;

/// <summary>A seeded synthetic stream of a credit model's inputs and output: four numeric columns (a skewed income with
/// missing values, integer ages, a continuous score, a low-cardinality tenure) and three categorical ones (six regions
/// with missing values, forty channels, the model's yes/no). The current stream is shifted.</summary>
internal static class StreamData
{
    public static readonly string[] NumericColumns = ["income", "age", "score", "tenure"];
    public static readonly string[] CategoricalColumns = ["region", "channel", "approved"];

    private static readonly string[] Regions = ["north", "south", "east", "west", "centre", "islands"];
    private static readonly string[] Channels = [.. Enumerable.Range(0, 40).Select(i => $"c{i:D2}")];

    public static DriftReference Reference { get; } = DriftReference.Fit(Generate(20_000, seed: 1, shifted: false).ToTabular());

    public static Rows Generate(int rows, long seed, bool shifted)
    {
        var random = new SplitMix64(seed);
        var numbers = new double[rows * 4];
        var labels = new string?[rows * 3];
        for (var r = 0; r < rows; r++)
        {
            var income = Math.Round(Math.Exp(10 + 0.5 * random.NextNormal()) * (shifted ? 1.1 : 1.0), 2);
            numbers[r * 4] = random.NextDouble() < (shifted ? 0.05 : 0.03) ? double.NaN : income;
            numbers[r * 4 + 1] = 18 + (int)(random.NextDouble() * 63);
            numbers[r * 4 + 2] = random.NextNormal() + (shifted ? 0.2 : 0);
            numbers[r * 4 + 3] = (int)(random.NextDouble() * random.NextDouble() * 7);
            var u = random.NextDouble();
            var region = shifted ? (int)(u * u * 6) : (int)(u * 6);
            labels[r * 3] = random.NextDouble() < 0.02 ? null : Regions[region];
            labels[r * 3 + 1] = Channels[(int)(Math.Pow(random.NextDouble(), 1.5) * 40)];
            labels[r * 3 + 2] = random.NextDouble() < (shifted ? 0.55 : 0.6) ? "yes" : "no";
        }

        return new Rows(rows, numbers, labels);
    }

    public static TabularData Concatenate(IReadOnlyList<Rows> parts)
    {
        var total = parts.Sum(p => p.Count);
        var numbers = new double[total * 4];
        var labels = new string?[total * 3];
        var at = 0;
        foreach (var part in parts)
        {
            part.Numbers.CopyTo(numbers, at * 4);
            part.Labels.CopyTo(labels, at * 3);
            at += part.Count;
        }

        return new Rows(total, numbers, labels).ToTabular();
    }

    internal sealed record Rows(int Count, double[] Numbers, string?[] Labels)
    {
        public ReadOnlySpan<double> NumericRow(int row) => Numbers.AsSpan(row * 4, 4);

        public ReadOnlySpan<string?> CategoricalRow(int row) => Labels.AsSpan(row * 3, 3);

        public double[] Column(int numeric) => [.. Enumerable.Range(0, Count).Select(r => Numbers[r * 4 + numeric])];

        public TabularData ToTabular()
        {
            var builder = TabularData.CreateBuilder();
            for (var c = 0; c < 4; c++)
            {
                builder.AddNumeric(NumericColumns[c], Column(c));
            }

            for (var c = 0; c < 3; c++)
            {
                var column = new string?[Count];
                for (var r = 0; r < Count; r++)
                {
                    column[r] = Labels[r * 3 + c];
                }

                builder.AddCategorical(CategoricalColumns[c], column);
            }

            return builder.Build();
        }
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): a seeded stream that is the same on every .NET version.</summary>
    private struct SplitMix64(long seed)
    {
        private ulong _state = unchecked((ulong)seed);

        public double NextDouble()
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }

        public double NextNormal()
        {
            var u1 = 1.0 - NextDouble();
            var u2 = NextDouble();
            return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
    }
}
