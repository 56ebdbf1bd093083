using System.Runtime.CompilerServices;
using MathNet.Numerics.Distributions;

namespace AiGovernance.Statistics;

/// <summary>Fisher's exact test of independence on a 2 × 2 table.</summary>
/// <remarks>
/// <para>Counterpart: <c>scipy.stats.fisher_exact([[a, b], [c, d]], alternative)</c> (SciPy 1.10.1). With the margins
/// fixed, the top-left cell X is hypergeometric: a population of N = a + b + c + d with K = a + c successes, of which
/// n = a + b are drawn. <see cref="Alternative.Less"/> (odds ratio below 1) gives P(X ≤ a),
/// <see cref="Alternative.Greater"/> (odds ratio above 1) gives P(X ≥ a), and two-sided sums the probabilities of every
/// table no more likely than the observed one.</para>
/// <para><b>Ties:</b> two tables with mathematically equal probability (symmetric margins) can differ in their last bits,
/// so "no more likely" allows a relative 1e-7 (SciPy allows 1e-14 on its more exact probabilities); both rules count
/// exact ties, and on every reference table (symmetric margins included) they select the same tables.</para>
/// <para><b>Accuracy:</b> each probability is exp of MathNet's log-pmf (log-gamma differences), whose rounding grows
/// with N: against SciPy the largest relative error over the reference tables (N up to 2·10⁶, p down to 1e-321) is
/// 2.3e-9, and p-values down to about 1e-300 keep their digits; the tests hold p to 1e-6 relative. Near N = 10⁹ the
/// log-gammas (about 4·10¹⁰) carry errors near 1e-5, p is good to about that, and tables within that much of the
/// mode's probability count as ties (a two-sided p of 1 where SciPy reports 0.998).</para>
/// <para><b>Cost:</b> the tails are summed outward from their inner end until a term no longer changes the sum (the
/// hypergeometric tails fall faster than geometrically) and the two-sided boundaries are found by bisection, so a table
/// costs O(log N + √N) log-pmf evaluations rather than one per table in the support; no allocation.</para>
/// <para><b>Edge cases:</b> an empty row or column leaves a single possible table: p = 1 and the odds ratio is NaN, as
/// SciPy returns them.</para>
/// </remarks>
public static class FisherExact
{
    private static readonly double TieSlack = Math.Log(1 + 1e-7);

    /// <summary>Tests the table [[a, b], [c, d]].</summary>
    /// <param name="a">Top-left count (for example errors in the first arm).</param>
    /// <param name="b">Top-right count (successes in the first arm).</param>
    /// <param name="c">Bottom-left count (errors in the second arm).</param>
    /// <param name="d">Bottom-right count (successes in the second arm).</param>
    /// <param name="alternative">The alternative: <see cref="Alternative.Greater"/> means the odds ratio a·d/(b·c) exceeds 1.</param>
    /// <returns>The sample odds ratio and the p-value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, the table holds more than
    /// <see cref="int.MaxValue"/> observations (the parameter is then <paramref name="a"/> unless one count alone is too
    /// large), or <paramref name="alternative"/> is not defined.</exception>
    public static FisherExactResult Test(long a, long b, long c, long d, Alternative alternative = Alternative.TwoSided)
    {
        ThrowIfBadCount(a);
        ThrowIfBadCount(b);
        ThrowIfBadCount(c);
        ThrowIfBadCount(d);
        SampleGuard.ThrowIfUndefined(alternative);
        var total = a + b + c + d;
        if (total > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                nameof(a), total, "The table holds more observations than the hypergeometric distribution supports (Int32.MaxValue).");
        }

        if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0)
        {
            return new FisherExactResult(double.NaN, 1);
        }

        var oddsRatio = b > 0 && c > 0 ? a * (double)d / (c * (double)b) : double.PositiveInfinity;
        var table = new Margins((int)total, (int)(a + c), (int)(a + b));
        var observed = (int)a;
        var p = alternative switch
        {
            Alternative.Less => observed < table.Mode ? table.LowerTail(observed) : 1 - table.UpperTail(observed + 1),
            Alternative.Greater => observed > table.Mode ? table.UpperTail(observed) : 1 - table.LowerTail(observed - 1),
            _ => TwoSided(table, observed),
        };
        return new FisherExactResult(oddsRatio, Math.Clamp(p, 0.0, 1.0));
    }

    /// <summary>Σ pmf(k) over the tables with ln pmf(k) ≤ ln pmf(observed) + slack. The pmf is log-concave, so those
    /// tables are the two tails outside an interval around the mode; each boundary is found by bisection on its
    /// monotone side and each tail summed outward.</summary>
    private static double TwoSided(Margins table, int observed)
    {
        var cutoff = table.PmfLn(observed) + TieSlack;
        if (table.PmfLn(table.Mode) <= cutoff)
        {
            return 1;
        }

        // Largest k ≤ mode with pmf(k) ≤ cutoff (pmf rises up to the mode), and smallest k ≥ mode (it falls after).
        int lo = table.Low, hi = table.Mode;
        if (table.PmfLn(lo) > cutoff)
        {
            lo = table.Low - 1;
        }
        else
        {
            while (hi - lo > 1)
            {
                var mid = lo + ((hi - lo) / 2);
                (table.PmfLn(mid) <= cutoff ? ref lo : ref hi) = mid;
            }
        }

        int left = table.Mode, right = table.High;
        if (table.PmfLn(right) > cutoff)
        {
            right = table.High + 1;
        }
        else
        {
            while (right - left > 1)
            {
                var mid = left + ((right - left) / 2);
                (table.PmfLn(mid) <= cutoff ? ref right : ref left) = mid;
            }
        }

        return table.LowerTail(lo) + table.UpperTail(right);
    }

    private static void ThrowIfBadCount(long count, [CallerArgumentExpression(nameof(count))] string? paramName = null)
    {
        if (count is < 0 or > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(paramName, count, "A count must lie in [0, Int32.MaxValue].");
        }
    }

    /// <summary>The hypergeometric distribution of the top-left cell: N tables' worth of population, K successes, n draws.</summary>
    private readonly struct Margins(int population, int successes, int draws)
    {
        // Terms below this share of the running sum no longer change it (the tails fall off faster than geometrically).
        private const double Negligible = 1e-20;

        public int Low { get; } = Math.Max(0, draws - (population - successes));

        public int High { get; } = Math.Min(successes, draws);

        public int Mode { get; } = (int)Math.Clamp(
            Math.Floor((draws + 1.0) * (successes + 1.0) / (population + 2.0)),
            Math.Max(0, draws - (population - successes)),
            Math.Min(successes, draws));

        public double PmfLn(int k) => Hypergeometric.PMFLn(population, successes, draws, k);

        /// <summary>P(X ≤ k) for k below the mode, summed downward from k (the terms fall) until negligible.</summary>
        public double LowerTail(int k)
        {
            double sum = 0;
            for (var j = k; j >= Low; j--)
            {
                var term = Math.Exp(PmfLn(j));
                sum += term;
                if (j < Mode && term <= sum * Negligible)
                {
                    break;
                }
            }

            return sum;
        }

        /// <summary>P(X ≥ k) for k above the mode, summed upward from k (the terms fall) until negligible.</summary>
        public double UpperTail(int k)
        {
            double sum = 0;
            for (var j = k; j <= High; j++)
            {
                var term = Math.Exp(PmfLn(j));
                sum += term;
                if (j > Mode && term <= sum * Negligible)
                {
                    break;
                }
            }

            return sum;
        }
    }
}
