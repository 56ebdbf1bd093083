using System.Buffers;
using System.Runtime.CompilerServices;

namespace AiGovernance.Statistics;

/// <summary>The extremes of F_x − F_y over the pooled sample, split by which sample holds the value where each is
/// attained (SciPy evaluates the difference at every element of <c>concatenate(sorted x, sorted y)</c> and takes the
/// first arg-max and arg-min, so which sample a value comes from decides ties).</summary>
/// <remarks>Only <see cref="Max"/>, <see cref="MaxAt"/>, <see cref="Min"/> and <see cref="MinAt"/> are exact after a
/// bucketed search: it skips every value that cannot reach the overall extremes, so the extreme of the sample that does
/// not hold them may be understated.</remarks>
internal struct KsExtremes
{
    /// <summary>The largest difference at a value of x, and that value.</summary>
    public double MaxX, MaxXAt;

    /// <summary>The largest difference at a value of y, and that value.</summary>
    public double MaxY, MaxYAt;

    /// <summary>The smallest difference at a value of x, and that value.</summary>
    public double MinX, MinXAt;

    /// <summary>The smallest difference at a value of y, and that value.</summary>
    public double MinY, MinYAt;

    /// <summary>The largest difference (SciPy's <c>max(cddiffs)</c>).</summary>
    public readonly double Max => Math.Max(MaxX, MaxY);

    /// <summary>Where <see cref="Max"/> is first attained in SciPy's order (x values before y values).</summary>
    public readonly double MaxAt => MaxX >= MaxY ? MaxXAt : MaxYAt;

    /// <summary>The smallest difference (SciPy's <c>min(cddiffs)</c>).</summary>
    public readonly double Min => Math.Min(MinX, MinY);

    /// <summary>Where <see cref="Min"/> is first attained in SciPy's order.</summary>
    public readonly double MinAt => MinX <= MinY ? MinXAt : MinYAt;

    /// <summary>No difference seen yet.</summary>
    public static KsExtremes None => new()
    {
        MaxX = double.NegativeInfinity,
        MaxY = double.NegativeInfinity,
        MinX = double.PositiveInfinity,
        MinY = double.PositiveInfinity,
    };
}

/// <summary>Finds the extremes of the ECDF difference F_x − F_y without sorting the samples, by bucketing values and
/// sorting only the few buckets that can hold an extreme.</summary>
/// <remarks>
/// <para>The values are mapped to B buckets by b(v) = ⌊(v − lo)·B/(hi − lo)⌋, which is monotone in v (a rounded
/// subtraction and a multiplication by a positive constant never reverse an order), so equal values share a bucket
/// and every value of a bucket is below every value of a later one. One counting pass per sample gives the counts
/// before and after each bucket, and therefore:</para>
/// <list type="bullet">
/// <item>the difference at the last value of each non-empty bucket, which is attained (a lower bound on the maximum and
/// an upper bound on the minimum), and</item>
/// <item>for each bucket, bounds on every difference inside it: (before_x)/n − (after_y)/m ≤ F_x − F_y ≤
/// (after_x)/n − (before_y)/m.</item>
/// </list>
/// <para>A bucket whose bounds, widened by a margin far above rounding, cannot reach the attained maximum or minimum
/// holds no extreme and no tie with one and is skipped. The remaining buckets are processed in ascending order: small
/// ones are sorted where they were gathered and walked exactly like the full merge (<see cref="Walk"/>), a bucket of
/// one value is that walk's single step, large ones are bucketed again over their own range. The result is therefore
/// the same as the full merge's, bit for bit, while the work is two counting passes and one gathering pass instead of
/// two sorts. The full merge remains the path for small samples, ranges that overflow, regions where the bounds prune
/// almost nothing among many small buckets (identical samples) and adversarial data that defeats bucketing after a
/// few levels.</para>
/// </remarks>
internal static class EcdfExtremes
{
    /// <summary>Below this many pooled values the samples are sorted and merged directly.</summary>
    internal const int DefaultMinBucketedSize = 4096;

    /// <summary>A region (bucket) with at most this many values is sorted and walked instead of bucketed again.</summary>
    internal const int DefaultSmallRegion = 512;

    /// <summary>Aim for this many pooled values per bucket.</summary>
    private const int ValuesPerBucket = 16;

    private const int MinBuckets = 64;
    private const int MaxBuckets = 1 << 16;

    /// <summary>Nesting limit for re-bucketing; deeper regions are sorted.</summary>
    private const int MaxDepth = 4;

    /// <summary>Bounds are compared with this slack: computed differences are within about 1e-15 of the exact ones, so
    /// the slack only ever makes the search look at more buckets, never fewer.</summary>
    private const double Margin = 1e-10;

