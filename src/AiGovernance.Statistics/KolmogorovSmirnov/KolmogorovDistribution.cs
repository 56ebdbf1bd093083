using System.Buffers;

namespace AiGovernance.Statistics;

/// <summary>The two-sided Kolmogorov–Smirnov distribution of Dₙ = sup|Fₙ − F| for a sample of size n (SciPy's
/// <c>kstwo</c>) and its limit √n·Dₙ → K (SciPy's <c>kstwobign</c>, cephes <c>kolmogorov</c>).</summary>
/// <remarks>
/// <para><see cref="TwoSidedSurvival"/> follows SciPy's <c>scipy.stats._ksstats._kolmogn</c> (Simard &amp; L'Ecuyer
/// 2011): the exact Ruben–Gambino formulas for t = n·d ≤ 1 and t ≥ n − 1; 2·Smirnov for d ≥ 0.5 (exact there, as
/// D⁺ ≥ d and D⁻ ≥ d cannot both hold); for n ≤ 140 the Durbin matrix (Marsaglia–Tsang–Wang) when n·d² ≤ 0.754693,
/// the Pomeranz recursion when n·d² ≤ 4 and 2·Smirnov above; for n &gt; 140 the survival function is 0 when
/// n·d² ≥ 370, 2·Smirnov when n·d² ≥ 2.2, and otherwise 1 − CDF with the CDF from the Durbin matrix when
/// n ≤ 100 000 and n·d^1.5 ≤ 1.4, else from the Pelz–Good expansion. Small survival probabilities therefore always come
/// from an upper-tail formula, never from 1 − CDF.</para>
/// <para>Complexity: O(k³ log n) with k = ⌈n·d⌉ for the Durbin matrix (k ≤ 59 where it is used), O(n·k) for Pomeranz,
/// O(n) for Smirnov's sum, O(√n·d) for Pelz–Good.</para>
/// </remarks>
internal static class KolmogorovDistribution
{
    private const int ScaleExponent = 128;
    private static readonly double ScaleUp = Math.ScaleB(1.0, ScaleExponent);
    private static readonly double ScaleDown = Math.ScaleB(1.0, -ScaleExponent);
    private static readonly double Sqrt2Pi = Math.Sqrt(2 * Math.PI);
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);
    private const double MinLog = -708;
    private const double PiSquared = Math.PI * Math.PI;
    private const double PiFour = PiSquared * PiSquared;
    private const double PiSix = PiFour * PiSquared;

    // Stirling series coefficients B_{2j}/(2j)/(2j−1), j = 8 … 1 (highest power first).
    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    /// <summary>P(Dₙ ≥ d), SciPy's <c>kstwo.sf(d, n)</c>.</summary>
    /// <param name="n">The sample size, at least 1.</param>
    /// <param name="d">The statistic.</param>
    /// <returns>The survival probability in [0, 1].</returns>
    public static double TwoSidedSurvival(int n, double d)
    {
        if (double.IsNaN(d))
        {
            return double.NaN;
        }

        if (d >= 1.0)
        {
            return 0.0;
        }

        if (d <= 0.0)
        {
            return 1.0;
        }

        var t = n * d;
        if (t <= 1.0)
        {
            if (t <= 0.5)
            {
                return 1.0;
            }

            double cdf;
            if (n <= 140)
            {
                cdf = 1.0;
                var factor = (2 * t) - 1;
                var reciprocal = 1.0 / n;
                for (var i = 1; i <= n; i++)
                {
                    cdf *= i * reciprocal * factor;
                }
            }
            else
            {
                cdf = Math.Exp(LogFactorialOverPower(n) + (n * Math.Log((2 * t) - 1)));
            }

            return Clip(1.0 - cdf);
        }

        if (t >= n - 1)
        {
            return Clip(2 * Math.Pow(1.0 - d, n));
        }

        if (d >= 0.5)
        {
            return Clip(2 * SmirnovDistribution.Survival(n, d));
        }

        var nxSquared = t * d;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
            {
                return Clip(1.0 - DurbinMatrixCdf(n, d));
            }

            if (nxSquared <= 4)
            {
                return Clip(1.0 - PomeranzCdf(n, d));
            }

            return Clip(2 * SmirnovDistribution.Survival(n, d));
        }

        if (nxSquared >= 370.0)
        {
            return 0.0;
        }

        if (nxSquared >= 2.2)
        {
            return Clip(2 * SmirnovDistribution.Survival(n, d));
        }

        var cdfProbability = n <= 100000 && n * Math.Pow(d, 1.5) <= 1.4
            ? DurbinMatrixCdf(n, d)
            : PelzGoodCdf(n, d);
        return Clip(1.0 - Clip(cdfProbability));
    }

    /// <summary>P(K ≥ x) for the limiting Kolmogorov distribution, SciPy's <c>kstwobign.sf</c> (cephes <c>kolmogorov</c>).</summary>
    /// <param name="x">√n·Dₙ.</param>
    /// <returns>The survival probability in [0, 1].</returns>
    /// <remarks>For x ≤ 0.82 the theta-function series √(2π)/x·Σ exp(−(2k−1)²π²/(8x²)) gives the CDF; above, the
    /// alternating series 2·Σ(−1)^(k−1) exp(−2k²x²) gives the survival function directly.</remarks>
    public static double LimitingSurvival(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x <= 0 || x <= Math.PI / Math.Sqrt(746 * 8.0))
        {
            return 1.0;
        }

        if (x <= 0.82)
        {
            var w = Sqrt2Pi / x;
            var logu8 = -PiSquared / (x * x);
            var u = Math.Exp(logu8 / 8);
            double p;
            if (u == 0)
            {
                p = Math.Exp((logu8 / 8) + Math.Log(w));
            }
            else
            {
                var u8 = Math.Exp(logu8);
                var u8Cubed = Math.Pow(u8, 3);
                p = 1.0;
                p = 1 + (u8Cubed * p);
                p = 1 + (u8 * u8 * p);
                p = 1 + (u8 * p);
                p = w * u * p;
            }

            return Clip(1 - Clip(p));
        }

        var v = Math.Exp(-2 * x * x);
        var v2 = v * v;
        var v3 = Math.Pow(v, 3);
        var sf = 1.0;
        sf = 1 - (v3 * v3 * v * sf);
        sf = 1 - (v3 * v2 * sf);
        sf = 1 - (v3 * sf);
        return Clip(2 * v * sf);
    }

    private static double Clip(double p) => p < 0 ? 0 : (p > 1 ? 1 : p);

    /// <summary>log(n!/nⁿ) by Stirling's series with the n·log n term removed up front.</summary>
    private static double LogFactorialOverPower(int n)
    {
        var rn = 1.0 / n;
        var x = rn / n;
        var poly = 0.0;
        foreach (var c in StirlingCoefficients)
        {
            poly = (poly * x) + c;
        }

        return (Math.Log(n) / 2) - n + (Log2Pi / 2) + (rn * poly);
    }

    /// <summary>P(Dₙ ≤ d) by Durbin's matrix: the (k, k) entry of (n!/nⁿ)·Hⁿ with m = 2k − 1, k = ⌈n·d⌉
    /// (Marsaglia, Tsang &amp; Wang 2003), scaled by powers of 2^128 to stay in range.</summary>
    internal static double DurbinMatrixCdf(int n, double d)
    {
        if (d >= 1.0)
        {
            return 1.0;
        }

        var nd = n * d;
        if (nd <= 0.5)
        {
            return 0.0;
        }

        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = (2 * k) - 1;
        var size = m * m;
        var pool = ArrayPool<double>.Shared;
        var hArray = pool.Rent(size);
        var powerArray = pool.Rent(size);
        var scratchArray = pool.Rent(size);
        var vArray = pool.Rent(m);
        var wArray = pool.Rent(m);
        try
        {
            var matrix = hArray.AsSpan(0, size);
            var power = powerArray.AsSpan(0, size);
            var scratch = scratchArray.AsSpan(0, size);
            var v = vArray.AsSpan(0, m);
            var w = wArray.AsSpan(0, m);
            matrix.Clear();
            var factorial = 1.0;
            for (var j = 1; j <= m; j++)
            {
                w[j - 1] = factorial;
                factorial /= j;
                v[j - 1] = (1.0 - Math.Pow(h, j)) * factorial;
            }

            var tt = Math.Pow(Math.Max((2 * h) - 1.0, 0), m) - (2 * Math.Pow(h, m));
            v[m - 1] = (1.0 + tt) * factorial;
            for (var i = 1; i < m; i++)
            {
                for (var row = i - 1; row < m; row++)
                {
                    matrix[(row * m) + i] = w[row - (i - 1)];
                }
            }

            for (var row = 0; row < m; row++)
            {
                matrix[row * m] = v[row];
            }

            for (var col = 0; col < m; col++)
            {
                matrix[((m - 1) * m) + col] = v[m - 1 - col];
            }

            power.Clear();
            for (var i = 0; i < m; i++)
            {
                power[(i * m) + i] = 1.0;
            }

            var remaining = n;
            var exponent = 0;
            var matrixExponent = 0;
            while (remaining > 0)
            {
                if ((remaining & 1) != 0)
                {
                    Multiply(power, matrix, scratch, m);
                    scratch.CopyTo(power);
                    exponent += matrixExponent;
                }

                Multiply(matrix, matrix, scratch, m);
                scratch.CopyTo(matrix);
                matrixExponent *= 2;
                if (Math.Abs(matrix[((k - 1) * m) + k - 1]) > ScaleUp)
                {
                    for (var i = 0; i < size; i++)
                    {
                        matrix[i] *= ScaleDown;
                    }

                    matrixExponent += ScaleExponent;
                }

                remaining >>= 1;
            }

            var p = power[((k - 1) * m) + k - 1];
            for (var i = 1; i <= n; i++)
            {
                p = i * p / n;
                if (Math.Abs(p) < ScaleDown)
                {
                    p *= ScaleUp;
                    exponent -= ScaleExponent;
                }
            }

            if (exponent != 0)
            {
                p = Math.ScaleB(p, exponent);
            }

            return Clip(p);
        }
        finally
        {
            pool.Return(hArray);
            pool.Return(powerArray);
            pool.Return(scratchArray);
            pool.Return(vArray);
            pool.Return(wArray);
        }
    }

    private static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result, int m)
    {
        result[..(m * m)].Clear();
        for (var i = 0; i < m; i++)
        {
            var resultRow = result.Slice(i * m, m);
            for (var l = 0; l < m; l++)
            {
                var ail = a[(i * m) + l];
                if (ail == 0)
                {
                    continue;
                }

                var bRow = b.Slice(l * m, m);
                for (var j = 0; j < m; j++)
                {
                    resultRow[j] += ail * bRow[j];
                }
            }
        }
    }

    /// <summary>P(Dₙ ≤ d) by the Pomeranz (1974) recursion: 2n + 1 convolutions of a short row with Poisson-like
    /// weights, keeping only the non-zero window of each row and rescaling by 2^128 against underflow.</summary>
    internal static double PomeranzCdf(int n, double x)
    {
        var t = n * x;
        var ll = (int)Math.Floor(t);
        var f = t - ll;
        var g = Math.Min(f, 1.0 - f);
        var ceilF = f > 0 ? 1 : 0;
        var roundF = f > 0.5 ? 1 : 0;
        var npwrs = 2 * (ll + 1);
        var pool = ArrayPool<double>.Shared;
        var buffer = pool.Rent(5 * npwrs);
        try
        {
            var all = buffer.AsSpan(0, 5 * npwrs);
            all.Clear();
            var gPower = all.Slice(0, npwrs);
            var twoGPower = all.Slice(npwrs, npwrs);
            var oneMinusTwoGPower = all.Slice(2 * npwrs, npwrs);
            var rowA = all.Slice(3 * npwrs, npwrs);
            var rowB = all.Slice(4 * npwrs, npwrs);
            gPower[0] = 1.0;
            twoGPower[0] = 1.0;
            oneMinusTwoGPower[0] = 1.0;
            var exponent = 0;
            double gOverN = g / n, twoGOverN = 2 * g / n, oneMinusTwoGOverN = (1 - (2 * g)) / n;
            for (var m = 1; m < npwrs; m++)
            {
                gPower[m] = gPower[m - 1] * gOverN / m;
                twoGPower[m] = twoGPower[m - 1] * twoGOverN / m;
                oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN / m;
            }

            var v0 = rowA;
            var v1 = rowB;
            v1[0] = 1;
            int v0Start = 0, v1Start = 0;
            var (j1, _) = PomeranzBounds(0, n, ll, ceilF, roundF);
            for (var i = 1; i < (2 * n) + 2; i++)
            {
                var k1 = j1;
                var swap = v0;
                v0 = v1;
                v1 = swap;
                (v0Start, v1Start) = (v1Start, v0Start);
                v1.Clear();
                (j1, var j2) = PomeranzBounds(i, n, ll, ceilF, roundF);
                var powers = i == 1 || i == (2 * n) + 1 ? gPower : (i % 2 != 0 ? twoGPower : oneMinusTwoGPower);
                var length = j2 - k1 + 1;
                if (length > 0)
                {
                    // Entries [j1 − k1, j2 − k1] of the full convolution of v0[k1 − v0Start …] with powers[0 … length).
                    var sourceStart = k1 - v0Start;
                    var sourceLength = Math.Min(length, npwrs - sourceStart);
                    var powerLength = Math.Min(length, npwrs);
                    var convStart = j1 - k1;
                    var convLength = j2 - j1 + 1;
                    var max = 0.0;
                    for (var c = 0; c < convLength && c < npwrs; c++)
                    {
                        var index = convStart + c;
                        var sum = 0.0;
                        var lo = Math.Max(0, index - (powerLength - 1));
                        var hi = Math.Min(index, sourceLength - 1);
                        for (var a = lo; a <= hi; a++)
                        {
                            sum += v0[sourceStart + a] * powers[index - a];
                        }

                        v1[c] = sum;
                        max = Math.Max(max, sum);
                    }

                    if (max > 0 && max < ScaleDown)
                    {
                        for (var c = 0; c < npwrs; c++)
                        {
                            v1[c] *= ScaleUp;
                        }

                        exponent -= ScaleExponent;
                    }

                    v1Start = v0Start + j1 - k1;
                }
            }

            var answer = v1[n - v1Start];
            for (var m = 1; m <= n; m++)
            {
                if (Math.Abs(answer) > ScaleUp)
                {
                    answer *= ScaleDown;
                    exponent += ScaleExponent;
                }

                answer *= m;
            }

            if (exponent != 0)
            {
                answer = Math.ScaleB(answer, exponent);
            }

            return Clip(answer);
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    private static (int J1, int J2) PomeranzBounds(int i, int n, int ll, int ceilF, int roundF)
    {
        int j1, j2;
        if (i == 0)
        {
            j1 = -ll - ceilF - 1;
            j2 = ll + ceilF - 1;
        }
        else
        {
            var half = (i + 1) / 2;
            if ((i + 1) % 2 == 0)
            {
                if (half == n + 1)
                {
                    j1 = n - ll - ceilF - 1;
                    j2 = n + ll + ceilF - 1;
                }
                else
                {
                    j1 = half - 1 - ll - roundF - 1;
                    j2 = half + ll - 1 + ceilF - 1;
                }
            }
            else
            {
                j1 = half - 1 - ll - 1;
                j2 = half + ll + roundF - 1;
            }
        }

        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }

    /// <summary>P(Dₙ ≤ x) by the Pelz–Good (1976) expansion K₀ + K₁/√n + K₂/n + K₃/n^1.5 in its small-z theta form.</summary>
    internal static double PelzGoodCdf(int n, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        var z = Math.Sqrt(n) * x;
        var z2 = z * z;
        var z3 = z2 * z;
        var z4 = z2 * z2;
        var z6 = z4 * z2;
        var qlog = -PiSquared / 8 / z2;
        if (qlog < MinLog)
        {
            return 0.0;
        }

        var q = Math.Exp(qlog);
        var k1a = -z2;
        var k1b = PiSquared / 4;
        var k2a = (6 * z6) + (2 * z4);
        var k2b = ((2 * z4) - (5 * z2)) * PiSquared / 4;
        var k2c = PiFour * (1 - (2 * z2)) / 16;
        var k3d = PiSix * (5 - (30 * z2)) / 64;
        var k3c = PiFour * ((-60 * z2) + (212 * z4)) / 16;
        var k3b = PiSquared * ((135 * z4) - (96 * z6)) / 4;
        var k3a = (-30 * z6) - (90 * Math.Pow(z, 8));

        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var maxK = (int)Math.Ceiling(16 * z / Math.PI);
        for (var k = maxK; k > 0; k--)
        {
            double mm = (2 * k) - 1;
            var m2 = mm * mm;
            var m4 = m2 * m2;
            var m6 = m4 * m2;
            var qPower = Math.Pow(q, 8 * k);
            s0 = (s0 * qPower) + 1.0;
            s1 = (s1 * qPower) + (k1a + (k1b * m2));
            s2 = (s2 * qPower) + (k2a + (k2b * m2) + (k2c * m4));
            s3 = (s3 * qPower) + (k3a + (k3b * m2) + (k3c * m4) + (k3d * m6));
        }

        var scale = q * Sqrt2Pi;
        s0 = s0 * scale / z;
        s1 = s1 * scale / (6 * z4);
        s2 = s2 * scale / (72 * Math.Pow(z, 7));
        s3 = s3 * scale / (6480 * Math.Pow(z, 10));

        var q2 = Math.Exp(-PiSquared / 2 / z2);
        var sqrt3z = Math.Sqrt(3) * z;
        double k2Extra = 0, k3Extra = 0;
        for (var k = maxK; k > 0; k--)
        {
            double kk = k;
            var k2 = kk * kk;
            var qPower = Math.Pow(q2, k2);
            var kPi = Math.PI * kk;
            k2Extra += k2 * qPower;
            k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * k2 * qPower;
        }

        s2 += k2Extra * PiSquared * Sqrt2Pi / (-36 * z3);
        s3 += k3Extra * PiSquared * Sqrt2Pi / (216 * z6);
        double nn = n;
        return s0 + (s1 / Math.Sqrt(nn)) + (s2 / nn) + (s3 / Math.Pow(nn, 1.5));
    }
}
