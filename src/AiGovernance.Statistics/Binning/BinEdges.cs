using System.Text.Json.Serialization;

namespace AiGovernance.Statistics;

/// <summary>Bin boundaries fitted once on a reference sample and reused for every window compared with it.</summary>
/// <remarks>
/// <para>Bins are right-closed and the outer bins are open: with strictly increasing cut points c₁ &lt; … &lt; c_m the
/// bins are (−∞, c₁], (c₁, c₂], …, (c_m, +∞), so <see cref="BinCount"/> = m + 1 and a value outside the reference range is
/// counted in an outer bin, never dropped. A value x falls in bin #{i : cᵢ &lt; x}, found by binary search in O(log m).</para>
/// <para>Fitting collapses duplicate cut points (discrete or heavily tied data), so fewer bins than requested may result;
/// at least one cut point, hence two bins, always remains.</para>
/// <para>Instances are immutable and thread-safe. They serialise with System.Text.Json
/// (<see cref="StatisticsJsonContext"/>, source-generated and AOT-safe) as <c>{"cutPoints":[…]}</c>, so a batch job can save a
/// reference's edges and reload them exactly (doubles round-trip).</para>
/// </remarks>
[JsonConverter(typeof(BinEdgesJsonConverter))]
public sealed class BinEdges : IEquatable<BinEdges>
{
    private readonly double[] _cutPoints;

    private BinEdges(double[] strictlyIncreasingCutPoints) => _cutPoints = strictlyIncreasingCutPoints;

    /// <summary>The strictly increasing interior cut points c₁ &lt; … &lt; c_m.</summary>
    public ReadOnlySpan<double> CutPoints => _cutPoints;

    /// <summary>The number of bins, one more than the number of cut points.</summary>
    public int BinCount => _cutPoints.Length + 1;