    /// <summary>Ints per candidate record: x and y counts before the bucket, its x and y counts, gather offsets.</summary>
    private const int CandidateFields = 6;

    /// <summary>The extremes of F_x − F_y over the pooled sample.</summary>
    /// <param name="x">The first sample: finite values, sorted ascending when <paramref name="xSorted"/>.</param>
    /// <param name="xSorted">Whether <paramref name="x"/> is sorted.</param>
    /// <param name="y">The second sample: finite values, sorted ascending when <paramref name="ySorted"/>.</param>
    /// <param name="ySorted">Whether <paramref name="y"/> is sorted.</param>
    /// <returns>The same extremes as <see cref="Walk"/> over the sorted samples.</returns>
    public static KsExtremes Compute(ReadOnlySpan<double> x, bool xSorted, ReadOnlySpan<double> y, bool ySorted) =>
        Compute(x, xSorted, y, ySorted, double.NaN, double.NaN, DefaultMinBucketedSize, DefaultSmallRegion, ValuesPerBucket);

    /// <summary>The extremes when the smallest and largest pooled value are already known (from validation).</summary>
    /// <param name="x">The first sample: finite values, sorted ascending when <paramref name="xSorted"/>.</param>
    /// <param name="xSorted">Whether <paramref name="x"/> is sorted.</param>
    /// <param name="y">The second sample: finite values, sorted ascending when <paramref name="ySorted"/>.</param>
    /// <param name="ySorted">Whether <paramref name="y"/> is sorted.</param>
    /// <param name="low">The smallest value of both samples.</param>
    /// <param name="high">The largest value of both samples.</param>
    /// <returns>The same extremes as <see cref="Walk"/> over the sorted samples.</returns>
    public static KsExtremes Compute(ReadOnlySpan<double> x, bool xSorted, ReadOnlySpan<double> y, bool ySorted, double low, double high) =>
        Compute(x, xSorted, y, ySorted, low, high, DefaultMinBucketedSize, DefaultSmallRegion, ValuesPerBucket);

    /// <summary><see cref="Compute(ReadOnlySpan{double}, bool, ReadOnlySpan{double}, bool)"/> with the tuning exposed so
    /// that tests can force every path (bucketing of tiny samples, deep re-bucketing, few buckets).</summary>
    internal static KsExtremes Compute(
        ReadOnlySpan<double> x,
        bool xSorted,
        ReadOnlySpan<double> y,
        bool ySorted,
        double low,
        double high,
        int minBucketedSize,
        int smallRegion,
        int valuesPerBucket) =>
        Compute(x, xSorted, y, ySorted, low, high, minBucketedSize, smallRegion, valuesPerBucket, out _);

    /// <summary>The tuned search, also reporting how many values were sorted and walked (the others were only counted
    /// into buckets), so that tests can check that the bounds prune.</summary>
    internal static KsExtremes Compute(
        ReadOnlySpan<double> x,
        bool xSorted,
        ReadOnlySpan<double> y,
        bool ySorted,
        double low,
        double high,
        int minBucketedSize,
        int smallRegion,
        int valuesPerBucket,
        out long walkedValues)
    {
        var search = new Search(x.Length, y.Length, smallRegion, valuesPerBucket);
        if (x.Length + y.Length < minBucketedSize)
        {
            search.SortAndWalk(x, xSorted, y, ySorted, 0, 0);
        }
        else
        {
            search.Solve(x, xSorted, y, ySorted, 0, 0, 0, low, high);
        }

        walkedValues = search.WalkedValues;
        return search.Extremes;
    }

    /// <summary>Walks the merged order of sorted x and y values that together form a range of the pooled sample (no
    /// value outside it lies between its values), evaluating F_x − F_y after each distinct value as SciPy does.</summary>
    /// <param name="x">The sorted x values of the range.</param>
    /// <param name="y">The sorted y values of the range.</param>
    /// <param name="xBefore">How many x values lie below the range.</param>
    /// <param name="yBefore">How many y values lie below the range.</param>
    /// <param name="n1">The size of the whole x sample.</param>
    /// <param name="n2">The size of the whole y sample.</param>
    /// <param name="extremes">Updated with the range's differences.</param>
    public static void Walk(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int xBefore, int yBefore, int n1, int n2, ref KsExtremes extremes)
    {
        var xEnd = x.Length;
        var yEnd = y.Length;
        int i = 0, j = 0;
        while (i < xEnd || j < yEnd)
        {
            var z = i < xEnd ? (j < yEnd ? Math.Min(x[i], y[j]) : x[i]) : y[j];
            var inX = false;
            var inY = false;
            while (i < xEnd && x[i] <= z)
            {
                i++;
                inX = true;
            }

            while (j < yEnd && y[j] <= z)
            {
                j++;
                inY = true;
            }

            var difference = ((double)(xBefore + i) / n1) - ((double)(yBefore + j) / n2);
            if (inX)
            {
                Track(ref extremes.MaxX, ref extremes.MaxXAt, ref extremes.MinX, ref extremes.MinXAt, difference, x[i - 1]);
            }

            if (inY)
            {
                Track(ref extremes.MaxY, ref extremes.MaxYAt, ref extremes.MinY, ref extremes.MinYAt, difference, y[j - 1]);
            }
        }
    }

