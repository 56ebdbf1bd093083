using System.Runtime.CompilerServices;

namespace AiGovernance.Statistics;

/// <summary>The exact one-sided Kolmogorov–Smirnov (Smirnov) distribution of D⁺ₙ for a sample of size n.</summary>
/// <remarks>
/// <para>Counterpart of SciPy's <c>scipy.special.smirnov</c> (cephes <c>kolmogorov.c</c>, van Mulbregt 2018), i.e.
/// <c>scipy.stats.ksone.sf</c>. The survival function is the Smirnov/Birnbaum–Tingey sum
/// P(D⁺ₙ ≥ x) = x·Σ_{v=0}^{⌊n(1−x)⌋} C(n, v)·(x + v/n)^(v−1)·(1 − x − v/n)^(n−v); every term is positive, so the
/// sum is accurate even when the result is 1e-300. For small x and few upper terms the complementary upper sum gives the
/// CDF instead (as SciPy does). Bases are formed in double-double arithmetic and powers are kept as mantissa and binary
/// exponent, so neither C(n, v) nor the powers overflow or underflow before they are combined.</para>
/// <para>Complexity: O(number of terms) = O(n) in the worst case, usually far fewer because the sum stops once the
/// remaining terms cannot change the result. From 1024 terms on, terms below e^-55.5 of the peak are skipped (only
/// C(n, v) is carried over them) and the powers are stepped by a ratio recurrence re-anchored on the direct evaluation
/// every 32 terms (see SmirnovDistribution.FastSeries.cs); the result stays within 1e-14 relative of the exhaustive loop
/// (tested). For n &gt; 1 000 000 SciPy's approximation exp(−(6nx + 1)²/(18n)) is used.</para>
/// </remarks>
internal static partial class SmirnovDistribution
{
    private const int MaxComputeN = 1_000_000;
    private const int UpperSumMaxTerms = 3;
    private const int UpperSumMinN = 10;

    // cephes MINLOG = log(2^-1074): exp of anything below it is 0.
    private const double MinLog = -7.451332191019412076235E2;

    // C's DBL_EPSILON (2^-52); double.Epsilon is the smallest subnormal instead.
    private const double DoubleEpsilon = 2.220446049250313e-16;

    /// <summary>P(D⁺ₙ ≥ x), SciPy's <c>smirnov(n, x)</c>.</summary>
    /// <param name="n">The sample size, at least 1.</param>
    /// <param name="x">The statistic; NaN for values outside [0, 1].</param>
    /// <returns>The survival probability in [0, 1], or NaN when the arguments are outside the domain.</returns>
    public static double Survival(int n, double x) => Survival(n, x, exhaustive: false);

