using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace AiGovernance.Statistics;

/// <summary>One- and two-sample Kolmogorov–Smirnov tests that reproduce SciPy 1.10 <c>scipy.stats.ks_2samp</c> and
/// <c>scipy.stats.ks_1samp</c>.</summary>
/// <remarks>
/// <para><b>Two-sample statistic.</b> Defined on the merged order of both samples (computed without sorting them in
/// full, see Cost). At every pooled value z the right-continuous empirical CDFs F_x(z) = #(x ≤ z)/n and
/// F_y(z) = #(y ≤ z)/m are compared, so ties are handled exactly. D⁺ = max(F_x − F_y), D⁻ = max(F_y − F_x) clipped at 0;
/// <see cref="Alternative.Greater"/> uses D⁺, <see cref="Alternative.Less"/> D⁻ and the two-sided test the larger
/// (D⁺ on a tie).</para>
/// <para><b>Two-sample p-value.</b> <see cref="KolmogorovSmirnovMethod.Auto"/> is exact when max(n, m) ≤ 10 000. The exact
/// method rounds D to h/lcm(n, m) and uses: for n = m, the closed form 2·Σ(−1)^(k−1) C(2n, n − kh)/C(2n, n) (two-sided)
/// or C(2n, n − h)/C(2n, n) (one-sided), both as products of ratios; for n ≠ m, the lattice-path recursions (proportion of
/// paths leaving the band, or crossing one boundary) in O(n·m) time and O(min(n, m)) memory. As in SciPy it falls back to
/// the asymptotic method when lcm(n, m) ≥ 2³¹ − 1 (explicit <see cref="KolmogorovSmirnovMethod.Exact"/>), when
/// C(n + m, n) overflows a double (one-sided, n ≠ m) or when the result leaves [0, 1]. The asymptotic two-sided p-value
/// is the survival function of the finite-n two-sided Kolmogorov distribution (SciPy <c>kstwo</c>, Simard &amp; L'Ecuyer)
/// at n_eff = round(n·m/(n + m)); one-sided it is Hodges' exp(−2z² − 2z(m' + 2n')/(3√(m'n'(m' + n')))) with z = √n_eff·D
/// and m' ≥ n' the larger and smaller size.</para>
/// <para><b>Edge cases.</b> Empty samples, NaN and infinities are rejected (SciPy sorts NaN to the end and returns a
/// number). Identical samples give D = 0 and p = 1. With one value in each sample and
/// <see cref="KolmogorovSmirnovMethod.Asymptotic"/>, SciPy rounds n_eff = ½ to 0 and returns NaN; here n_eff is at least
/// 1. The one-sided exact p-value for n ≠ m uses a single-boundary lattice recursion on proportions instead of SciPy's
/// path count with alternating corrections; the two agree to about 1e-13 and SciPy's overflow fallback is kept.</para>
/// <para><b>Cost.</b> O(n + m) for the statistic: small samples (under 4,096 values together) are sorted and merged;
/// larger ones are counted into value buckets, and only the buckets whose counts leave room for the extreme difference
/// are sorted and merged (bucketed again when large), which gives the same statistic, sign and location as the full merge
/// bit for bit at the cost of about three passes over the data. Scratch space comes from
/// <see cref="ArrayPool{T}"/> and nothing is allocated per element. The p-value adds O(n) for n = m, at most O(n·m) for the
/// exact n ≠ m recursions (about 2 s at 10 000 × 9 999 with D = 1, as in SciPy), and for the asymptotic two-sided p-value
/// O(1) to O(n_eff): Smirnov's sum over up to n_eff terms when 2.2 ≤ n_eff·D² &lt; 370 and n_eff &gt; 140.</para>
/// <para><b>Accuracy.</b> The statistic, its sign and location equal SciPy's bit for bit; p-values agree with SciPy 1.10.1
/// to about 1e-12 relative in the committed reference tests, including p-values near 1e-300 (only subnormal results,
/// below 2.2e-308, lose digits, in SciPy as here).</para>
/// </remarks>
public static class KolmogorovSmirnov
{
    /// <summary>Above this size <see cref="KolmogorovSmirnovMethod.Auto"/> switches to the asymptotic method (SciPy's
    /// <c>MAX_AUTO_N</c>).</summary>
    private const int MaxAutoExactSize = 10000;

