namespace AiGovernance.Statistics;

/// <summary>A numeric sample sorted once, so one reference can be compared with many windows without re-sorting.</summary>
/// <remarks>
/// <para>The values are held in an owned array (not pooled), so an instance is immutable, safe to share across
/// threads and needs no disposal. Construction validates that every value is finite.</para>
/// <para>Complexity: <see cref="Create"/> is O(n) (an LSD radix sort on the IEEE-754 bits; introsort below 2,048 values); <see cref="FromSorted"/> is
/// O(n) (it checks the order).</para>
/// </remarks>
public sealed class SortedSample
{
    private readonly double[] _values;

    private SortedSample(double[] sortedValues)
    {
        _values = sortedValues;
        double sum = 0;
        for (var i = 0; i < sortedValues.Length; i++)
        {
            sum += sortedValues[i];
        }

        Mean = sum / sortedValues.Length;

        // Two-pass centred sum of squares: stable for large offsets, where the one-pass Σx² − n·x̄² cancels.
        double squares = 0;
        for (var i = 0; i < sortedValues.Length; i++)
        {
            var d = sortedValues[i] - Mean;
            squares += d * d;
        }

        PopulationVariance = squares / sortedValues.Length;
        SampleVariance = sortedValues.Length > 1 ? squares / (sortedValues.Length - 1) : double.NaN;
    }

    /// <summary>The number of values.</summary>
    public int Count => _values.Length;

    /// <summary>The values in ascending order.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The smallest value.</summary>
    public double Minimum => _values[0];

    /// <summary>The largest value.</summary>
    public double Maximum => _values[^1];

    /// <summary>The arithmetic mean.</summary>
    public double Mean { get; }

    /// <summary>The population variance Σ(x − x̄)²/n (NumPy <c>np.var</c> with the default <c>ddof=0</c>).</summary>
    public double PopulationVariance { get; }

    /// <summary>The population standard deviation √(Σ(x − x̄)²/n) (NumPy <c>np.std</c> with the default <c>ddof=0</c>).</summary>
    /// <remarks>This is the scale drift tools divide by (for example
    /// <see cref="Wasserstein.NormalizedDistance(SortedSample, SortedSample, double)"/>).</remarks>
    public double PopulationStandardDeviation => Math.Sqrt(PopulationVariance);

    /// <summary>The unbiased sample variance Σ(x − x̄)²/(n − 1); NaN when there is a single value.</summary>
    public double SampleVariance { get; }

    /// <summary>The sample standard deviation √(Σ(x − x̄)²/(n − 1)); NaN when there is a single value.</summary>
    public double SampleStandardDeviation => Math.Sqrt(SampleVariance);

    /// <summary>The quantile at probability <paramref name="p"/> with linear interpolation between order statistics
    /// (R type 7, NumPy's default <c>np.quantile(..., method="linear")</c>, MathNet <c>QuantileDefinition.R7</c>).</summary>
    /// <param name="p">The probability, in [0, 1].</param>
    /// <returns>With h = (n − 1)·p and j = ⌊h⌋: x₍ⱼ₎ + (h − j)·(x₍ⱼ₊₁₎ − x₍ⱼ₎), evaluated as NumPy's <c>_lerp</c> does
    /// (from the upper point when h − j ≥ ½) so cut points agree with NumPy to the last bit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1] or NaN.</exception>
    /// <remarks>O(1).</remarks>
    public double Quantile(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");
        }