    /// <summary>P(D⁺ₙ ≥ x); with <paramref name="exhaustive"/> every term of the series is evaluated directly, as SciPy
    /// does (the tests compare the fast path against it).</summary>
    /// <param name="n">The sample size, at least 1.</param>
    /// <param name="x">The statistic; NaN for values outside [0, 1].</param>
    /// <param name="exhaustive">Evaluate every term from v = 1 with the direct double-double powers.</param>
    /// <returns>The survival probability in [0, 1], or NaN when the arguments are outside the domain.</returns>
    // Fully optimised from the first call (as are the helpers it calls per term): one call can run 10^5 terms, far too
    // many to spend in tier-0 code while the runtime waits to promote the helpers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double Survival(int n, double x, bool exhaustive)
    {
        if (!(n > 0 && x >= 0.0 && x <= 1.0))
        {
            return double.NaN;
        }

        if (n == 1)
        {
            return 1 - x;
        }

        if (x == 0.0)
        {
            return 1.0;
        }

        if (x == 1.0)
        {
            return 0.0;
        }

        var alpha = ModNX(n, x, out var nxFloor);
        var n1mxFloor = n - nxFloor - (alpha == 0 ? 0 : 1);
        var n1mxCeil = n - nxFloor;
        if (alpha == 0)
        {
            // The boundary term v = n(1 − x) is excluded from both sums.
            n1mxFloor -= 1;
            n1mxCeil += 1;
        }

        if (nxFloor == 0 || (nxFloor == 1 && alpha == 0))
        {
            // x ≤ 1/n: CDF = x·(1 + x)^(n−1).
            var t = DoubleDouble.Pow(DoubleDouble.Sum(1, x), n - 1);
            return Clip(1 - (x * t));
        }

        if (-2.0 * n * x * x < MinLog)
        {
            return 0.0;
        }

        if (nxFloor >= n - 1)
        {
            // x ≥ 1 − 1/n: only the v = 0 term remains.
            return Clip(DoubleDouble.Pow(DoubleDouble.Sum(1, -x), n));
        }

        if (n > MaxComputeN)
        {
            var logp = -Math.Pow((6.0 * n * x) + 1, 2) / 18.0 / n;
            return Clip(logp < -Math.Log(2) ? Math.Exp(logp) : 1 + DoubleDouble.ExpMinusOne(logp));
        }

        var upperTerms = n - n1mxCeil + 1;
        var useUpperSum = (upperTerms <= 1 && x < 0.5)
            || (n >= UpperSumMinN && upperTerms <= UpperSumMaxTerms && x <= 0.5 / Math.Sqrt(n));

        int start, step, termCount;
        double first;
        if (useUpperSum)
        {
            start = n;
            step = -1;
            termCount = upperTerms;
            first = DoubleDouble.Pow(DoubleDouble.Sum(1, x), n - 1);
        }
        else
        {
            start = 0;
            step = 1;
            termCount = n1mxFloor + 1;
            first = DoubleDouble.Pow(DoubleDouble.Sum(1, -x), n) / x;
        }

        var sum = new CompensatedSum();
        sum.Add(first);

        // C(n, j) held as mantissa in [0.5, 1) times 2^exponent.
        var binomialMantissa = 1.0;
        var binomialExponent = 0;
        UpdateBinomial(ref binomialMantissa, ref binomialExponent, n, 0);
        var middle = n / 2;
        var fast = !exhaustive && !useUpperSum && termCount >= FastSeriesMinTerms;
        var firstTerm = 1;
        if (fast)
        {
            // Terms below the first significant one add less than 2^-60 of the sum; only C(n, v) is carried over them.
            firstTerm = FirstSignificantTerm(n, x, termCount - 1);
            for (var j = 1; j < firstTerm; j++)
            {
                UpdateBinomial(ref binomialMantissa, ref binomialExponent, n, j);
            }
        }

        var powers = new PowerRecurrence(n, x);
        for (var j = firstTerm; j < termCount; j++)
        {
            var v = start + (j * step);
            var term = fast
                ? powers.Term(v, binomialMantissa, binomialExponent)
                : Term(n, x, v, binomialMantissa, binomialExponent);
            if (double.IsFinite(term) && term != 0)
            {
                sum.Add(term);
            }

            if (term != 0)
            {
                if (4.0 * (termCount - j) * Math.Abs(term) < DoubleEpsilon * sum.Value && j != termCount - 1)
                {
                    break;
                }
            }
            else if (j > middle)
            {
                break;
            }

            UpdateBinomial(ref binomialMantissa, ref binomialExponent, n, j);
        }

        var probability = x * sum.Value;
        return Clip(step < 0 ? 1 - probability : probability);
    }

    private static double Clip(double p) => p < 0 ? 0 : (p > 1 ? 1 : p);

    /// <summary>⌊n·x⌋ and the fractional part of n·x, both computed exactly.</summary>
    private static double ModNX(int n, double x, out int nxFloor)
    {
        var hi = n * x;
        var lo = Math.FusedMultiplyAdd(n, x, -hi);
        double floor, alpha;
        var hiFloor = Math.Floor(hi);
        if (hiFloor == hi)
        {
            var loFloor = Math.Floor(lo);
            floor = hi + loFloor;
            alpha = lo - loFloor;
        }
        else
        {
            floor = hiFloor;
            alpha = (hi - hiFloor) + lo;
        }

        nxFloor = (int)floor;
        if (alpha >= 1)
        {
            nxFloor += 1;
            alpha = 0;
        }
        else if (alpha < 0)
        {
            alpha = 0;
        }

        return alpha;
    }

