using System.Buffers;

namespace AiGovernance.Statistics;

/// <summary>Exact null distribution of the two-sample Kolmogorov–Smirnov statistic (SciPy's
/// <c>_attempt_exact_2kssamp</c>).</summary>
/// <remarks>All probabilities are computed from the upper tail; none is formed as 1 − CDF. The statistic is given as the
/// integer h = round(D·lcm(n, m)) so that lattice boundaries are exact.</remarks>
internal static class KolmogorovSmirnovExact
{
    /// <summary>Attempts the exact p-value; false (SciPy: "Exact calculation unsuccessful") when the computation
    /// overflows or yields a probability outside [0, 1], in which case the caller falls back to the asymptotic method.</summary>
    public static bool TryPValue(int n1, int n2, long g, long h, Alternative alternative, out double probability)
    {
        if (alternative == Alternative.TwoSided)
        {
            probability = n1 == n2 ? ProbabilityOutsideSquare(n1, h) : ProbabilityOutsideBand(n1, n2, g, h);
        }
        else if (n1 == n2)
        {
            // C(2n, n − h)/C(2n, n) = Π_{j<h} (n − j)/(n + j + 1), without forming either binomial coefficient.
            probability = 1.0;
            for (long j = 0; j < h; j++)
            {
                probability *= (n1 - j) / (n1 + j + 1.0);
            }
        }
        else
        {
            // SciPy divides a path count by C(n1 + n2, n1) and gives up when that coefficient overflows a double.
            if (BinomialOverflows(n1 + (long)n2, Math.Min(n1, n2)))
            {
                probability = double.NaN;
                return false;
            }

            probability = ProbabilityBeyondBoundary(n1, n2, g, h);
        }

        return probability is >= 0 and <= 1;
    }

    /// <summary>n = m two-sided: P(D ≥ h/n) = 2·Σ_{k≥1} (−1)^(k−1) C(2n, n − kh)/C(2n, n), evaluated as the Horner-like
    /// product P = 2·A₀(1 − A₁(1 − A₂(…))) from k = ⌊n/h⌋ down to 0, each Aₖ = Π_{j&lt;h} (n − kh − j)/(n + kh + j + 1).
    /// O(n) time.</summary>
    internal static double ProbabilityOutsideSquare(int n, long h)
    {
        var p = 0.0;
        var k = n / h;
        while (k >= 0)
        {
            var p1 = 1.0;
            for (long j = 0; j < h; j++)
            {
                p1 = (n - (k * h) - j) * p1 / (n + (k * h) + j + 1);
            }

            p = p1 * (1.0 - p);
            k--;
        }

        return 2 * p;
    }

    /// <summary>n ≠ m two-sided: the proportion of lattice paths from (0, 0) to (m, n) that leave the band
    /// |x·n/g − y·m/g| &lt; h (Hodges 1958, inside method), computed directly as that proportion rather than as 1 − the
    /// proportion inside (Viehmann 2021): A(x, y) = (x·A(x − 1, y) + y·A(x, y − 1))/(x + y), cells outside the band are 1.
    /// One sliding column of the band is kept: O(n·m) time at most, O(min(n, m)) memory.</summary>
    internal static double ProbabilityOutsideBand(int n1, int n2, long g, long h)
    {
        long m = Math.Max(n1, n2), n = Math.Min(n1, n2);
        var mg = m / g;
        var ng = n / g;
        long minJ = 0;
        var maxJ = Math.Min(CeilingDivide(h, mg), n + 1);
        var currentLength = maxJ - minJ;
        var length = (int)Math.Min((2 * maxJ) + 2, n + 1);
        var rented = ArrayPool<double>.Shared.Rent(length);
        try
        {
            var a = rented.AsSpan(0, length);
            a.Fill(1.0);
            a[..(int)Math.Min(maxJ, length)].Clear();
            for (long i = 1; i <= m; i++)
            {
                var lastMinJ = minJ;
                var lastLength = currentLength;
                minJ = Math.Min(Math.Max(FloorDivide((ng * i) - h, mg) + 1, 0), n);
                maxJ = Math.Min(CeilingDivide((ng * i) + h, mg), n + 1);
                if (maxJ <= minJ)
                {
                    return 1.0;
                }

                var value = minJ == 0 ? 0.0 : 1.0;
                var width = (int)(maxJ - minJ);
                var shift = (int)(minJ - lastMinJ);

                // The source cell a[jj + shift] is read before a[jj] is overwritten (shift ≥ 0), so one column suffices.
                // i and j are small integers, so their double sums are exact and the result equals SciPy's bit for bit.
                var previous = a.Slice(shift, width);
                var current = a[..width];
                double di = i;
                double dj = minJ;
                for (var jj = 0; jj < current.Length; jj++)
                {
                    value = ((previous[jj] * di) + (value * dj)) / (di + dj);
                    current[jj] = value;
                    dj += 1;
                }

                currentLength = maxJ - minJ;
                if (lastLength > currentLength)
                {
                    var from = (int)currentLength;
                    var to = (int)Math.Min(currentLength + (lastLength - currentLength), length);
                    a[from..to].Fill(1.0);
                }
            }

            return a[(int)(maxJ - minJ - 1)];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>n ≠ m one-sided: the proportion of lattice paths from (0, 0) to (m, n), m ≥ n, that reach
    /// x·n/g − y·m/g ≥ h (the paths SciPy's <c>_count_paths_outside_method</c> counts, divided by C(m + n, n)),
    /// computed as a proportion with the same recursion as the two-sided case and a single boundary, so no binomial
    /// coefficient is formed and there is no cancellation. O(n·m) time, O(min(n, m)) memory.</summary>
    internal static double ProbabilityBeyondBoundary(int n1, int n2, long g, long h)
    {
        long m = Math.Max(n1, n2), n = Math.Min(n1, n2);
        var mg = m / g;
        var ng = n / g;
        var length = (int)n + 1;
        var rented = ArrayPool<double>.Shared.Rent(length);
        try
        {
            var u = rented.AsSpan(0, length);
            u.Clear();
            for (long x = 1; x <= m; x++)
            {
                // Cells y ≤ ⌊(ng·x − h)/mg⌋ are on or beyond the boundary.
                var lastCrossed = FloorDivide((ng * x) - h, mg);
                var y = 0L;
                for (; y <= n && y <= lastCrossed; y++)
                {
                    u[(int)y] = 1.0;
                }

                var below = y == 0 ? 0.0 : u[(int)y - 1];
                for (; y <= n; y++)
                {
                    below = ((x * u[(int)y]) + (y * below)) / (x + y);
                    u[(int)y] = below;
                }
            }

            return u[(int)n];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Whether C(n, k) exceeds the largest double, computed multiplicatively in doubles (not via exp(lnΓ)).</summary>
    internal static bool BinomialOverflows(long n, long k)
    {
        var c = 1.0;
        for (long i = 1; i <= k; i++)
        {
            c *= (n - k + i) / (double)i;
            if (double.IsInfinity(c))
            {
                return true;
            }
        }

        return false;
    }

    internal static long FloorDivide(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
    }

    internal static long CeilingDivide(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && ((a < 0) == (b < 0))) ? q + 1 : q;
    }
}
