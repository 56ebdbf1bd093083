using System.Buffers;
using MathNet.Numerics;

namespace AiGovernance.Statistics;

/// <summary>The exact null distribution of the Mann–Whitney U statistic (no ties).</summary>
/// <remarks>
/// The number of arrangements with U = u is the coefficient of q^u in the Gaussian binomial
/// [n₁+n₂ choose n₁]_q = Π_{i=1..s} (1 − q^{l+i}) / (1 − q^i) with s = min(n₁, n₂), l = max(n₁, n₂). These are the
/// same integers SciPy 1.10.1 counts with the recurrence f(m, n, k) = f(m − 1, n, k − n) + f(m, n − 1, k); building
/// the product factor by factor (a subtraction with stride l + i, then prefix sums with stride i) needs only the
/// coefficients up to the largest u asked for, in O(s·u) time and O(u) memory. Coefficients are rescaled by exact
/// powers of two so that counts beyond the double range (e.g. C(20100, 100)) do not overflow. The subtractions lose
/// accuracy as the number of factors grows (checked against exact integer arithmetic: relative error ≤ 10⁻¹⁴ up to
/// s = 100, 10⁻¹¹ at s = 150), so the exact distribution is offered only for s ≤ 100.
/// </remarks>
internal static class MannWhitneyDistribution
{
    /// <summary>Above this many inner-loop steps the exact distribution is not attempted (about a second of work).</summary>
    public const double WorkLimit = 4e8;

    /// <summary>The largest smaller-sample size for which the exact distribution is computed.</summary>
    public const int MaxSmallerSize = 100;

    private const int RescaleExponent = 600;
    private static readonly double RescaleThreshold = Math.ScaleB(1.0, RescaleExponent);

    /// <summary>Whether the cumulative distribution up to <paramref name="maxU"/> is affordable.</summary>
    public static bool IsAffordable(int n1, int n2, long maxU) =>
        Math.Min(n1, n2) <= MaxSmallerSize && maxU < int.MaxValue / 2 && (double)Math.Min(n1, n2) * (maxU + 1) <= WorkLimit;

    /// <summary>P(U ≤ k) for 0 ≤ k (any k; values past n₁n₂ give 1). Caller checks <see cref="IsAffordable"/>.</summary>
    public static double Cdf(int n1, int n2, long k)
    {
        var total = (long)n1 * n2;
        if (k < 0)
        {
            return 0;
        }

        if (k >= total)
        {
            return 1;
        }

        // Sum the shorter tail; the distribution is symmetric about n₁n₂/2: P(U ≤ k) = 1 − P(U ≤ n₁n₂ − k − 1).
        if (2 * k > total)
        {
            return 1 - Cdf(n1, n2, total - k - 1);
        }

        var length = (int)(k + 1);
        var counts = ArrayPool<double>.Shared.Rent(length);
        try
        {
            var span = counts.AsSpan(0, length);
            var scale = FillCounts(n1, n2, span);
            double sum = 0;
            for (var i = 0; i < span.Length; i++)
            {
                sum += span[i];
            }

            return ToProbability(sum, scale, n1, n2);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(counts);
        }
    }

    /// <summary>The smallest u with P(U ≤ u) ≥ <paramref name="probability"/> (R's <c>qwilcox</c>), for probability ≤ 0.5.</summary>
    public static long Quantile(int n1, int n2, double probability)
    {
        var total = (long)n1 * n2;
        var length = (int)((total / 2) + 1);
        var counts = ArrayPool<double>.Shared.Rent(length);
        try
        {
            var span = counts.AsSpan(0, length);
            var scale = FillCounts(n1, n2, span);
            double sum = 0;
            for (var u = 0; u < span.Length; u++)
            {
                sum += span[u];
                if (ToProbability(sum, scale, n1, n2) >= probability)
                {
                    return u;
                }
            }

            return total / 2;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(counts);
        }
    }

    /// <summary>Fills <paramref name="counts"/>[u] with the number of arrangements giving U = u, divided by 2^scale.</summary>
    private static int FillCounts(int n1, int n2, Span<double> counts)
    {
        var small = Math.Min(n1, n2);
        var large = Math.Max(n1, n2);
        var length = counts.Length;
        counts.Clear();
        counts[0] = 1;
        var scale = 0;
        for (var i = 1; i <= small; i++)
        {
            var stride = large + i;
            for (var t = length - 1; t >= stride; t--)
            {
                counts[t] -= counts[t - stride];
            }

            double max = counts[0];
            for (var t = i; t < length; t++)
            {
                counts[t] += counts[t - i];
                if (counts[t] > max)
                {
                    max = counts[t];
                }
            }

            if (max > RescaleThreshold)
            {
                for (var t = 0; t < length; t++)
                {
                    counts[t] = Math.ScaleB(counts[t], -RescaleExponent);
                }

                scale += RescaleExponent;
            }
        }

        return scale;
    }

    private static double ToProbability(double scaledCount, int scale, int n1, int n2)
    {
        var small = Math.Min(n1, n2);
        var n = n1 + n2;
        if (scale == 0)
        {
            // C(n, small) multiplicatively: exact while it fits in 53 bits, correctly rounded steps beyond.
            double binomial = 1;
            for (var i = 1; i <= small; i++)
            {
                binomial = binomial * (n - small + i) / i;
            }

            if (double.IsFinite(binomial))
            {
                return Math.Min(1, scaledCount / binomial);
            }
        }

        if (scaledCount <= 0)
        {
            return 0;
        }

        var log = Math.Log(scaledCount) + (scale * Math.Log(2)) - SpecialFunctions.BinomialLn(n, small);
        return Math.Min(1, Math.Exp(log));
    }
}
