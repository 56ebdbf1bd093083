using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using MathNet.Numerics.Distributions;

namespace AiGovernance.Statistics;

/// <summary>The Mann–Whitney U (Wilcoxon rank-sum) test and the Hodges–Lehmann shift estimate.</summary>
/// <remarks>
/// <para>Counterpart: <c>scipy.stats.mannwhitneyu</c> (SciPy 1.10.1). Ranks are average ranks of the pooled sample,
/// R₁ is the first sample's rank sum and U₁ = R₁ − n₁(n₁+1)/2 is always the returned statistic (U₂ = n₁n₂ − U₁).
/// <see cref="Alternative.Greater"/> (x tends to be larger) uses U₁, <see cref="Alternative.Less"/> uses U₂ and
/// two-sided uses max(U₁, U₂) with the tail doubled; every p-value is a survival function, clipped to [0, 1].</para>
/// <para><b>Asymptotic:</b> μ = n₁n₂/2, σ² = n₁n₂/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))) over tie groups of size t,
/// z = (U − μ − 0.5)/σ with the continuity correction, p = Φ̄(z). <b>Exact:</b> p = P(U ≥ u) from the exact
/// permutation distribution (see <see cref="MannWhitneyMethod.Exact"/>), where u is U truncated to an
/// integer as SciPy does. <b>Auto</b> (SciPy's rule): asymptotic when both samples have more than 8 values or when
/// there are ties, otherwise exact. An exact request falls back to the asymptotic method when the smaller sample has more
/// than 100 values (beyond that the floating-point recurrence loses digits and the normal approximation is excellent)
/// or the distribution would take more than about 4·10⁸ steps (min(n₁, n₂) × u);
/// <see cref="MannWhitneyResult.Method"/> says which was used.</para>
/// <para><b>Complexity:</b> one sort of each sample (none for <see cref="SortedSample"/> inputs) and a merge: O((n₁ + n₂)
/// log(n₁ + n₂)) time; scratch arrays come from <see cref="ArrayPool{T}"/>, nothing is allocated per element.</para>
/// <para><b>Edge cases:</b> when every pooled value is identical σ = 0; SciPy then reports p = 1 with the continuity
/// correction and NaN without; this implementation returns p = 1 and Z = 0 in both cases.</para>
/// </remarks>
public static class MannWhitney
{
    /// <summary>Tests whether two independent samples come from the same distribution against a location-shift alternative.</summary>
    /// <param name="x">The first sample (e.g. the canary); at least one finite value.</param>
    /// <param name="y">The second sample (e.g. the baseline); at least one finite value.</param>
    /// <param name="alternative">The alternative hypothesis; <see cref="Alternative.Greater"/> means x tends to be larger.</param>
    /// <param name="continuityCorrection">Whether the asymptotic z subtracts 0.5 (SciPy's <c>use_continuity</c>).</param>
    /// <param name="method">How the p-value is computed.</param>
    /// <returns>U₁, the p-value, the method used and z.</returns>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity (the message names the index).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> or <paramref name="method"/> is not defined.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The issue fixes the optional parameters; the SortedSample overloads mirror them so a fitted reference is not re-sorted.")]
    public static MannWhitneyResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Alternative alternative = Alternative.TwoSided,
        bool continuityCorrection = true, MannWhitneyMethod method = MannWhitneyMethod.Auto)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(x);
        SampleGuard.ThrowIfEmptyOrNotFinite(y);
        ThrowIfUndefined(alternative, method);
        var (xs, ys) = DoubleSorter.RentSortedCopies(x, y);
        try
        {
            return TestSorted(xs.AsSpan(0, x.Length), ys.AsSpan(0, y.Length), alternative, continuityCorrection, method);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(xs);
            ArrayPool<double>.Shared.Return(ys);
        }
    }

    /// <summary>Mann–Whitney U test of a sample against a sorted reference (the reference is not re-sorted).</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample, already sorted (e.g. a fitted baseline).</param>
    /// <param name="alternative">The alternative hypothesis; <see cref="Alternative.Greater"/> means x tends to be larger.</param>
    /// <param name="continuityCorrection">Whether the asymptotic z subtracts 0.5.</param>
    /// <param name="method">How the p-value is computed.</param>
    /// <returns>As <see cref="Test(ReadOnlySpan{double}, ReadOnlySpan{double}, Alternative, bool, MannWhitneyMethod)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> or <paramref name="method"/> is not defined.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The issue fixes the optional parameters; the SortedSample overloads mirror them so a fitted reference is not re-sorted.")]
    public static MannWhitneyResult Test(ReadOnlySpan<double> x, SortedSample y, Alternative alternative = Alternative.TwoSided,
        bool continuityCorrection = true, MannWhitneyMethod method = MannWhitneyMethod.Auto)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(x);
        ArgumentNullException.ThrowIfNull(y);
        ThrowIfUndefined(alternative, method);
        var xs = DoubleSorter.RentSortedCopy(x);
        try
        {
            return TestSorted(xs.AsSpan(0, x.Length), y.Values, alternative, continuityCorrection, method);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(xs);
        }
    }

    /// <summary>Mann–Whitney U test of a sorted sample against another sample.</summary>
    /// <param name="x">The first sample, already sorted.</param>
    /// <param name="y">The second sample.</param>
    /// <param name="alternative">The alternative hypothesis; <see cref="Alternative.Greater"/> means x tends to be larger.</param>
    /// <param name="continuityCorrection">Whether the asymptotic z subtracts 0.5.</param>
    /// <param name="method">How the p-value is computed.</param>
    /// <returns>As <see cref="Test(ReadOnlySpan{double}, ReadOnlySpan{double}, Alternative, bool, MannWhitneyMethod)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="y"/> is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> or <paramref name="method"/> is not defined.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The issue fixes the optional parameters; the SortedSample overloads mirror them so a fitted reference is not re-sorted.")]
    public static MannWhitneyResult Test(SortedSample x, ReadOnlySpan<double> y, Alternative alternative = Alternative.TwoSided,
        bool continuityCorrection = true, MannWhitneyMethod method = MannWhitneyMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(x);
        SampleGuard.ThrowIfEmptyOrNotFinite(y);
        ThrowIfUndefined(alternative, method);
        var ys = DoubleSorter.RentSortedCopy(y);
        try
        {
            return TestSorted(x.Values, ys.AsSpan(0, y.Length), alternative, continuityCorrection, method);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(ys);
        }
    }

    /// <summary>Mann–Whitney U test of two sorted samples: no sorting and no scratch memory, O(n₁ + n₂).</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample.</param>
    /// <param name="alternative">The alternative hypothesis; <see cref="Alternative.Greater"/> means x tends to be larger.</param>
    /// <param name="continuityCorrection">Whether the asymptotic z subtracts 0.5.</param>
    /// <param name="method">How the p-value is computed.</param>
    /// <returns>As <see cref="Test(ReadOnlySpan{double}, ReadOnlySpan{double}, Alternative, bool, MannWhitneyMethod)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> or <paramref name="method"/> is not defined.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The issue fixes the optional parameters; the SortedSample overloads mirror them so a fitted reference is not re-sorted.")]
    public static MannWhitneyResult Test(SortedSample x, SortedSample y, Alternative alternative = Alternative.TwoSided,
        bool continuityCorrection = true, MannWhitneyMethod method = MannWhitneyMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ThrowIfUndefined(alternative, method);
        return TestSorted(x.Values, y.Values, alternative, continuityCorrection, method);
    }

    /// <summary>The Hodges–Lehmann estimate of the shift x − y with a distribution-free confidence interval.</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample.</param>
    /// <param name="confidenceLevel">The confidence level, in (0, 1).</param>
    /// <returns>The estimate and the interval.</returns>
    /// <remarks>
    /// <para><b>Estimate:</b> the median of the n₁n₂ pairwise differences xᵢ − yⱼ (the mean of the two middle ones when
    /// n₁n₂ is even), the shift that makes U₁ = n₁n₂/2. No SciPy counterpart; it equals R's
    /// <c>wilcox.test(x, y, conf.int = TRUE)$estimate</c> for untied data and the tests check it against all differences
    /// sorted with NumPy.</para>
    /// <para><b>Interval</b> (Moses; Bauer 1972, as R's exact <c>wilcox.test</c>): [d₍ₖ₎, d₍ₙ₁ₙ₂₊₁₋ₖ₎], the k-th smallest and
    /// k-th largest pairwise differences. Exact when both samples have fewer than 50 values and there are no ties:
    /// k = the smallest u with P(U ≤ u) ≥ α/2 under the exact null distribution (k = 1 when that u is 0, so the
    /// interval of a very small sample is its full range and covers less than requested). Otherwise the normal
    /// approximation k = ⌊n₁n₂/2 − z₁₋α/₂·σ⌋ (at least 1) with σ the tie-corrected standard deviation of U used by
    /// the test (Hollander &amp; Wolfe, rounded down so the interval is not narrower than the approximation).</para>
    /// <para><b>Complexity:</b> one sort of each sample, then randomized selection among the implicit pairwise
    /// differences in expected O((n₁ + n₂) log(n₁n₂)) time and O(n₁ + n₂) pooled scratch memory; the n₁n₂ differences
    /// are never materialised.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not in (0, 1).</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The issue fixes the optional parameters; the SortedSample overloads mirror them so a fitted reference is not re-sorted.")]
    public static HodgesLehmannResult HodgesLehmann(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double confidenceLevel = 0.95)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(x);
        SampleGuard.ThrowIfEmptyOrNotFinite(y);
        ThrowIfNotLevel(confidenceLevel);
        var xs = DoubleSorter.RentSortedCopy(x);
        var ys = DoubleSorter.RentSortedCopy(y);
        try
        {
            return HodgesLehmannSorted(xs.AsSpan(0, x.Length), ys.AsSpan(0, y.Length), confidenceLevel);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(xs);
            ArrayPool<double>.Shared.Return(ys);
        }
    }

    /// <summary>The Hodges–Lehmann shift estimate and interval for sorted samples (no sorting).</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample.</param>
    /// <param name="confidenceLevel">The confidence level, in (0, 1).</param>
    /// <returns>As <see cref="HodgesLehmann(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not in (0, 1).</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The issue fixes the optional parameters; the SortedSample overloads mirror them so a fitted reference is not re-sorted.")]
    public static HodgesLehmannResult HodgesLehmann(SortedSample x, SortedSample y, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ThrowIfNotLevel(confidenceLevel);
        return HodgesLehmannSorted(x.Values, y.Values, confidenceLevel);
    }

    private static HodgesLehmannResult HodgesLehmannSorted(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double confidenceLevel)
    {
        int n1 = xs.Length, n2 = ys.Length;
        var total = (long)n1 * n2;
        var ranks = RankSums(xs, ys);
        var middle = PairwiseDifferenceSelection.KthSmallest(xs, ys, (total + 1) / 2);
        var estimate = total % 2 == 1
            ? middle
            : (middle + PairwiseDifferenceSelection.KthSmallest(xs, ys, (total / 2) + 1)) / 2;

        var alpha = 1 - confidenceLevel;
        long k;
        MannWhitneyMethod method;
        if (n1 < 50 && n2 < 50 && !ranks.HasTies)
        {
            k = Math.Max(1, MannWhitneyDistribution.Quantile(n1, n2, alpha / 2));
            method = MannWhitneyMethod.Exact;
        }
        else
        {
            var sigma = TieCorrectedSigma(n1, n2, ranks.TieTerm);
            var critical = -Normal.InvCDF(0, 1, alpha / 2);
            k = (long)Math.Floor((total / 2.0) - (critical * sigma));
            k = Math.Clamp(k, 1, (total + 1) / 2);
            method = MannWhitneyMethod.Asymptotic;
        }

        var lower = PairwiseDifferenceSelection.KthSmallest(xs, ys, k);
        var upper = PairwiseDifferenceSelection.KthSmallest(xs, ys, total + 1 - k);
        return new HodgesLehmannResult(estimate, lower, upper, confidenceLevel, method);
    }

    private static MannWhitneyResult TestSorted(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Alternative alternative, bool continuityCorrection,
        MannWhitneyMethod method)
    {
        int n1 = xs.Length, n2 = ys.Length;
        var ranks = RankSums(xs, ys);
        var total = (double)n1 * n2;
        var u1 = ranks.R1 - (n1 * (n1 + 1.0) / 2);
        var u2 = total - u1;
        var (u, factor) = alternative switch
        {
            Alternative.Greater => (u1, 1.0),
            Alternative.Less => (u2, 1.0),
            _ => (Math.Max(u1, u2), 2.0),
        };

        if (method == MannWhitneyMethod.Auto)
        {
            method = (n1 > 8 && n2 > 8) || ranks.HasTies ? MannWhitneyMethod.Asymptotic : MannWhitneyMethod.Exact;
        }

        if (method == MannWhitneyMethod.Exact)
        {
            // SciPy: sf(u) = cdf(n₁n₂ − u) by symmetry, with u truncated to an integer (matters only with ties).
            var k = (long)total - (long)Math.Truncate(u);
            if (MannWhitneyDistribution.IsAffordable(n1, n2, Math.Min(k, (long)total - k)))
            {
                var exact = Math.Clamp(MannWhitneyDistribution.Cdf(n1, n2, k) * factor, 0, 1);
                return new MannWhitneyResult(u1, exact, MannWhitneyMethod.Exact, double.NaN);
            }
        }

        var sigma = TieCorrectedSigma(n1, n2, ranks.TieTerm);
        if (!(sigma > 0))
        {
            return new MannWhitneyResult(u1, 1, MannWhitneyMethod.Asymptotic, 0);
        }

        var numerator = u - (total / 2);
        if (continuityCorrection)
        {
            numerator -= 0.5;
        }

        var z = numerator / sigma;
        var p = Math.Clamp(Normal.CDF(0, 1, -z) * factor, 0, 1);
        return new MannWhitneyResult(u1, p, MannWhitneyMethod.Asymptotic, z);
    }

    private static double TieCorrectedSigma(int n1, int n2, double tieTerm)
    {
        double n = n1 + n2;
        var variance = (double)n1 * n2 / 12 * ((n + 1) - (tieTerm / (n * (n - 1))));
        return Math.Sqrt(Math.Max(variance, 0));
    }

    /// <summary>R₁ (average ranks) and Σ(t³ − t) by merging the two sorted samples.</summary>
    private static RankSummary RankSums(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        int i = 0, j = 0;
        double position = 0, r1 = 0, tieTerm = 0;
        var ties = false;
        while (i < xs.Length || j < ys.Length)
        {
            var value = i < xs.Length && (j >= ys.Length || xs[i] <= ys[j]) ? xs[i] : ys[j];
            var inX = 0;
            while (i < xs.Length && xs[i] == value)
            {
                i++;
                inX++;
            }

            var inY = 0;
            while (j < ys.Length && ys[j] == value)
            {
                j++;
                inY++;
            }

            double t = inX + inY;
            r1 += inX * (position + ((t + 1) / 2));
            if (t > 1)
            {
                ties = true;
                tieTerm += (t * t * t) - t;
            }

            position += t;
        }

        return new RankSummary(r1, tieTerm, ties);
    }

    private static void ThrowIfUndefined(Alternative alternative, MannWhitneyMethod method)
    {
        SampleGuard.ThrowIfUndefined(alternative);
        if (method is not (MannWhitneyMethod.Auto or MannWhitneyMethod.Exact or MannWhitneyMethod.Asymptotic))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown Mann–Whitney method.");
        }
    }

    private static void ThrowIfNotLevel(double confidenceLevel)
    {
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel,
                "The confidence level must lie strictly between 0 and 1 (e.g. 0.95).");
        }
    }

    private readonly record struct RankSummary(double R1, double TieTerm, bool HasTies);
}