    // C(n, j)'s mantissa is renormalised only when it leaves [2^-400, 2^400]: scaling by a power of two is exact, so the
    // products it enters round exactly as with a mantissa in [0.5, 1) (the other factors stay within 2^±500).
    private static readonly double BinomialLow = Math.ScaleB(1.0, -400);
    private static readonly double BinomialHigh = Math.ScaleB(1.0, 400);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateBinomial(ref double mantissa, ref int exponent, int n, int j)
    {
        var ratio = DoubleDouble.Quotient(n - j, j + 1.0);
        var product = (mantissa * ratio.Hi) + (mantissa * ratio.Lo);
        if (product > BinomialLow && product < BinomialHigh)
        {
            mantissa = product;
            return;
        }

        mantissa = Frexp(product, out var e);
        exponent += e;
    }

    /// <summary>A_v = C(n, v)·(x + v/n)^(v−1)·(1 − x − v/n)^(n−v), with C(n, v) = mantissa·2^exponent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Term(int n, double x, int v, double binomialMantissa, int binomialExponent)
    {
        var powers = Powers(n, x, v, out var powersExponent);
        var mantissa = powers * binomialMantissa;
        return Math.ScaleB(mantissa, binomialExponent + powersExponent);
    }

    /// <summary>(x + v/n)^(v−1)·(1 − x − v/n)^(n−v) as mantissa·2^exponent, with double-double bases.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Powers(int n, double x, int v, out int exponent)
    {
        var lowerBase = DoubleDouble.Quotient(n - v, n).Add(-x);
        var lower = ScaledPow(lowerBase, n - v, out var lowerExponent);
        var upperBase = DoubleDouble.Quotient(v, n).Add(x);
        var upper = ScaledPow(upperBase, v - 1, out var upperExponent);
        exponent = lowerExponent + upperExponent;
        return upper * lower;
    }

    /// <summary>a^m as mantissa·2^exponent (|mantissa| in [0.5, 1)), so that it neither overflows nor underflows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double ScaledPow(DoubleDouble a, int m, out int exponent)
    {
        if (a.Hi == 0)
        {
            exponent = 0;
            return m == 0 ? 1 : 0;
        }

        if (m < 0)
        {
            var inverse = ScaledPow(a, -m, out var inverseExponent);
            var mantissa = Frexp(1 / inverse, out var e);
            exponent = e - inverseExponent;
            return mantissa;
        }

        var y = Frexp(a.Hi, out var yExponent);
        var correction = DoubleDouble.PowCorrection(a.Lo / a.Hi, m);
        var power = MantissaPow(y, m, out var powerExponent);
        var result = Frexp(power + (power * correction), out var resultExponent);
        exponent = powerExponent + resultExponent + (m * yExponent);
        return result;
    }

    /// <summary>y^m for |y| in [0.5, 1) as mantissa·2^exponent: directly while the power stays above 2^-960 (a normal
    /// double with full precision), otherwise as (y^c)^q·y^r with the chunk c chosen so that y^c ≥ 2^-960, recursively —
    /// a handful of correctly rounded pow calls instead of O(log m) renormalised squarings.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double MantissaPow(double y, int m, out int exponent)
    {
        if (m <= 960)
        {
            return Frexp(Math.Pow(y, m), out exponent);
        }

        var log2 = Math.Log2(Math.Abs(y));
        if (m * log2 > -960)
        {
            return Frexp(Math.Pow(y, m), out exponent);
        }

        var chunk = (int)(-960 / log2);
        var q = m / chunk;
        var r = m % chunk;
        var chunkMantissa = Frexp(Math.Pow(y, chunk), out var chunkExponent);
        var chunkPower = MantissaPow(chunkMantissa, q, out var chunkPowerExponent);
        var remainder = Frexp(Math.Pow(y, r), out var remainderExponent);
        var mantissa = Frexp(chunkPower * remainder, out var productExponent);
        exponent = productExponent + chunkPowerExponent + (chunkExponent * q) + remainderExponent;
        return mantissa;
    }

    /// <summary>Splits x into mantissa in [0.5, 1) (sign kept) and a binary exponent, like C's frexp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double Frexp(double x, out int exponent)
    {
        if (x == 0 || !double.IsFinite(x))
        {
            exponent = 0;
            return x;
        }

        exponent = Math.ILogB(x) + 1;
        return Math.ScaleB(x, -exponent);
    }
}