    /// <summary>Keeps the first value where a new maximum or minimum of the difference is reached.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Track(ref double max, ref double maxAt, ref double min, ref double minAt, double difference, double at)
    {
        if (difference > max)
        {
            max = difference;
            maxAt = at;
        }

        if (difference < min)
        {
            min = difference;
            minAt = at;
        }
    }

    /// <summary>The state of one search: the sample sizes, the tuning, the exact extremes found so far and the attained
    /// bounds used for pruning.</summary>
    private struct Search
    {
        private readonly int _n1;
        private readonly int _n2;
        private readonly int _smallRegion;
        private readonly int _valuesPerBucket;

        // Differences known to be attained somewhere (not yet attributed): the maximum is at least _attainedMax and
        // the minimum at most _attainedMin.
        private double _attainedMax;
        private double _attainedMin;

        public KsExtremes Extremes;

        /// <summary>How many values were walked in sorted order.</summary>
        public long WalkedValues;

        public Search(int n1, int n2, int smallRegion, int valuesPerBucket)
        {
            _n1 = n1;
            _n2 = n2;
            _smallRegion = smallRegion;
            _valuesPerBucket = valuesPerBucket;
            _attainedMax = double.NegativeInfinity;
            _attainedMin = double.PositiveInfinity;
            Extremes = KsExtremes.None;
        }

        /// <summary>Copies the unsorted samples into pooled buffers, sorts them and walks the range.</summary>
        public void SortAndWalk(ReadOnlySpan<double> x, bool xSorted, ReadOnlySpan<double> y, bool ySorted, int xBefore, int yBefore)
        {
            double[]? xBuffer = null, yBuffer = null;
            try
            {
                if (!xSorted && x.Length > 1)
                {
                    xBuffer = ArrayPool<double>.Shared.Rent(x.Length);
                    x.CopyTo(xBuffer);
                    x = xBuffer.AsSpan(0, x.Length);
                }

                if (!ySorted && y.Length > 1)
                {
                    yBuffer = ArrayPool<double>.Shared.Rent(y.Length);
                    y.CopyTo(yBuffer);
                    y = yBuffer.AsSpan(0, y.Length);
                }

                if (xBuffer is not null && yBuffer is not null)
                {
                    DoubleSorter.SortBoth(xBuffer, x.Length, yBuffer, y.Length);
                }
                else if (xBuffer is not null)
                {
                    DoubleSorter.SortInPlace(xBuffer.AsSpan(0, x.Length));
                }
                else if (yBuffer is not null)
                {
                    DoubleSorter.SortInPlace(yBuffer.AsSpan(0, y.Length));
                }

                WalkAndAttain(x, y, xBefore, yBefore);
            }
            finally
            {
                if (xBuffer is not null)
                {
                    ArrayPool<double>.Shared.Return(xBuffer);
                }

                if (yBuffer is not null)
                {
                    ArrayPool<double>.Shared.Return(yBuffer);
                }
            }
        }

        /// <summary>Walks sorted values of a range and records the extremes as attained bounds too.</summary>
        private void WalkAndAttain(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int xBefore, int yBefore)
        {
            Walk(x, y, xBefore, yBefore, _n1, _n2, ref Extremes);
            WalkedValues += x.Length + y.Length;
            Attain(Extremes.MaxX, Extremes.MinX);
            Attain(Extremes.MaxY, Extremes.MinY);
        }

        /// <summary>A range holding a single value: the walk's one step, without sorting (the location is the value;
        /// of −0.0 and +0.0 together either may be reported, as after a sort).</summary>
        private void WalkSingleValue(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int xBefore, int yBefore)
        {
            var difference = ((double)(xBefore + x.Length) / _n1) - ((double)(yBefore + y.Length) / _n2);
            if (!x.IsEmpty)
            {
                Track(ref Extremes.MaxX, ref Extremes.MaxXAt, ref Extremes.MinX, ref Extremes.MinXAt, difference, x[^1]);
            }

            if (!y.IsEmpty)
            {
                Track(ref Extremes.MaxY, ref Extremes.MaxYAt, ref Extremes.MinY, ref Extremes.MinYAt, difference, y[^1]);
            }

            Attain(difference, difference);
        }