        return QuantileR7(_values, p);
    }

    /// <summary>Quantiles of an unsorted sample, exactly those of <see cref="Create"/>(<paramref name="values"/>) and
    /// <see cref="Quantile(double)"/> at each probability, without sorting the sample.</summary>
    /// <param name="values">The sample; not modified.</param>
    /// <param name="probabilities">The probabilities, each in [0, 1], in any order.</param>
    /// <param name="destination">Receives the quantile at each probability, in the same order.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds NaN or an infinity (the message names the first bad
    /// index), or <paramref name="destination"/> is shorter than <paramref name="probabilities"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A probability is outside [0, 1] or NaN.</exception>
    /// <remarks>
    /// <para>The order statistics each quantile interpolates are found by bucketed selection: one pass counts the values
    /// into value buckets, a second copies out only the buckets holding the needed ranks, which are selected from the same
    /// way or sorted once small, as order-preserving keys. They are therefore the very elements a full sort puts at those
    /// ranks (−0 before +0, as <see cref="Create"/> sorts), and the result has the same bits as the sorted path.</para>
    /// <para>O(n) time for light-tailed data (two passes plus a few small sorts) and O(number of probabilities) pooled
    /// scratch beyond the selected buckets; below 2,048 values, or with 256 or more probabilities, the sample is sorted
    /// into a pooled copy instead. Use it for a few quantiles of a sample that is not otherwise needed sorted.</para>
    /// </remarks>
    public static void Quantiles(ReadOnlySpan<double> values, ReadOnlySpan<double> probabilities, Span<double> destination)
    {
        if (values.IsEmpty || !SampleGuard.IsFinite(values, out var low, out var high))
        {
            SampleGuard.ThrowIfEmptyOrNotFinite(values);
            low = high = double.NaN;
        }

        if (destination.Length < probabilities.Length)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} values; {probabilities.Length} probabilities need as many.", nameof(destination));
        }

        foreach (var p in probabilities)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(probabilities), p, "Every probability must be in [0, 1].");
            }
        }

        QuantileSelector.QuantilesR7At(values, probabilities, destination, low, high);
    }

    /// <summary>R type 7 quantile of ascending values; see <see cref="Quantile(double)"/>.</summary>
    internal static double QuantileR7(ReadOnlySpan<double> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lower = Math.Floor(h);
        if (lower >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var j = (int)lower;
        return InterpolateR7(sorted[j], sorted[j + 1], h - lower);
    }

    /// <summary>The R7 interpolation between the order statistics a = x₍ⱼ₎ and b = x₍ⱼ₊₁₎ at fraction gamma of the way,
    /// shared by the sorted and the selection paths so that both give the same bits.</summary>
    internal static double InterpolateR7(double a, double b, double gamma)
    {
        if (a == b && double.IsInfinity(a))
        {
            // Only bootstrap replicates can be infinite (a sample cannot): two equal infinities interpolate to themselves.
            return a;
        }

        var diff = b - a;
        if (double.IsInfinity(diff))
        {
            // Neighbours more than double.MaxValue apart: the weighted form cannot overflow (and 0·∞ cannot give NaN).
            return gamma == 0 ? a : (a * (1 - gamma)) + (b * gamma);
        }

        return gamma >= 0.5 ? b - (diff * (1 - gamma)) : a + (diff * gamma);
    }

    /// <summary>Copies and sorts a sample.</summary>
    /// <param name="values">The sample; not modified.</param>
    /// <returns>The sorted sample.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds NaN or an infinity (the message names the first bad
    /// index).</exception>
    public static SortedSample Create(ReadOnlySpan<double> values)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(values);
        var copy = values.ToArray();
        DoubleSorter.SortInPlace(copy);
        return new SortedSample(copy);
    }

    /// <summary>Wraps a copy of values that are already in ascending order.</summary>
    /// <param name="sortedValues">Values in ascending (non-decreasing) order.</param>
    /// <returns>The sorted sample.</returns>
    /// <exception cref="ArgumentException"><paramref name="sortedValues"/> is empty, holds NaN or an infinity, or is not in ascending
    /// order.</exception>
    public static SortedSample FromSorted(ReadOnlySpan<double> sortedValues)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(sortedValues);
        for (var i = 1; i < sortedValues.Length; i++)
        {
            if (sortedValues[i] < sortedValues[i - 1])
            {
                throw new ArgumentException(
                    $"The values are not in ascending order: index {i} ({sortedValues[i]}) is below index {i - 1} ({sortedValues[i - 1]}).",
                    nameof(sortedValues));
            }
        }

        return new SortedSample(sortedValues.ToArray());
    }

    /// <summary>The empirical distribution function F(x) = #(values ≤ x) / n (right-continuous).</summary>
    /// <param name="x">The point.</param>
    /// <returns>F(x) in [0, 1].</returns>
    /// <remarks>O(log n) by binary search. NaN gives NaN.</remarks>
    public double EmpiricalCdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        return (double)CountAtOrBelow(x) / _values.Length;
    }

    /// <summary>The number of values less than or equal to <paramref name="x"/>.</summary>
    /// <param name="x">The point.</param>
    /// <returns>The count, by binary search in O(log n).</returns>
    public int CountAtOrBelow(double x)
    {
        int lo = 0, hi = _values.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_values[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
