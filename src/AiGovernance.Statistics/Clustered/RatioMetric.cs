using MathNet.Numerics.Distributions;

namespace AiGovernance.Statistics;

/// <summary>Ratio metrics over independent clusters — errors per request when whole customers, sessions or hash
/// sub-buckets are randomised — with the delta-method variance of Deng, Knoblich and Lu, "Applying the Delta Method in
/// Metric Analytics: A Practical Guide with Novel Ideas" (KDD 2018).</summary>
/// <remarks>
/// <para>The data are n independent, identically distributed clusters k with a numerator x_k and a denominator y_k
/// (errors and requests of one randomisation unit or one sub-bucket of units). The metric is R = Σx / Σy = x̄ / ȳ.
/// Requests of one cluster are not independent of each other (a customer who errors tends to error again, and heavy
/// users send many requests), so the binomial variance R(1 − R)/Σy understates the uncertainty; the delta method
/// linearises x̄/ȳ around (μ_x, μ_y) instead (Deng et al., section 3, equation for Var(X̄/Ȳ)):</para>
/// <para>Var(R) ≈ (1/n) · ( σ²_x/μ²_y − 2·μ_x·σ_xy/μ³_y + μ²_x·σ²_y/μ⁴_y ),</para>
/// <para>with the sample means, variances and covariance (divisor n − 1) plugged in. With R = x̄/ȳ the bracket equals
/// the sample variance of the residuals x_k − R·y_k divided by ȳ², and that is how it is computed here:
/// Var(R) = n/(n − 1) · Σ(x_k − R·y_k)² / (Σy)² — one pass for the sums and one for the residuals, no cancellation
/// between the three terms. Clusters with x = y = 0 (an empty sub-bucket) leave R and the residual sum unchanged and only
/// move the factor n/(n − 1).</para>
/// <para>Accuracy: matches a direct NumPy evaluation of the three-term formula within 1e-12 relative
/// (<c>TestData/ratio_metric_reference.py</c>). Validity is asymptotic in the number of clusters (a normal
/// approximation; Deng et al. recommend it from a few hundred clusters). Cost O(n), no allocation.</para>
/// </remarks>
public static class RatioMetric
{
    /// <summary>The ratio Σx / Σy and its delta-method variance.</summary>
    /// <param name="numerators">x_k per cluster, for example errors.</param>
    /// <param name="denominators">y_k per cluster, for example requests; same length.</param>
    /// <returns>The ratio, its variance and the number of clusters.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, have fewer than two clusters, hold a NaN or an
    /// infinity, or the denominators sum to zero.</exception>
    public static RatioMetricEstimate Estimate(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators)
    {
        if (numerators.Length != denominators.Length)
        {
            throw new ArgumentException(
                $"The numerators ({numerators.Length}) and denominators ({denominators.Length}) must have one value per cluster each.",
                nameof(denominators));
        }

        if (numerators.Length < 2)
        {
            throw new ArgumentException("At least two clusters are needed to estimate a variance.", nameof(numerators));
        }

        SampleGuard.ThrowIfNotFinite(numerators);
        SampleGuard.ThrowIfNotFinite(denominators);
        double sumX = 0, sumY = 0;
        for (var k = 0; k < numerators.Length; k++)
        {
            sumX += numerators[k];
            sumY += denominators[k];
        }

        if (sumY == 0)
        {
            throw new ArgumentException("The denominators sum to zero; the ratio is undefined.", nameof(denominators));
        }

        var ratio = sumX / sumY;
        double squares = 0;
        for (var k = 0; k < numerators.Length; k++)
        {
            var residual = numerators[k] - (ratio * denominators[k]);
            squares += residual * residual;
        }

        double n = numerators.Length;
        var variance = n / (n - 1) * squares / (sumY * sumY);
        return new RatioMetricEstimate(ratio, variance, numerators.Length);
    }

    /// <summary>Compares the ratio metrics of two independent groups of clusters: a Wald z-test on the difference with
    /// the sum of both delta-method variances (Deng et al., section 3.2).</summary>
    /// <param name="firstNumerators">x_k of the first group.</param>
    /// <param name="firstDenominators">y_k of the first group.</param>
    /// <param name="secondNumerators">x_k of the second group.</param>
    /// <param name="secondDenominators">y_k of the second group.</param>
    /// <param name="alternative"><see cref="Alternative.Greater"/>: the first group's ratio is larger.</param>
    /// <returns>Both estimates, R₁ − R₂, its variance V₁ + V₂, z = (R₁ − R₂)/√(V₁ + V₂) and the normal p-value.</returns>
    /// <remarks>Unpooled: each group's variance uses its own ratio. When both variances are 0 (for example no errors in
    /// either group) and the ratios are equal this returns z = 0 and p = 1; unequal ratios with zero variance give
    /// z = ±∞ (p = 0 for the matching alternative), as <see cref="ProportionZTest.OneSample"/>. p-values as
    /// <see cref="ProportionZTest"/>: two-sided 2·Φ̄(|z|), Greater Φ̄(z), Less Φ(z).</remarks>
    /// <exception cref="ArgumentException">A group breaks a rule of <see cref="Estimate"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alternative"/> is undefined.</exception>
    public static RatioMetricComparison TwoSample(
        ReadOnlySpan<double> firstNumerators,
        ReadOnlySpan<double> firstDenominators,
        ReadOnlySpan<double> secondNumerators,
        ReadOnlySpan<double> secondDenominators,
        Alternative alternative = Alternative.TwoSided)
    {
        SampleGuard.ThrowIfUndefined(alternative);
        var first = Estimate(firstNumerators, firstDenominators);
        var second = Estimate(secondNumerators, secondDenominators);
        return Compare(first, second, alternative);
    }

    /// <summary>Compares two ratio estimates already computed (for example from <see cref="Estimate"/> on two groups).</summary>
    /// <param name="first">The first group's estimate.</param>
    /// <param name="second">The second group's estimate.</param>
    /// <param name="alternative"><see cref="Alternative.Greater"/>: the first group's ratio is larger.</param>
    /// <returns>As <see cref="TwoSample"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A variance is negative or not finite, a ratio is not finite, or
    /// <paramref name="alternative"/> is undefined.</exception>
    public static RatioMetricComparison Compare(RatioMetricEstimate first, RatioMetricEstimate second, Alternative alternative = Alternative.TwoSided)
    {
        ThrowIfBad(first, nameof(first));
        ThrowIfBad(second, nameof(second));
        SampleGuard.ThrowIfUndefined(alternative);
        var difference = first.Ratio - second.Ratio;
        var variance = first.Variance + second.Variance;
        if (variance == 0 && difference == 0)
        {
            return new RatioMetricComparison(first, second, 0, 0, 0, 1);
        }

        var z = difference / Math.Sqrt(variance);
        var p = alternative switch
        {
            Alternative.Greater => Normal.CDF(0, 1, -z),
            Alternative.Less => Normal.CDF(0, 1, z),
            _ => Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z))),
        };
        return new RatioMetricComparison(first, second, difference, variance, z, p);
    }

    private static void ThrowIfBad(RatioMetricEstimate estimate, string paramName)
    {
        if (!double.IsFinite(estimate.Ratio) || !(estimate.Variance >= 0) || double.IsPositiveInfinity(estimate.Variance))
        {
            throw new ArgumentOutOfRangeException(paramName, estimate, "The ratio must be finite and the variance finite and non-negative.");
        }
    }
}