    /// <summary>The two-sample Kolmogorov–Smirnov test of whether <paramref name="x"/> and <paramref name="y"/> come from
    /// the same continuous distribution (SciPy <c>ks_2samp</c>).</summary>
    /// <param name="x">The first sample; not modified.</param>
    /// <param name="y">The second sample; not modified.</param>
    /// <param name="alternative">The alternative hypothesis: <see cref="Alternative.Greater"/> uses D⁺ = max(F_x − F_y)
    /// (SciPy's convention: the CDF of x lies above that of y, i.e. x tends to be smaller), <see cref="Alternative.Less"/>
    /// uses D⁻.</param>
    /// <param name="method">How the p-value is computed.</param>
    /// <returns>The statistic, p-value, method used, sign and location of the statistic.</returns>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity (the message names the first bad
    /// index).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> or <paramref name="method"/> is not a
    /// defined value.</exception>
    /// <remarks>See <see cref="KolmogorovSmirnov"/> for the algorithm: O(n + m) for the statistic plus the exact
    /// p-value's O(n·m) at most. Neither sample is modified.</remarks>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The overloads differ in parameter types (span or SortedSample), so a call is never ambiguous.")]
    public static KolmogorovSmirnovResult TwoSample(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        Alternative alternative = Alternative.TwoSided,
        KolmogorovSmirnovMethod method = KolmogorovSmirnovMethod.Auto)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(x, out var xLow, out var xHigh);
        SampleGuard.ThrowIfEmptyOrNotFinite(y, out var yLow, out var yHigh);
        ValidateOptions(alternative, method);
        var extremes = EcdfExtremes.Compute(x, false, y, false, Math.Min(xLow, yLow), Math.Max(xHigh, yHigh));
        return FromExtremes(extremes, x.Length, y.Length, alternative, method);
    }

    /// <summary>The two-sample test with the first sample already sorted, e.g. a fitted reference that is never re-sorted.</summary>
    /// <param name="x">The first sample, sorted.</param>
    /// <param name="y">The second sample; not modified.</param>
    /// <param name="alternative">The alternative hypothesis (see
    /// <see cref="TwoSample(ReadOnlySpan{double}, ReadOnlySpan{double}, Alternative, KolmogorovSmirnovMethod)"/>).</param>
    /// <param name="method">How the p-value is computed.</param>
    /// <returns>The test result, identical to the span overload on the same values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="y"/> is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> or <paramref name="method"/> is not a
    /// defined value.</exception>
    /// <remarks>O(n + m) for the statistic; the sorted sample's bucket counts and candidate values are read in place.</remarks>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The overloads differ in parameter types (span or SortedSample), so a call is never ambiguous.")]
    public static KolmogorovSmirnovResult TwoSample(
        SortedSample x,
        ReadOnlySpan<double> y,
        Alternative alternative = Alternative.TwoSided,
        KolmogorovSmirnovMethod method = KolmogorovSmirnovMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(x);
        SampleGuard.ThrowIfEmptyOrNotFinite(y, out var yLow, out var yHigh);
        ValidateOptions(alternative, method);
        var extremes = EcdfExtremes.Compute(x.Values, true, y, false, Math.Min(x.Minimum, yLow), Math.Max(x.Maximum, yHigh));
        return FromExtremes(extremes, x.Count, y.Length, alternative, method);
    }

    /// <summary>The two-sample test with the second sample already sorted.</summary>
    /// <param name="x">The first sample; not modified.</param>
    /// <param name="y">The second sample, sorted.</param>
    /// <param name="alternative">The alternative hypothesis (see
    /// <see cref="TwoSample(ReadOnlySpan{double}, ReadOnlySpan{double}, Alternative, KolmogorovSmirnovMethod)"/>).</param>
    /// <param name="method">How the p-value is computed.</param>
    /// <returns>The test result, identical to the span overload on the same values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> or <paramref name="method"/> is not a
    /// defined value.</exception>
    /// <remarks>O(n + m) for the statistic; the sorted sample's bucket counts and candidate values are read in place.</remarks>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The overloads differ in parameter types (span or SortedSample), so a call is never ambiguous.")]
    public static KolmogorovSmirnovResult TwoSample(
        ReadOnlySpan<double> x,
        SortedSample y,
        Alternative alternative = Alternative.TwoSided,
        KolmogorovSmirnovMethod method = KolmogorovSmirnovMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(y);
        SampleGuard.ThrowIfEmptyOrNotFinite(x, out var xLow, out var xHigh);
        ValidateOptions(alternative, method);
        var extremes = EcdfExtremes.Compute(x, false, y.Values, true, Math.Min(xLow, y.Minimum), Math.Max(xHigh, y.Maximum));
        return FromExtremes(extremes, x.Length, y.Count, alternative, method);
    }

    /// <summary>The two-sample test on two already sorted samples: no copy, no sort, no allocation.</summary>
    /// <param name="x">The first sample, sorted.</param>
    /// <param name="y">The second sample, sorted.</param>
    /// <param name="alternative">The alternative hypothesis (see
    /// <see cref="TwoSample(ReadOnlySpan{double}, ReadOnlySpan{double}, Alternative, KolmogorovSmirnovMethod)"/>).</param>
    /// <param name="method">How the p-value is computed.</param>
    /// <returns>The test result, identical to the span overload on the same values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> or <paramref name="method"/> is not a
    /// defined value.</exception>
    /// <remarks>O(n + m) for the statistic; the p-value as described on <see cref="KolmogorovSmirnov"/>.</remarks>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The overloads differ in parameter types (span or SortedSample), so a call is never ambiguous.")]
    public static KolmogorovSmirnovResult TwoSample(
        SortedSample x,
        SortedSample y,
        Alternative alternative = Alternative.TwoSided,
        KolmogorovSmirnovMethod method = KolmogorovSmirnovMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ValidateOptions(alternative, method);
        return FromExtremes(EcdfExtremes.Compute(x.Values, true, y.Values, true), x.Count, y.Count, alternative, method);
    }

    /// <summary>The one-sample Kolmogorov–Smirnov test of whether <paramref name="x"/> comes from the continuous
    /// distribution with CDF <paramref name="cdf"/> (SciPy <c>ks_1samp</c>).</summary>
    /// <param name="x">The sample; not modified.</param>
    /// <param name="cdf">The hypothesised cumulative distribution function; called once per value, in ascending order of
    /// the values.</param>
    /// <param name="alternative">The alternative hypothesis: <see cref="Alternative.Greater"/> uses
    /// D⁺ = max(i/n − F(x₍ᵢ₎)), <see cref="Alternative.Less"/> uses D⁻ = max(F(x₍ᵢ₎) − (i − 1)/n).</param>
    /// <param name="method">Two-sided only: <see cref="KolmogorovSmirnovMethod.Auto"/> and
    /// <see cref="KolmogorovSmirnovMethod.Exact"/> use the exact distribution of Dₙ (SciPy <c>kstwo</c>),
    /// <see cref="KolmogorovSmirnovMethod.Asymptotic"/> the limiting Kolmogorov distribution of √n·Dₙ (SciPy
    /// <c>kstwobign</c>). One-sided tests always use the exact Smirnov distribution (SciPy <c>ksone</c>).</param>
    /// <returns>The statistic, p-value, method used, sign (+1 for D⁺, −1 for D⁻) and the sample value where it is attained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cdf"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty or holds NaN or an infinity, or
    /// <paramref name="cdf"/> returns NaN or a value outside [0, 1].</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> or <paramref name="method"/> is not a
    /// defined value.</exception>
    /// <remarks>O(n log n) for the pooled sorted copy plus n calls of <paramref name="cdf"/>; the two-sided exact p-value
    /// costs at most O(n) (Smirnov's sum) or O(k³ log n), k ≤ 59 (Durbin's matrix). Ties in <paramref name="x"/> are
    /// treated as SciPy does (each value is its own step).</remarks>
    public static KolmogorovSmirnovResult OneSample(
        ReadOnlySpan<double> x,
        Func<double, double> cdf,
        Alternative alternative = Alternative.TwoSided,
        KolmogorovSmirnovMethod method = KolmogorovSmirnovMethod.Auto)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(x);
        ArgumentNullException.ThrowIfNull(cdf);
        ValidateOptions(alternative, method);
        var n = x.Length;
        var buffer = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var sorted = buffer.AsSpan(0, n);
            x.CopyTo(sorted);
            sorted.Sort();
            var dPlus = double.NegativeInfinity;
            var dMinus = double.NegativeInfinity;
            double plusLocation = sorted[0], minusLocation = sorted[0];
            for (var i = 0; i < n; i++)
            {
                var value = sorted[i];
                var f = cdf(value);
                if (!(f >= 0.0 && f <= 1.0))
                {
                    throw new ArgumentException(
                        $"The CDF returned {f} at x = {value}; a cumulative distribution function must return a probability in [0, 1].",
                        nameof(cdf));
                }

                var plus = ((i + 1.0) / n) - f;
                if (plus > dPlus)
                {
                    dPlus = plus;
                    plusLocation = value;
                }

                var minus = f - ((double)i / n);
                if (minus > dMinus)
                {
                    dMinus = minus;
                    minusLocation = value;
                }
            }

            switch (alternative)
            {
                case Alternative.Greater:
                    return new KolmogorovSmirnovResult(dPlus, SmirnovDistribution.Survival(n, dPlus), KolmogorovSmirnovMethod.Exact, 1, plusLocation);
                case Alternative.Less:
                    return new KolmogorovSmirnovResult(dMinus, SmirnovDistribution.Survival(n, dMinus), KolmogorovSmirnovMethod.Exact, -1,
                        minusLocation);
                default:
                    var plusWins = dPlus > dMinus;
                    var d = plusWins ? dPlus : dMinus;
                    var asymptotic = method == KolmogorovSmirnovMethod.Asymptotic;
                    var p = asymptotic
                        ? KolmogorovDistribution.LimitingSurvival(d * Math.Sqrt(n))
                        : KolmogorovDistribution.TwoSidedSurvival(n, d);
                    return new KolmogorovSmirnovResult(
                        d,
                        Math.Clamp(p, 0, 1),
                        asymptotic ? KolmogorovSmirnovMethod.Asymptotic : KolmogorovSmirnovMethod.Exact,
                        plusWins ? 1 : -1,
                        plusWins ? plusLocation : minusLocation);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static void ValidateOptions(Alternative alternative, KolmogorovSmirnovMethod method)
    {
        SampleGuard.ThrowIfUndefined(alternative);
        if (method is not (KolmogorovSmirnovMethod.Auto or KolmogorovSmirnovMethod.Exact or KolmogorovSmirnovMethod.Asymptotic))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown Kolmogorov–Smirnov method; use Auto, Exact or Asymptotic.");
        }
    }

    private static KolmogorovSmirnovResult FromExtremes(
        KsExtremes extremes,
        int n1,
        int n2,
        Alternative alternative,
        KolmogorovSmirnovMethod method)
    {
        var maxS = extremes.Max;
        var maxAt = extremes.MaxAt;
        var minAt = extremes.MinAt;
        var minS = Math.Clamp(-extremes.Min, 0, 1);

        double d, location;
        int sign;
        if (alternative == Alternative.Less || (alternative == Alternative.TwoSided && minS > maxS))
        {
            d = minS;
            location = minAt;
            sign = -1;
        }
        else
        {
            d = maxS;
            location = maxAt;
            sign = 1;
        }

        var g = GreatestCommonDivisor(n1, n2);
        long n1g = n1 / g, n2g = n2 / g;
        var useExact = method switch
        {
            KolmogorovSmirnovMethod.Auto => Math.Max(n1, n2) <= MaxAutoExactSize,
            KolmogorovSmirnovMethod.Exact => n1g < int.MaxValue / (double)n2g,
            _ => false,
        };

        double p = double.NaN;
        if (useExact)
        {
            var lcm = n1g * n2;
            var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
            d = h * 1.0 / lcm;
            if (h == 0)
            {
                return new KolmogorovSmirnovResult(d, 1.0, KolmogorovSmirnovMethod.Exact, sign, location);
            }

            if (KolmogorovSmirnovExact.TryPValue(n1, n2, g, h, alternative, out p))
            {
                return new KolmogorovSmirnovResult(d, p, KolmogorovSmirnovMethod.Exact, sign, location);
            }
        }

        double large = Math.Max(n1, n2), small = Math.Min(n1, n2);
        var effectiveSize = large * small / (large + small);
        if (alternative == Alternative.TwoSided)
        {
            // SciPy passes round(n_eff) = 0 for n = m = 1 and gets NaN; the distribution for one observation is used instead.
            var nEffective = (int)Math.Max(1, Math.Min(int.MaxValue, Math.Round(effectiveSize, MidpointRounding.ToEven)));
            p = KolmogorovDistribution.TwoSidedSurvival(nEffective, d);
        }
        else
        {
            var z = Math.Sqrt(effectiveSize) * d;
            var exponent = (-2 * z * z) - (2 * z * (large + (2 * small)) / Math.Sqrt(large * small * (large + small)) / 3.0);
            p = Math.Exp(exponent);
        }

        return new KolmogorovSmirnovResult(d, Math.Clamp(p, 0, 1), KolmogorovSmirnovMethod.Asymptotic, sign, location);
    }

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
