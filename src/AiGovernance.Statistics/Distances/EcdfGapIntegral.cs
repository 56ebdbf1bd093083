namespace AiGovernance.Statistics;

/// <summary>The one merge walk behind the ECDF distances: ∫ g(F_x(t) − F_y(t)) dt over two sorted samples, for the
/// Wasserstein-1 distance (g = |·|) and the energy distance (g = (·)²).</summary>
/// <remarks>One pass over both samples, O(n + m), no allocation; each step adds g(gap)·(next·scale − position·scale), so
/// the result is bit-for-bit the sum each distance computed on its own before.</remarks>
internal static class EcdfGapIntegral
{
    /// <summary>g(gap) = |gap|: the Wasserstein-1 integrand.</summary>
    internal readonly struct AbsoluteGap : IGapWeight
    {
        public static double Weight(double gap) => Math.Abs(gap);
    }

    /// <summary>g(gap) = gap²: the Cramér (energy distance) integrand.</summary>
    internal readonly struct SquaredGap : IGapWeight
    {
        public static double Weight(double gap) => gap * gap;
    }

    /// <summary>The integrand, chosen at compile time (a struct type argument, so the walk is specialised and inlined).</summary>
    internal interface IGapWeight
    {
        static abstract double Weight(double gap);
    }

    /// <summary>∫ g(F_x − F_y) over the data multiplied by <paramref name="scale"/> (1, or a power of two so no gap
    /// overflows); both samples sorted ascending and non-empty.</summary>
    public static double Integrate<TWeight>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double scale)
        where TWeight : struct, IGapWeight
    {
        int n = x.Length, m = y.Length;
        int i = 0, j = 0;
        var position = Math.Min(x[0], y[0]);
        while (i < n && x[i] <= position)
        {
            i++;
        }

        while (j < m && y[j] <= position)
        {
            j++;
        }

        double sum = 0;
        while (i < n || j < m)
        {
            var next = i < n ? (j < m ? Math.Min(x[i], y[j]) : x[i]) : y[j];
            sum += TWeight.Weight(((double)i / n) - ((double)j / m)) * ((next * scale) - (position * scale));
            position = next;
            while (i < n && x[i] <= position)
            {
                i++;
            }

            while (j < m && y[j] <= position)
            {
                j++;
            }
        }

        return sum;
    }
}
