using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace AiGovernance.Statistics;

internal static partial class SmirnovDistribution
{
    // Below this many terms the direct evaluation is cheap enough and stays bit-identical to SciPy's loop.
    internal const int FastSeriesMinTerms = 1024;

    // Every term at most this many steps after a directly evaluated one comes from the ratio recurrence.
    internal const int AnchorInterval = 32;

    // ln(2^-60) − ln(10^6): the skipped lower terms are each below e^-SkipMargin of the largest term and there are
    // fewer than 10^6 of them, so together they stay below 2^-60 of the sum.
    private const double SkipMargin = 55.5;

    // The recurrence step exp(L) is used only while |L| is this small (its absolute error is about |L|·2^-52).
    private const double MaxRecurrenceExponent = 4.0;

    // log1p by its Taylor series below this magnitude (the z^9 remainder is under 2^-63 relative).
    private const double SeriesLogLimit = 1.0 / 512;

    /// <summary>The smallest v ≥ 1 whose term can matter: the log-terms ln A_v = ln C(n, v) + (v − 1)·ln(x + v/n)
    /// + (n − v)·ln(1 − x − v/n) rise to a single peak and fall (the large-deviation shape −n·x²/(2u(1 − u)) with
    /// u = x + v/n); the peak is found by ternary search and the start by bisection on the rising side, with lnΓ
    /// accurate far beyond the margin needed.</summary>
    /// <param name="n">The sample size.</param>
    /// <param name="x">The statistic.</param>
    /// <param name="last">The last index of the series.</param>
    /// <returns>The first index to evaluate, at least 1.</returns>
    internal static int FirstSignificantTerm(int n, double x, int last)
    {
        if (last < 3)
        {
            return 1;
        }

        var lnFactorialN = SpecialFunctions.GammaLn(n + 1.0);
        double LogTerm(int v) =>
            lnFactorialN - SpecialFunctions.GammaLn(v + 1.0) - SpecialFunctions.GammaLn(n - v + 1.0)
            + ((v - 1) * Math.Log(x + ((double)v / n))) + ((n - v) * Math.Log(1 - x - ((double)v / n)));

        int lo = 1, hi = last;
        while (hi - lo > 2)
        {
            var m1 = lo + ((hi - lo) / 3);
            var m2 = hi - ((hi - lo) / 3);
            if (LogTerm(m1) < LogTerm(m2))
            {
                lo = m1 + 1;
            }
            else
            {
                hi = m2;
            }
        }

        var peak = lo;
        var peakLog = LogTerm(lo);
        for (var v = lo + 1; v <= hi; v++)
        {
            var value = LogTerm(v);
            if (value > peakLog)
            {
                peak = v;
                peakLog = value;
            }
        }

        if (!double.IsFinite(peakLog))
        {
            return 1;
        }

        var threshold = peakLog - SkipMargin;
        if (LogTerm(1) >= threshold)
        {
            return 1;
        }

        // LogTerm(lo) < threshold ≤ LogTerm(hi).
        lo = 1;
        hi = peak;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (LogTerm(mid) < threshold)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return hi;
    }

    /// <summary>log(1 + z) for |z| ≤ 1/512 by its Taylor series, else by Goldberg's trick.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double LogOnePlusSmall(double z)
    {
        if (Math.Abs(z) > SeriesLogLimit)
        {
            return DoubleDouble.LogOnePlus(z);
        }

        // z − z²/2 + z³/3 − … − z⁸/8, Horner from the highest power.
        var p = -1.0 / 8;
        p = (p * z) + (1.0 / 7);
        p = (p * z) - (1.0 / 6);
        p = (p * z) + (1.0 / 5);
        p = (p * z) - (1.0 / 4);
        p = (p * z) + (1.0 / 3);
        p = (p * z) - (1.0 / 2);
        return z + (z * z * p);
    }

    /// <summary>The powers (x + v/n)^(v−1)·(1 − x − v/n)^(n−v) of consecutive terms: evaluated directly (double-double
    /// bases, <see cref="Powers"/>) every <see cref="AnchorInterval"/> terms and in between by the ratio
    /// P_{m+1}/P_m = (a + m)/(n − a − m)·exp(m·log1p(1/(a + m)) + (n − m − 1)·log1p(−1/(n − a − m))), a = n·x,
    /// with a carried as an exact double-double, so each step adds a few units in the last place.</summary>
    private struct PowerRecurrence
    {
        private const double RenormalizeLow = 1e-150;
        private const double RenormalizeHigh = 1e150;

        private readonly int _n;
        private readonly double _x;
        private readonly double _aHi;
        private readonly double _aLo;
        private int _v;
        private int _sinceAnchor;
        private double _mantissa;
        private int _exponent;

        public PowerRecurrence(int n, double x)
        {
            _n = n;
            _x = x;
            _aHi = n * x;
            _aLo = Math.FusedMultiplyAdd(n, x, -_aHi);
            _v = -1;
        }

        /// <summary>A_v = C(n, v)·P_v with C(n, v) = mantissa·2^exponent; v must be one more than the previous call's.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double Term(int v, double binomialMantissa, int binomialExponent)
        {
            if (_v < 0 || v != _v + 1 || _sinceAnchor >= AnchorInterval || !TryStep())
            {
                _mantissa = Powers(_n, _x, v, out _exponent);
                _sinceAnchor = 0;
            }
            else
            {
                _sinceAnchor++;
            }

            _v = v;
            return Math.ScaleB(_mantissa * binomialMantissa, binomialExponent + _exponent);
        }

        /// <summary>Moves P from _v to _v + 1 by the ratio; false when the step would not be accurate.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool TryStep()
        {
            var m = _v;

            // a + m and n − a − m as double-double (s + e, t + f).
            var s = DoubleDouble.Sum(_aHi, m);
            var e = s.Lo + _aLo;
            var t = DoubleDouble.Sum(_n - m, -_aHi);
            var f = t.Lo - _aLo;
            if (s.Hi < 1.0 / SeriesLogLimit || t.Hi < 1.0 / SeriesLogLimit)
            {
                return false;
            }

            var up = 1 / s.Hi * (1 - (e / s.Hi));
            var down = 1 / t.Hi * (1 - (f / t.Hi));
            var exponent = (m * LogOnePlusSmall(up)) + ((_n - m - 1) * LogOnePlusSmall(-down));
            if (Math.Abs(exponent) > MaxRecurrenceExponent)
            {
                return false;
            }

            var ratio = s.Hi / t.Hi * (1 + ((e / s.Hi) - (f / t.Hi)));
            var mantissa = _mantissa * (ratio * Math.Exp(exponent));
            if (mantissa is < RenormalizeLow or > RenormalizeHigh)
            {
                mantissa = Frexp(mantissa, out var shift);
                _exponent += shift;
            }

            _mantissa = mantissa;
            return true;
        }
    }
}
