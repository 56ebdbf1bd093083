using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace AiGovernance.Statistics;

/// <summary>The first Wasserstein (earth mover's) distance between two one-dimensional samples.</summary>
/// <remarks>
/// <para>W₁(x, y) = ∫ |F_x(t) − F_y(t)| dt with right-continuous empirical distribution functions, computed exactly as
/// Σ |F_x − F_y|·Δ over consecutive values of the pooled sorted sample — the algorithm of SciPy's
/// <c>scipy.stats.wasserstein_distance(x, y)</c> (unweighted), and compared with it in the tests. W₁ is in the units of the
/// data, symmetric, zero for identical samples, shift-equivariant (W₁(x + a, y + a) = W₁(x, y)) and scales with |a| under
/// multiplication by a.</para>
/// <para>Complexity: sorting O(n log n + m log m) (skipped for <see cref="SortedSample"/> inputs), then one O(n + m) merge
/// walk; scratch space is pooled.</para>
/// </remarks>
public static class Wasserstein
{
    /// <summary>W₁ between two samples.</summary>
    /// <param name="x">The first sample; finite values, not modified.</param>
    /// <param name="y">The second sample; finite values, not modified.</param>
    /// <returns>W₁ ≥ 0 in the data's units; finite whenever W₁ is representable (+∞ only when it exceeds
    /// <see cref="double.MaxValue"/>, e.g. all of x at −1e308 and all of y at +1e308).</returns>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity (the message names the index).</exception>
    public static double Distance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(x);
        SampleGuard.ThrowIfEmptyOrNotFinite(y);
        var buffer = ArrayPool<double>.Shared.Rent(x.Length + y.Length);
        try
        {
            var xs = buffer.AsSpan(0, x.Length);
            var ys = buffer.AsSpan(x.Length, y.Length);
            x.CopyTo(xs);
            y.CopyTo(ys);
            xs.Sort();
            ys.Sort();
            return SortedDistance(xs, ys);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>W₁ between two sorted samples (no sorting).</summary>
    /// <param name="x">The first sorted sample.</param>
    /// <param name="y">The second sorted sample.</param>
    /// <returns>W₁ ≥ 0.</returns>
    /// <exception cref="ArgumentNullException">A sample is null.</exception>
    public static double Distance(SortedSample x, SortedSample y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return SortedDistance(x.Values, y.Values);
    }

    /// <summary>W₁ between a reference sorted once and a current window (only the window is sorted).</summary>
    /// <param name="reference">The sorted reference.</param>
    /// <param name="current">The current sample; finite values, not modified.</param>
    /// <returns>W₁ ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> is empty or holds NaN or an infinity.</exception>
    public static double Distance(SortedSample reference, ReadOnlySpan<double> current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        SampleGuard.ThrowIfEmptyOrNotFinite(current);
        var buffer = DoubleSorter.RentSortedCopy(current);
        try
        {
            return SortedDistance(reference.Values, buffer.AsSpan(0, current.Length));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>W₁ divided by the reference's population standard deviation, a unit-free drift score.</summary>
    /// <param name="reference">The reference sample; finite values.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <param name="minimumScale">The floor on the divisor, so a constant reference does not divide by zero; positive.</param>
    /// <returns>W₁ / max(σ_ref, <paramref name="minimumScale"/>) ≥ 0, never NaN: data near ±1e308, whose W₁ or σ_ref
    /// overflow, are rescaled by a power of two first; +∞ only when the true ratio exceeds <see cref="double.MaxValue"/>.</returns>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumScale"/> is not positive and finite.</exception>
    /// <remarks>σ_ref is the <em>population</em> standard deviation √(Σ(x − x̄)²/n) (NumPy <c>np.std</c>, ddof = 0). This is
    /// what drift tools use: Evidently's "Wasserstein distance (normed)" computes
    /// <c>wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)</c> with a default drift threshold of 0.1; the default
    /// <paramref name="minimumScale"/> reproduces that floor.</remarks>
    [SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
        Justification = "Signature fixed by the package contract (issue 4); the longer overloads take different inputs.")]
    public static double NormalizedDistance(ReadOnlySpan<double> reference, ReadOnlySpan<double> current,
        double minimumScale = WassersteinDefaults.MinimumScale)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(reference);
        ValidateScale(minimumScale);
        return NormalizedDistance(SortedSample.Create(reference), current, minimumScale);
    }

    /// <summary>W₁ divided by the population standard deviation of a reference sorted once.</summary>
    /// <param name="reference">The sorted reference.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <returns>W₁ / max(σ_ref, 0.001), σ_ref the population standard deviation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> is empty or holds NaN or an infinity.</exception>
    public static double NormalizedDistance(SortedSample reference, ReadOnlySpan<double> current) =>
        NormalizedDistance(reference, current, WassersteinDefaults.MinimumScale);

    /// <summary>W₁ divided by the population standard deviation of a reference sorted once, with a custom floor.</summary>
    /// <param name="reference">The sorted reference.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <param name="minimumScale">The floor on the divisor; positive.</param>
    /// <returns>W₁ / max(σ_ref, <paramref name="minimumScale"/>), σ_ref the population standard deviation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumScale"/> is not positive and finite.</exception>
    public static double NormalizedDistance(SortedSample reference, ReadOnlySpan<double> current, double minimumScale)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ValidateScale(minimumScale);
        SampleGuard.ThrowIfEmptyOrNotFinite(current);
        var buffer = DoubleSorter.RentSortedCopy(current);
        try
        {
            return SortedNormalizedDistance(reference, buffer.AsSpan(0, current.Length), minimumScale);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>W₁ divided by the population standard deviation of the reference, both samples sorted once.</summary>
    /// <param name="reference">The sorted reference.</param>
    /// <param name="current">The sorted current sample.</param>
    /// <returns>W₁ / max(σ_ref, 0.001), σ_ref the population standard deviation.</returns>
    /// <exception cref="ArgumentNullException">A sample is null.</exception>
    public static double NormalizedDistance(SortedSample reference, SortedSample current) =>
        NormalizedDistance(reference, current, WassersteinDefaults.MinimumScale);

    /// <summary>W₁ divided by the population standard deviation of the reference, both sorted once, with a custom floor.</summary>
    /// <param name="reference">The sorted reference.</param>
    /// <param name="current">The sorted current sample.</param>
    /// <param name="minimumScale">The floor on the divisor; positive.</param>
    /// <returns>W₁ / max(σ_ref, <paramref name="minimumScale"/>), σ_ref the population standard deviation.</returns>
    /// <exception cref="ArgumentNullException">A sample is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumScale"/> is not positive and finite.</exception>
    public static double NormalizedDistance(SortedSample reference, SortedSample current, double minimumScale)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ValidateScale(minimumScale);
        return SortedNormalizedDistance(reference, current.Values, minimumScale);
    }

    /// <summary>W₁ of two sorted samples; +∞ only when W₁ itself exceeds <see cref="double.MaxValue"/>.</summary>
    internal static double SortedDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var distance = SortedDistance(x, y, 1.0);
        if (double.IsFinite(distance))
        {
            return distance;
        }

        // Values near ±double.MaxValue overflow the gap next − position although W₁ may be representable; recompute on
        // the data scaled by 2^−k (exact for normal values) and scale back.
        var exponent = ScaleExponent(x, y);
        return Math.ScaleB(SortedDistance(x, y, Math.ScaleB(1.0, -exponent)), exponent);
    }

