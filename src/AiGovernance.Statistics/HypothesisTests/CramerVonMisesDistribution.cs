using MathNet.Numerics;

namespace AiGovernance.Statistics;

/// <summary>The null distributions behind <see cref="CramerVonMises"/>: the exact lattice-path enumeration and the limiting
/// distribution of the one-sample statistic.</summary>
internal static class CramerVonMisesDistribution
{
    /// <summary>SciPy stops adding series terms after the first one below this.</summary>
    private const double SeriesTolerance = 1e-7;

    private static readonly double PiToThreeHalves = Math.Pow(Math.PI, 1.5);

    /// <summary>The limiting CDF of the one-sample Cramér–von Mises statistic (Csörgő &amp; Faraway 1996, eq. 1.3),
    /// truncated exactly as SciPy's <c>_cdf_cvm_inf</c>: terms are added until (and including) the first below 1e-7.</summary>
    public static double LimitingCdf(double x)
    {
        double total = 0;
        for (var k = 0; ; k++)
        {
            var u = Math.Exp(SpecialFunctions.GammaLn(k + 0.5) - SpecialFunctions.GammaLn(k + 1)) / (PiToThreeHalves * Math.Sqrt(x));
            double y = (4 * k) + 1;
            var q = y * y / (16 * x);
            var term = u * Math.Sqrt(y) * Math.Exp(-q) * SpecialFunctions.BesselK(0.25, q);
            total += term;
            if (!(Math.Abs(term) >= SeriesTolerance))
            {
                return total;
            }
        }
    }

    /// <summary>P(U ≥ u) under the no-ties null distribution for samples of <paramref name="nx"/> and <paramref name="ny"/>
    /// values (SciPy's <c>_pval_cvm_2samp_exact(u, nx, ny)</c>), or NaN when the enumeration would exceed
    /// <paramref name="stateBudget"/> cell entries.</summary>
    public static double ExactPValue(double u, int nx, int ny, long stateBudget) => ExactPValue(u, nx, ny, stateBudget, out _);

    /// <summary><see cref="ExactPValue(double, int, int, long)"/>, also reporting the number of cell entries produced.</summary>
    internal static double ExactPValue(double u, int nx, int ny, long stateBudget, out long work)
    {
        work = 0;
        long m = nx, n = ny;
        var lcm = m / Gcd(m, n) * n;
        if ((double)(n + 1) * (m + 1) > stateBudget || (double)lcm * lcm * (m + n) > 1e18)
        {
            // More cells than the budget allows, or sums beyond 64-bit integers: far outside what enumeration can do.
            return double.NaN;
        }

        var a = lcm / m;
        var b = lcm / n;
        var mn = m * n;

        // ζ as SciPy computes it: integer products, one double product and a floor division of doubles.
        var numerator = (double)(lcm * lcm * (m + n)) * ((6 * u) - (double)(mn * ((4 * mn) - 1)));
        var zeta = PythonFloorDivide(numerator, 6.0 * mn * mn);
        if (zeta <= 0)
        {
            return 1.0;
        }

        // Partial sums are integers; a path counts once its sum reaches ⌈ζ⌉, and sums never decrease along a path.
        var cap = (long)Math.Min(Math.Ceiling(zeta), long.MaxValue / 2);
        var previous = NewRow(nx + 1);
        var current = NewRow(nx + 1);
        previous[0].SetSingle(0, 1);
        for (long row = 0; row <= n; row++)
        {
            for (var v = 0; v <= nx; v++)
            {
                var step = (a * v) - (b * row);
                var cell = current[v];
                cell.MergeShifted(v > 0 ? current[v - 1] : Cell.Empty, previous[v], step * step, cap);
                work += cell.Length;
                if (work > stateBudget)
                {
                    return double.NaN;
                }
            }

            (previous, current) = (current, previous);
        }

        var final = previous[nx];
        double reached = 0, all = 0;
        for (var i = 0; i < final.Length; i++)
        {
            all += final.Counts[i];
            if (final.Values[i] >= cap)
            {
                reached += final.Counts[i];
            }
        }

        return reached / all;
    }

    /// <summary>Python's (and NumPy's) floor division of doubles: the quotient of a − fmod(a, b), rounded to the nearest
    /// integer and corrected to the floor, which can differ from ⌊a/b⌋ by one where a/b rounds up to an integer.</summary>
    internal static double PythonFloorDivide(double a, double b)
    {
        var mod = a % b;
        var div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0))
        {
            div -= 1.0;
        }

        if (div == 0)
        {
            return Math.CopySign(0.0, a / b);
        }

        var floor = Math.Floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }

    private static long Gcd(long p, long q)
    {
        while (q != 0)
        {
            (p, q) = (q, p % q);
        }

        return p;
    }

    private static Cell[] NewRow(int length)
    {
        var row = new Cell[length];
        for (var i = 0; i < length; i++)
        {
            row[i] = new Cell();
        }

        return row;
    }

    /// <summary>The frequency table of one lattice cell: ascending partial sums and the number of paths reaching each.</summary>
    private sealed class Cell
    {
        public static readonly Cell Empty = new();

        public long[] Values { get; private set; } = [];

        public double[] Counts { get; private set; } = [];

        public int Length { get; private set; }

        public void SetSingle(long value, double count)
        {
            Ensure(1);
            Values[0] = value;
            Counts[0] = count;
            Length = 1;
        }

        /// <summary>Replaces this cell with the union of two cells' tables, every sum increased by <paramref name="shift"/>
        /// and sums at or above <paramref name="cap"/> collected in one entry with value <paramref name="cap"/>.</summary>
        public void MergeShifted(Cell left, Cell up, long shift, long cap)
        {
            Ensure(left.Length + up.Length);
            ReadOnlySpan<long> leftValues = left.Values.AsSpan(0, left.Length), upValues = up.Values.AsSpan(0, up.Length);
            ReadOnlySpan<double> leftCounts = left.Counts.AsSpan(0, left.Length), upCounts = up.Counts.AsSpan(0, up.Length);
            var values = Values.AsSpan();
            var counts = Counts.AsSpan();
            int i = 0, j = 0, length = 0;
            while (i < leftValues.Length && j < upValues.Length)
            {
                long value;
                double count;
                var l = leftValues[i];
                var r = upValues[j];
                if (l < r)
                {
                    value = l;
                    count = leftCounts[i++];
                }
                else if (r < l)
                {
                    value = r;
                    count = upCounts[j++];
                }
                else
                {
                    value = l;
                    count = leftCounts[i++] + upCounts[j++];
                }

                length = Append(values, counts, length, Math.Min(value + shift, cap), count);
            }

            for (; i < leftValues.Length; i++)
            {
                length = Append(values, counts, length, Math.Min(leftValues[i] + shift, cap), leftCounts[i]);
            }

            for (; j < upValues.Length; j++)
            {
                length = Append(values, counts, length, Math.Min(upValues[j] + shift, cap), upCounts[j]);
            }

            Length = length;
        }

        private static int Append(Span<long> values, Span<double> counts, int length, long value, double count)
        {
            if (length > 0 && values[length - 1] == value)
            {
                counts[length - 1] += count;
                return length;
            }

            values[length] = value;
            counts[length] = count;
            return length + 1;
        }

        private void Ensure(int capacity)
        {
            if (Values.Length >= capacity)
            {
                return;
            }

            // The old entries are about to be overwritten by a merge, so nothing is copied.
            var size = Math.Max(capacity, Math.Max(4, Values.Length * 2));
            Values = new long[size];
            Counts = new double[size];
        }
    }
}
