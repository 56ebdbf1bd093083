using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Statistics;

namespace AiGovernance.Testing;

/// <summary>Five seeded reference/current pairs for the columnar drift runner: numeric shifts, missing values, categories,
/// constant and all-missing columns, columns only on one side, two-valued and low-cardinality numbers, high-cardinality
/// categories, small references (tests) and large ones (distances), and detector options that change the method and the
/// correction.</summary>
internal static class ColumnarDatasets
{
    public static IEnumerable<string> Names => ["numeric-shift", "missing-and-categories", "constant-and-absent", "cardinality", "mixed-wide"];

    public static (TabularData Reference, TabularData Current, DataDriftOptions Options) Get(string name) => name switch
    {
        "numeric-shift" => (Table(5_000, 1, 3, 0, false, 0), Table(4_000, 2, 3, 0, true, 0), new DataDriftOptions()),
        "missing-and-categories" => (Table(900, 3, 3, 3, false, 0.05), Table(1_200, 4, 3, 3, true, 0.12), new DataDriftOptions()),
        "constant-and-absent" => ConstantAndAbsent(),
        "cardinality" => Cardinality(),
        "mixed-wide" => (Table(20_000, 9, 18, 12, false, 0.02), Table(15_000, 10, 18, 12, true, 0.03), MixedOptions()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>A table of <paramref name="numeric"/> rounded numeric and <paramref name="categorical"/> categorical columns.</summary>
    public static TabularData Table(int rows, long seed, int numeric, int categorical, bool shifted, double missing)
    {
        var random = new Mix(seed);
        var builder = TabularData.CreateBuilder();
        for (var c = 0; c < numeric; c++)
        {
            var values = new double[rows];
            for (var r = 0; r < rows; r++)
            {
                var value = (c % 3) switch
                {
                    0 => Math.Round(random.Normal() * (1 + c) + (shifted && c % 2 == 0 ? 0.3 : 0), 3),
                    1 => Math.Round(Math.Exp(random.Normal()), 2),
                    _ => Math.Floor(random.Uniform() * (shifted ? 7 : 6)),
                };
                values[r] = random.Uniform() < missing ? double.NaN : value;
            }

            builder.AddNumeric($"n{c:D3}", values);
        }

        for (var c = 0; c < categorical; c++)
        {
            var labels = new string?[rows];
            var size = 2 + (c * 3 % 17);
            for (var r = 0; r < rows; r++)
            {
                var u = random.Uniform();
                var k = (int)((shifted && c % 2 == 1 ? u * u : u) * size);
                labels[r] = random.Uniform() < missing ? null : $"cat{c}-{k}";
            }

            builder.AddCategorical($"c{c:D3}", labels);
        }

        return builder.Build();
    }

    private static (TabularData, TabularData, DataDriftOptions) ConstantAndAbsent()
    {
        TabularData Build(int rows, long seed, bool current)
        {
            var random = new Mix(seed);
            var builder = TabularData.CreateBuilder()
                .AddNumeric("constant", Enumerable.Repeat(4.5, rows).ToArray())
                .AddCategorical("single", Enumerable.Repeat<string?>("only", rows).ToArray())
                .AddNumeric("noisy", Enumerable.Range(0, rows).Select(_ => Math.Round(random.Normal(), 2)).ToArray())
                .AddNumeric("emptied", Enumerable.Range(0, rows).Select(_ => current ? double.NaN : Math.Round(random.Normal(), 1)).ToArray())
                .AddCategorical("gone-missing", Enumerable.Range(0, rows).Select(_ => current ? null : (string?)"x").ToArray())
                .AddNumeric("never-there", Enumerable.Repeat(double.NaN, rows).ToArray());
            builder.AddNumeric(current ? "only-current" : "only-reference", Enumerable.Range(0, rows).Select(i => (double)(i % 5)).ToArray());
            return builder.Build();
        }

        return (Build(3_000, 21, false), Build(2_500, 22, true), new DataDriftOptions());
    }

    private static (TabularData, TabularData, DataDriftOptions) Cardinality()
    {
        TabularData Build(int rows, long seed, bool shifted)
        {
            var random = new Mix(seed);
            return TabularData.CreateBuilder()
                .AddNumeric("flag", Enumerable.Range(0, rows).Select(_ => random.Uniform() < (shifted ? 0.4 : 0.3) ? 1.0 : 0.0).ToArray())
                .AddNumeric("dice", Enumerable.Range(0, rows).Select(_ => Math.Floor(random.Uniform() * 4)).ToArray())
                .AddCategorical("user", Enumerable.Range(0, rows).Select(_ => $"user-{(int)(random.Uniform() * 2_000)}").ToArray()!)
                .AddCategorical("yes-no", Enumerable.Range(0, rows).Select(_ => random.Uniform() < (shifted ? 0.5 : 0.45) ? "yes" : "no").ToArray()!)
                .Build();
        }

        return (Build(800, 31, false), Build(3_000, 32, true), new DataDriftOptions());
    }

    private static DataDriftOptions MixedOptions()
    {
        var options = new DataDriftOptions { Correction = MultipleTestingMethod.Holm, Bins = 20, SmallReferenceRows = 25_000 };
        options.ColumnMethods["n001"] = DriftMethod.NormalizedWasserstein;
        options.ColumnMethods["c002"] = DriftMethod.JensenShannon;
        return options;
    }

    /// <summary>SplitMix64: the same stream on every .NET version.</summary>
    private struct Mix(long seed)
    {
        private ulong _state = unchecked((ulong)seed);

        public double Uniform()
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }

        public double Normal() => Math.Sqrt(-2 * Math.Log(1 - Uniform())) * Math.Cos(2 * Math.PI * Uniform());
    }
}