    /// <summary>W₁ / max(σ_ref, floor) of sorted samples, computed on scaled data when W₁ or σ_ref overflow (so ∞/∞ never
    /// gives NaN); +∞ only when the true ratio exceeds <see cref="double.MaxValue"/>.</summary>
    private static double SortedNormalizedDistance(SortedSample reference, ReadOnlySpan<double> current, double minimumScale)
    {
        var values = reference.Values;
        var distance = SortedDistance(values, current, 1.0);
        var deviation = reference.PopulationStandardDeviation;
        if (double.IsFinite(distance) && double.IsFinite(deviation))
        {
            return distance / Math.Max(deviation, minimumScale);
        }

        // Both W₁ and σ_ref are homogeneous of degree 1, so their ratio is unchanged by scaling the data by 2^−k.
        var exponent = ScaleExponent(values, current);
        var scale = Math.ScaleB(1.0, -exponent);
        var scaledDistance = SortedDistance(values, current, scale);
        double sum = 0;
        foreach (var v in values)
        {
            sum += v * scale;
        }

        var mean = sum / values.Length;
        double squares = 0;
        foreach (var v in values)
        {
            var d = (v * scale) - mean;
            squares += d * d;
        }

        // The floor is compared in the same scaled units (it may underflow to 0 only when the true ratio overflows anyway).
        return scaledDistance / Math.Max(Math.Sqrt(squares / values.Length), Math.ScaleB(minimumScale, -exponent));
    }

    /// <summary>The binary exponent of the largest magnitude in two sorted samples.</summary>
    private static int ScaleExponent(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var largest = Math.Max(Math.Max(Math.Abs(x[0]), Math.Abs(x[^1])), Math.Max(Math.Abs(y[0]), Math.Abs(y[^1])));
        return largest == 0 ? 0 : Math.ILogB(largest);
    }

    /// <summary>W₁ of the samples multiplied by <paramref name="scale"/> (1, or a power of two so no gap overflows).</summary>
    private static double SortedDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double scale) =>
        EcdfGapIntegral.Integrate<EcdfGapIntegral.AbsoluteGap>(x, y, scale);

    private static void ValidateScale(double minimumScale)
    {
        if (!(minimumScale > 0) || !double.IsFinite(minimumScale))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumScale), minimumScale, "The minimum scale must be positive and finite.");
        }
    }
}
