namespace AiGovernance.Statistics;

/// <summary>A numeric sample sorted once, so one reference can be compared with many windows without re-sorting.</summary>
/// <remarks>
/// <para>The values are held in an owned array (not pooled), so an instance is immutable, safe to share across
/// threads and needs no disposal. Construction validates that every value is finite.</para>
/// <para>Complexity: <see cref="Create"/> is O(n) (an LSD radix sort on the IEEE-754 bits; introsort below 2,048 values); <see cref="FromSorted"/> is O(n) (it checks the order).</para>
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

    /// <summary>Copies and sorts a sample.</summary>
    /// <param name="values">The sample; not modified.</param>
    /// <returns>The sorted sample.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds NaN or an infinity (the message names the first bad index).</exception>
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
    /// <exception cref="ArgumentException"><paramref name="sortedValues"/> is empty, holds NaN or an infinity, or is not in ascending order.</exception>
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