    /// <summary>Fits cut points at the reference quantiles k/<paramref name="bins"/>, k = 1..bins−1.</summary>
    /// <param name="reference">The reference sample; not modified.</param>
    /// <param name="bins">The requested number of bins (at least 2).</param>
    /// <returns>The edges; duplicate cut points are collapsed.</returns>
    /// <exception cref="ArgumentException"><paramref name="reference"/> is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 2 or above 100,000 (the cut points are allocated up
    /// front).</exception>
    /// <remarks>Quantiles use linear interpolation (R type 7, NumPy's default), found by bucketed selection: O(n) for
    /// light-tailed data, never worse than a sort.</remarks>
    public static BinEdges Quantile(ReadOnlySpan<double> reference, int bins)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(reference, out var low, out var high);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bins, PsiDefaults.MaximumBins);
        return QuantileUnchecked(reference, bins, low, high);
    }

    /// <summary>Fits cut points at the quantiles k/<paramref name="bins"/>, k = 1..bins−1, of an already sorted reference.</summary>
    /// <param name="reference">The sorted reference.</param>
    /// <param name="bins">The requested number of bins (at least 2).</param>
    /// <returns>The edges; duplicate cut points are collapsed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 2 or above 100,000 (the cut points are allocated up
    /// front).</exception>
    /// <remarks>O(bins): no re-sorting.</remarks>
    public static BinEdges Quantile(SortedSample reference, int bins)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bins, PsiDefaults.MaximumBins);
        var cuts = new double[bins - 1];
        for (var k = 1; k < bins; k++)
        {
            cuts[k - 1] = SortedSample.QuantileR7(reference.Values, (double)k / bins);
        }

        return new BinEdges(Collapse(cuts));
    }

    /// <summary>Fits cut points min + k·(max − min)/<paramref name="bins"/>, k = 1..bins−1, of the reference.</summary>
    /// <param name="reference">The reference sample.</param>
    /// <param name="bins">The requested number of bins (at least 2).</param>
    /// <returns>The edges; a constant reference collapses to a single cut point.</returns>
    /// <exception cref="ArgumentException"><paramref name="reference"/> is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 2 or above 100,000 (the cut points are allocated up
    /// front).</exception>
    /// <remarks>O(n); the cut point is evaluated as <c>min + k * (max - min) / bins</c>, or, where <c>k * (max - min)</c>
    /// exceeds <see cref="double.MaxValue"/>, as <c>(min / bins) * (bins - k) + (max / bins) * k</c>, which stays finite.</remarks>
    public static BinEdges EqualWidth(ReadOnlySpan<double> reference, int bins)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(reference);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bins, PsiDefaults.MaximumBins);
        double min = reference[0], max = reference[0];
        for (var i = 1; i < reference.Length; i++)
        {
            min = Math.Min(min, reference[i]);
            max = Math.Max(max, reference[i]);
        }

        return EqualWidth(min, max, bins);
    }

    /// <summary>Fits equal-width cut points on a sorted reference.</summary>
    /// <param name="reference">The sorted reference.</param>
    /// <param name="bins">The requested number of bins (at least 2).</param>
    /// <returns>The edges.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 2 or above 100,000 (the cut points are allocated up
    /// front).</exception>
    public static BinEdges EqualWidth(SortedSample reference, int bins)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bins, PsiDefaults.MaximumBins);
        return EqualWidth(reference.Minimum, reference.Maximum, bins);
    }

    /// <summary>Uses explicit cut points, for example edges saved by an earlier job or fixed by a business rule.</summary>
    /// <param name="cutPoints">Finite cut points in non-decreasing order; repeated values are collapsed.</param>
    /// <returns>The edges.</returns>
    /// <exception cref="ArgumentException"><paramref name="cutPoints"/> is empty (fewer than 2 bins), holds NaN or an infinity,
    /// or decreases somewhere (the message names the index).</exception>
    public static BinEdges FromCutPoints(ReadOnlySpan<double> cutPoints)
    {
        if (cutPoints.IsEmpty)
        {
            throw new ArgumentException("At least one cut point (two bins) is required.", nameof(cutPoints));
        }

        SampleGuard.ThrowIfNotFinite(cutPoints);
        for (var i = 1; i < cutPoints.Length; i++)
        {
            if (cutPoints[i] < cutPoints[i - 1])
            {
                throw new ArgumentException(
                    $"The cut points must be in ascending order: index {i} ({cutPoints[i]}) is below index {i - 1} ({cutPoints[i - 1]}).",
                    nameof(cutPoints));
            }
        }

        return new BinEdges(Collapse(cutPoints.ToArray()));
    }

    /// <summary>The bin a value falls in: #{i : cᵢ &lt; <paramref name="value"/>}.</summary>
    /// <param name="value">A finite value.</param>
    /// <returns>The bin index in [0, <see cref="BinCount"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN.</exception>
    public int BinOf(double value)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentException("NaN has no bin.", nameof(value));
        }

        return IndexOf(value);
    }

    /// <summary>Adds the number of <paramref name="values"/> falling in each bin to <paramref name="counts"/>.</summary>
    /// <param name="values">Finite values.</param>
    /// <param name="counts">One counter per bin (length <see cref="BinCount"/>); incremented, not cleared, so repeated
    /// calls accumulate (start from zeros for a fresh count).</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> holds NaN or an infinity (nothing is counted), or
    /// <paramref name="counts"/> does not have <see cref="BinCount"/> elements.</exception>
    /// <remarks>O(n log m) by binary search over the m cut points; no allocation.</remarks>
    public void Count(ReadOnlySpan<double> values, Span<long> counts)
    {
        if (counts.Length != BinCount)
        {
            throw new ArgumentException($"Expected {BinCount} counters (one per bin), got {counts.Length}.", nameof(counts));
        }

        SampleGuard.ThrowIfNotFinite(values);
        CountUnchecked(values, counts);
    }

    /// <summary>The lower (exclusive) boundary of a bin; −∞ for the first.</summary>
    /// <param name="bin">The bin index.</param>
    /// <returns>The boundary.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bin"/> is outside [0, <see cref="BinCount"/>).</exception>
    public double LowerBound(int bin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bin);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bin, BinCount);
        return bin == 0 ? double.NegativeInfinity : _cutPoints[bin - 1];
    }

    /// <summary>The upper (inclusive) boundary of a bin; +∞ for the last.</summary>
    /// <param name="bin">The bin index.</param>
    /// <returns>The boundary.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bin"/> is outside [0, <see cref="BinCount"/>).</exception>
    public double UpperBound(int bin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bin);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bin, BinCount);
        return bin == _cutPoints.Length ? double.PositiveInfinity : _cutPoints[bin];
    }

    /// <summary>Whether both have exactly the same cut points.</summary>
    /// <param name="other">The other edges.</param>
    /// <returns>True when the cut points are bitwise equal.</returns>
    public bool Equals(BinEdges? other) =>
        other is not null && (ReferenceEquals(this, other) || _cutPoints.AsSpan().SequenceEqual(other._cutPoints));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BinEdges);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var c in _cutPoints)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => $"BinEdges({BinCount} bins: {string.Join(", ", _cutPoints)})";

    internal int IndexOf(double value)
    {
        // Lower bound: the number of cut points strictly below value, so a value equal to a cut point goes left (right-closed).
        int lo = 0, hi = _cutPoints.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_cutPoints[mid] < value)
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

    /// <summary>Quantile edges of a validated (non-empty, finite) reference whose smallest and largest value are
    /// <paramref name="low"/> and <paramref name="high"/>, by selection rather than a full sort.</summary>
    internal static BinEdges QuantileUnchecked(ReadOnlySpan<double> reference, int bins, double low, double high)
    {
        var cuts = new double[bins - 1];
        QuantileSelector.QuantilesR7(reference, bins, cuts, low, high);
        return new BinEdges(Collapse(cuts));
    }

    /// <summary><see cref="Count"/> for validated (finite) values and a counter per bin.</summary>
    internal void CountUnchecked(ReadOnlySpan<double> values, Span<long> counts)
    {
        if (_cutPoints.Length <= BinCounter.MaxCutPoints)
        {
            BinCounter.Count(values, _cutPoints, counts);
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            counts[IndexOf(values[i])]++;
        }
    }

    internal static BinEdges FromValidated(double[] strictlyIncreasing) => new(strictlyIncreasing);

    private static BinEdges EqualWidth(double min, double max, int bins)
    {
        var cuts = new double[bins - 1];
        var range = max - min;
        for (var k = 1; k < bins; k++)
        {
            // Past double.MaxValue (range or k·range overflowing) the weighted form of the same point stays finite and
            // inside [min, max]: each term is below |min| or |max|, and the step (over MaxValue/bins²) dwarfs rounding.
            var step = k * range;
            cuts[k - 1] = double.IsFinite(step) ? min + (step / bins) : ((min / bins) * (bins - k)) + ((max / bins) * k);
        }

        return new BinEdges(Collapse(cuts));
    }

    private static double[] Collapse(double[] nonDecreasing)
    {
        var distinct = 1;
        for (var i = 1; i < nonDecreasing.Length; i++)
        {
            // '>' rather than '!=' also absorbs a last-bit dip between interpolated neighbours, keeping the search valid.
            if (nonDecreasing[i] > nonDecreasing[distinct - 1])
            {
                nonDecreasing[distinct++] = nonDecreasing[i];
            }
        }

        return distinct == nonDecreasing.Length ? nonDecreasing : nonDecreasing[..distinct];
    }
}