        /// <summary>Sorts <paramref name="count"/> gathered values in place and returns them.</summary>
        private static ReadOnlySpan<double> SortGathered(double[]? gathered, int offset, int count)
        {
            if (count == 0)
            {
                return default;
            }

            var values = gathered.AsSpan(offset, count);
            DoubleSorter.SortInPlace(values);
            return values;
        }

        /// <summary>Finds the extremes within a range of the pooled sample (x and y hold all its values).</summary>
        /// <remarks><paramref name="low"/> and <paramref name="high"/> are the range's smallest and largest value, or
        /// NaN when not known yet.</remarks>
        public void Solve(ReadOnlySpan<double> x, bool xSorted, ReadOnlySpan<double> y, bool ySorted, int xBefore, int yBefore, int depth, double low,
            double high)
        {
            var total = x.Length + y.Length;
            if (total <= _smallRegion || depth > MaxDepth)
            {
                SortAndWalk(x, xSorted, y, ySorted, xBefore, yBefore);
                return;
            }

            if (double.IsNaN(low) || double.IsNaN(high))
            {
                MinMax(x, xSorted, out var xLow, out var xHigh);
                MinMax(y, ySorted, out var yLow, out var yHigh);
                low = Math.Min(xLow, yLow);
                high = Math.Max(xHigh, yHigh);
            }

            var buckets = BucketCount(total);
            var scale = buckets / (high - low);

            // One value is one step of both ECDFs: nothing to sort.
            if (low == high)
            {
                WalkSingleValue(x, y, xBefore, yBefore);
                return;
            }

            // A range too wide or too narrow to scale leaves nothing to bucket.
            if (!(high > low) || !double.IsFinite(scale) || scale <= 0)
            {
                SortAndWalk(x, xSorted, y, ySorted, xBefore, yBefore);
                return;
            }

            var last = buckets - 1;
            var xCountsArray = ArrayPool<int>.Shared.Rent(buckets);
            var yCountsArray = ArrayPool<int>.Shared.Rent(buckets);
            double[]? xGathered = null, yGathered = null;
            int[]? candidatesArray = null;
            try
            {
                var xCounts = xCountsArray.AsSpan(0, buckets);
                var yCounts = yCountsArray.AsSpan(0, buckets);
                xCounts.Clear();
                yCounts.Clear();
                ValueBuckets.Histogram(x, xSorted, low, scale, last, xCounts);
                ValueBuckets.Histogram(y, ySorted, low, scale, last, yCounts);

                // Differences at the last value of every non-empty bucket are attained.
                int xAfter = xBefore, yAfter = yBefore;
                var occupied = 0;
                for (var b = 0; b < buckets; b++)
                {
                    var cx = xCounts[b];
                    var cy = yCounts[b];
                    if ((cx | cy) != 0)
                    {
                        occupied++;
                        xAfter += cx;
                        yAfter += cy;
                        var difference = ((double)xAfter / _n1) - ((double)yAfter / _n2);
                        Attain(difference, difference);
                    }
                }

                // Candidates: buckets whose bounds reach the attained extremes, recorded as (bucket, counts before it,
                // its counts, gather offsets). The count arrays become gather slots: the offset of a candidate, −1 else.
                candidatesArray = ArrayPool<int>.Shared.Rent(CandidateFields * buckets);
                var candidates = candidatesArray.AsSpan(0, CandidateFields * buckets);
                var candidateCount = 0;
                var xStart = xBefore;
                var yStart = yBefore;
                int xTake = 0, yTake = 0;
                int firstCandidate = buckets, lastCandidate = -1;
                for (var b = 0; b < buckets; b++)
                {
                    var cx = xCounts[b];
                    var cy = yCounts[b];
                    if ((cx | cy) != 0 && MayHoldExtreme(xStart, yStart, xStart + cx, yStart + cy))
                    {
                        var record = candidates.Slice(CandidateFields * candidateCount++, CandidateFields);
                        record[0] = xStart;
                        record[1] = yStart;
                        record[2] = cx;
                        record[3] = cy;
                        record[4] = xTake;
                        record[5] = yTake;
                        xCounts[b] = xTake;
                        yCounts[b] = yTake;
                        firstCandidate = Math.Min(firstCandidate, b);
                        lastCandidate = b;
                        xTake += cx;
                        yTake += cy;
                    }
                    else
                    {
                        xCounts[b] = -1;
                        yCounts[b] = -1;
                    }

                    xStart += cx;
                    yStart += cy;
                }

                // When the bounds prune almost nothing among many small buckets (identical samples, for example, where
                // every bucket end shows a zero difference), sorting the region at once is cheaper than gathering it and
                // sorting it piecewise. Large candidates (heavy tails, or one value per bucket as with integer data,
                // which needs no sort at all) are bucketed again instead.
                var taken = xTake + yTake;
                if (taken > total / 2 && candidateCount > occupied / 2 && taken / candidateCount <= _smallRegion)
                {
                    SortAndWalk(x, xSorted, y, ySorted, xBefore, yBefore);
                    return;
                }

                // Sorted samples need no gathering: a bucket's values are a contiguous slice.
                if (!xSorted && xTake > 0)
                {
                    xGathered = ArrayPool<double>.Shared.Rent(xTake);
                    ValueBuckets.Gather(x, low, scale, last, firstCandidate, lastCandidate, xCounts, xGathered);
                }

                if (!ySorted && yTake > 0)
                {
                    yGathered = ArrayPool<double>.Shared.Rent(yTake);
                    ValueBuckets.Gather(y, low, scale, last, firstCandidate, lastCandidate, yCounts, yGathered);
                }

                // In ascending order, so that the first of equal extremes is the one kept; the bounds tighten as
                // buckets are resolved, so each candidate is checked again.
                for (var k = 0; k < candidateCount; k++)
                {
                    var record = candidates.Slice(CandidateFields * k, CandidateFields);
                    int xFrom = record[0], yFrom = record[1], cx = record[2], cy = record[3];
                    if (!MayHoldExtreme(xFrom, yFrom, xFrom + cx, yFrom + cy))
                    {
                        continue;
                    }

                    if (cx + cy <= _smallRegion)
                    {
                        // Small buckets are sorted where they were gathered (this search owns those buffers).
                        var xSmall = xSorted ? x.Slice(xFrom - xBefore, cx) : SortGathered(xGathered, record[4], cx);
                        var ySmall = ySorted ? y.Slice(yFrom - yBefore, cy) : SortGathered(yGathered, record[5], cy);
                        WalkAndAttain(xSmall, ySmall, xFrom, yFrom);
                        continue;
                    }

                    var xs = xSorted ? x.Slice(xFrom - xBefore, cx) : (cx == 0 ? default : xGathered.AsSpan(record[4], cx));
                    var ys = ySorted ? y.Slice(yFrom - yBefore, cy) : (cy == 0 ? default : yGathered.AsSpan(record[5], cy));
                    Solve(xs, xSorted, ys, ySorted, xFrom, yFrom, depth + 1, double.NaN, double.NaN);
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(xCountsArray);
                ArrayPool<int>.Shared.Return(yCountsArray);
                if (candidatesArray is not null)
                {
                    ArrayPool<int>.Shared.Return(candidatesArray);
                }

                if (xGathered is not null)
                {
                    ArrayPool<double>.Shared.Return(xGathered);
                }

                if (yGathered is not null)
                {
                    ArrayPool<double>.Shared.Return(yGathered);
                }
            }
        }

        /// <summary>Whether a bucket with these counts before and after it can hold a difference that reaches the
        /// attained maximum or minimum.</summary>
        private readonly bool MayHoldExtreme(int xBefore, int yBefore, int xAfter, int yAfter)
        {
            var upper = ((double)xAfter / _n1) - ((double)yBefore / _n2);
            var lower = ((double)xBefore / _n1) - ((double)yAfter / _n2);
            return upper + Margin >= _attainedMax || lower - Margin <= _attainedMin;
        }

        private void Attain(double max, double min)
        {
            if (max > _attainedMax)
            {
                _attainedMax = max;
            }

            if (min < _attainedMin)
            {
                _attainedMin = min;
            }
        }

        private readonly int BucketCount(int total)
        {
            var target = Math.Max(1, total / _valuesPerBucket);
            var buckets = (int)Math.Min(MaxBuckets, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)target));
            return Math.Max(MinBuckets, buckets);
        }

        private static void MinMax(ReadOnlySpan<double> values, bool sorted, out double low, out double high)
        {
            if (values.IsEmpty)
            {
                low = double.PositiveInfinity;
                high = double.NegativeInfinity;
                return;
            }

            if (sorted)
            {
                low = values[0];
                high = values[^1];
                return;
            }

            _ = SampleGuard.IsFinite(values, out low, out high);
        }
    }
}
