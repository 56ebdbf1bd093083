using FsCheck;
using FsCheck.Fluent;

namespace AiGovernance.Reliability.Tests.Hostile;

/// <summary>The shape of a hostile sample.</summary>
internal enum SampleShape
{
    Empty,
    Single,
    Ordinary,
    WithNaN,
    WithInfinity,
    Subnormal,
    Extreme,
    AllDuplicates,
    Sorted,
    ReverseSorted,
    Palette,
    Probabilities,
    Simplex,
}

/// <summary>FsCheck generators for hostile spans, scalars and counts.</summary>
/// <remarks>Each sample is built from (shape, seed, length) so a failure is reproducible from the printed tuple.</remarks>
internal static class HostileValues
{
    /// <summary>Finite and non-finite values that break naive arithmetic.</summary>
    public static readonly double[] DoublePalette =
    [
        0.0, -0.0, 1.0, -1.0, 0.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon,
        2.2250738585072014E-308 / 3, 1e308, -1e308, double.MaxValue, double.MinValue, 1e-300, 1 - 1e-16, 1 + 1e-15, 2.0, 1e15,
    ];

    /// <summary>Counts that break naive integer arithmetic.</summary>
    public static readonly long[] LongPalette =
    [
        0, 1, -1, 2, 10, 1000, int.MaxValue, (long)int.MaxValue + 1, long.MaxValue, long.MaxValue - 1, long.MinValue, long.MaxValue / 2, 1L << 53,
    ];

    /// <summary>A hostile sample of at most <paramref name="maxLength"/> values.</summary>
    public static Gen<double[]> Samples(int maxLength) =>
        from shape in Gen.Elements(Enum.GetValues<SampleShape>())
        from seed in Gen.Choose(0, int.MaxValue)
        from length in Gen.Choose(0, maxLength)
        select Build(shape, seed, length);

    /// <summary>A hostile scalar: mostly palette values, some uniform in [0, 1], some wide.</summary>
    public static Gen<double> Scalars() =>
        Gen.Frequency(
            (3, Gen.Elements(DoublePalette)),
            (2, Gen.Choose(0, 1_000_000).Select(i => i / 1_000_000.0)),
            (1, Gen.Choose(int.MinValue, int.MaxValue).Select(i => i / 1000.0)));

    /// <summary>Mostly the valid <paramref name="usual"/> value, sometimes a hostile one: with several hostile options per case,
    /// drawing each uniformly would reject nearly every case at the first guard and never reach the computation.</summary>
    public static Gen<T> Mostly<T>(T usual, Gen<T> hostile) => Gen.Frequency((3, Gen.Constant(usual)), (1, hostile));

    /// <summary>A hostile count.</summary>
    public static Gen<long> Counts() =>
        Gen.Frequency(
            (3, Gen.Elements(LongPalette)),
            (2, Gen.Choose(0, 200).Select(i => (long)i)),
            (1, Gen.Choose(int.MinValue, int.MaxValue).Select(i => (long)i * 4099)));

    /// <summary>A hostile two-way table of counts (0 to 5 rows and columns).</summary>
    public static Gen<long[,]> Tables() =>
        from rows in Gen.Choose(0, 5)
        from columns in Gen.Choose(0, 5)
        from cells in Gen.ArrayOf(Counts(), rows * columns)
        select ToTable(rows, columns, cells);

    /// <summary>Builds a sample of one shape; deterministic in its arguments.</summary>
    public static double[] Build(SampleShape shape, int seed, int length)
    {
        var random = new Random(seed);
        var values = new double[shape switch { SampleShape.Empty => 0, SampleShape.Single => 1, _ => length }];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = shape switch
            {
                SampleShape.Subnormal => (random.Next(2) == 0 ? 1 : -1) * double.Epsilon * random.Next(1, 1000),
                SampleShape.Extreme => (random.Next(2) == 0 ? 1 : -1) * (random.Next(3) == 0 ? double.MaxValue : 1e308),
                SampleShape.Palette => DoublePalette[random.Next(DoublePalette.Length)],
                SampleShape.Probabilities => random.Next(4) == 0 ? random.Next(2) : random.NextDouble(),
                SampleShape.Simplex => random.NextDouble(),
                _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 6)),
            };
        }

        switch (shape)
        {
            case SampleShape.WithNaN when values.Length > 0:
                values[random.Next(values.Length)] = double.NaN;
                break;
            case SampleShape.WithInfinity when values.Length > 0:
                values[random.Next(values.Length)] = random.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity;
                break;
            case SampleShape.AllDuplicates:
                Array.Fill(values, DoublePalette[random.Next(DoublePalette.Length)]);
                break;
            case SampleShape.Sorted:
                Array.Sort(values);
                break;
            case SampleShape.ReverseSorted:
                Array.Sort(values);
                Array.Reverse(values);
                break;
            case SampleShape.Simplex:
                var sum = values.Sum();
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] /= sum;
                }

                break;
        }

        return values;
    }

    /// <summary>Whether every value is finite.</summary>
    public static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every value is finite and its magnitude at most <paramref name="limit"/> (so sums of n values stay finite).</summary>
    public static bool AllWithin(ReadOnlySpan<double> values, double limit)
    {
        foreach (var v in values)
        {
            if (!(Math.Abs(v) <= limit))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="value"/> is a probability.</summary>
    public static bool IsProbability(double value) => value is >= 0 and <= 1;

    private static long[,] ToTable(int rows, int columns, long[] cells)
    {
        var table = new long[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                table[i, j] = cells[(i * columns) + j];
            }
        }

        return table;
    }
}
