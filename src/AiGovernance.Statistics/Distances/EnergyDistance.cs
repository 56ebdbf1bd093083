using System.Buffers;

namespace AiGovernance.Statistics;

/// <summary>The energy distance between two one-dimensional samples.</summary>
/// <remarks>
/// <para>Counterpart: <c>scipy.stats.energy_distance(x, y)</c> (unweighted, SciPy 1.10.1). E(x, y) = √2 · √(∫(F_x − F_y)²),
/// with right-continuous empirical distribution functions, computed exactly as Σ (F_x − F_y)²·Δ over consecutive values
/// of the pooled sorted sample (the same walk as <see cref="Wasserstein"/>, squared). It equals
/// √(2E|X − Y| − E|X − X′| − E|Y − Y′|) (Székely; SciPy's docs), is zero only for identical empirical distributions,
/// symmetric, shift-invariant, and scales with √|a| when the data are multiplied by a (its unit is the square root of
/// the data's). For a unit-free drift score divide by √σ of the reference, i.e. compute it on standardised data.</para>
/// <para>Complexity: O(n log n + m log m) for the sorts (the reference is not re-sorted with the
/// <see cref="SortedSample"/> overload) and one O(n + m) walk; scratch from <see cref="ArrayPool{T}"/>. Data near ±1e308,
/// whose gaps overflow, are rescaled by an even power of two first, so the result is finite whenever it is
/// representable.</para>
/// </remarks>
public static class EnergyDistance
{
    /// <summary>The energy distance between two samples.</summary>
    /// <param name="x">The first sample; finite values, not modified.</param>
    /// <param name="y">The second sample; finite values, not modified.</param>
    /// <returns>E ≥ 0.</returns>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity (the message names the index).</exception>
    public static double Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(x);
        SampleGuard.ThrowIfEmptyOrNotFinite(y);
        var (xs, ys) = DoubleSorter.RentSortedCopies(x, y);
        try
        {
            return Sorted(xs.AsSpan(0, x.Length), ys.AsSpan(0, y.Length));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(xs);
            ArrayPool<double>.Shared.Return(ys);
        }
    }

    /// <summary>The energy distance between a reference sorted once and a current window (only the window is sorted).</summary>
    /// <param name="reference">The sorted reference.</param>
    /// <param name="current">The current sample; finite values, not modified.</param>
    /// <returns>E ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> is empty or holds NaN or an infinity.</exception>
    public static double Compute(SortedSample reference, ReadOnlySpan<double> current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        SampleGuard.ThrowIfEmptyOrNotFinite(current);
        var buffer = DoubleSorter.RentSortedCopy(current);
        try
        {
            return Sorted(reference.Values, buffer.AsSpan(0, current.Length));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>E of two sorted samples; rescaled when gaps overflow.</summary>
    internal static double Sorted(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        var distance = Math.Sqrt(2) * Math.Sqrt(Integral(xs, ys, 1.0));
        if (double.IsFinite(distance))
        {
            return distance;
        }

        // E(c·x, c·y) = √c·E(x, y): with c = 2^−2k the rescaling back is exact.
        var largest = Math.Max(Math.Max(Math.Abs(xs[0]), Math.Abs(xs[^1])), Math.Max(Math.Abs(ys[0]), Math.Abs(ys[^1])));
        var half = (Math.ILogB(largest) / 2) + 1;
        return Math.ScaleB(Math.Sqrt(2) * Math.Sqrt(Integral(xs, ys, Math.ScaleB(1.0, -2 * half))), half);
    }

    /// <summary>∫(F_x − F_y)² over the data multiplied by <paramref name="scale"/>.</summary>
    private static double Integral(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double scale) =>
        EcdfGapIntegral.Integrate<EcdfGapIntegral.SquaredGap>(x, y, scale);
}
