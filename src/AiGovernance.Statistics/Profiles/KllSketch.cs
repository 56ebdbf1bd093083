using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace AiGovernance.Statistics;

/// <summary>A mergeable quantile sketch (KLL: Karnin, Lang and Liberty, "Optimal quantile approximation in streams",
/// FOCS 2016) that answers rank, CDF and quantile queries over a stream in O(k) space, with a stated rank-error bound.</summary>
/// <remarks>
/// <para><b>Structure.</b> Level h holds items of weight 2^h. Level capacities shrink geometrically from the top:
/// capacity(h) = max(2, ⌈k·(2/3)^(H−h−1)⌉) for H levels, so about 3k items are retained however long the stream.
/// When the retained total reaches the sum of capacities, the lowest full level is <em>compacted</em>: its items are sorted,
/// (the smallest is set aside when the count is odd) and every other item of the rest — odd or even positions, chosen by a
/// coin flip — moves up one level with twice the weight. Weights always add up to <see cref="Count"/>.</para>
/// <para><b>Determinism.</b> The coin is the top bit of a SplitMix64 hash of the seed, the level and the (sorted) items being
/// compacted, so a sketch is a deterministic function of its seed and its input sequence, and
/// <see cref="Merge"/> is exactly commutative. Partitions with the same seed still flip independent-looking coins because
/// their contents differ.</para>
/// <para><b>Error bound.</b> A compaction at level h changes the estimated rank of any fixed point by 0 or ±2^h with equal
/// probability, independently of earlier flips, so the rank error at a point is a martingale with bounded increments. By
/// Azuma–Hoeffding, for one fixed query point, with probability at least 1 − δ,
/// |R̂(x) − R(x)| ≤ e(δ) = √(2·ln(2/δ)·Σₕ mₕ·4^h), where mₕ is the number of compactions performed at level h (tracked
/// exactly, also across merges); <see cref="GetPointRankErrorBound"/> returns e(δ)/n.</para>
/// <para><see cref="RankErrorBound"/> (and <see cref="GetRankErrorBound"/>) is the stronger <em>uniform</em> bound, holding
/// for all points at once, which is what a Kolmogorov–Smirnov supremum or a Wasserstein integral needs:
/// ε = e(δ/(2m))/n + η with η = e(δ)/n and m = ⌈1/η⌉. (Both R and R̂ are monotone, so controlling the error at the m
/// points whose true ranks are multiples of ηn, from both sides — 2m queries, union bound — bounds it everywhere up to
/// η.) It is 0 while nothing has been compacted (the sketch is then exact). For k = 200 at 99% confidence the uniform
/// bound is about 2.7% of n at n = 10³ and 3.1% at n = 4·10⁶ (it scales like 1/k); the largest error measured over all
/// points is typically a quarter of it. The coin is pseudo-random, so the bound treats it as a fair coin.</para>
/// <para><b>Input.</b> Values must be finite (−0 is stored as +0). An instance is not thread-safe: use one sketch per
/// thread or partition and <see cref="Merge"/> them. Serialises with <see cref="StatisticsJsonContext"/>.</para>
/// </remarks>
[JsonConverter(typeof(KllSketchJsonConverter))]
public sealed class KllSketch
{
    private readonly List<List<double>> _levels = [];
    private readonly List<long> _compactions = [];

    /// <summary>Per level, where the ascending runs after the first start (each compaction of the level below appends
    /// one), so a compaction merges them without looking for them; null where unknown (level 0, whose items come in
    /// arrival order, and levels read back or merged, until their first compaction).</summary>
    private readonly List<List<int>?> _runStarts = [];

    /// <summary>Whether a restored level held −0 (only a hand-made serialised sketch can): every level is then
    /// sorted as before run tracking, by looking for its runs.</summary>
    private bool _mayHoldNegativeZero;

    /// <summary>Levels with more ascending runs than this are sorted outright rather than merged.</summary>
    private const int MaxMergedRuns = 16;

    /// <summary>Levels of runs up to this many items are sorted by insertion instead of merge passes.</summary>
    private const int InsertionSortedLength = 32;

    /// <summary>The bits of −0.0.</summary>
    private const long NegativeZeroBits = long.MinValue;

    private double[] _scratch = [];
    private int _retained;
    private int _capacityTotal;
    private SortedView? _view;

    /// <summary>Creates an empty sketch.</summary>
    /// <param name="k">The accuracy parameter: the top level's capacity (larger k, smaller error, more memory).</param>
    /// <param name="seed">The seed of the compaction coin; sketches merge only with the same k and seed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside [8, 65535].</exception>
    public KllSketch(int k = KllDefaults.K, long seed = KllDefaults.Seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, KllDefaults.MinimumK);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, KllDefaults.MaximumK);
        K = k;
        Seed = seed;
        Grow();
    }

    /// <summary>The accuracy parameter k.</summary>
    /// <value>The default value is 200.</value>
    public int K { get; }

    /// <summary>The seed of the compaction coin.</summary>
    /// <value>The default value is 0.</value>
    public long Seed { get; }

    /// <summary>The number of values added (over all merged sketches).</summary>
    public long Count { get; private set; }

    /// <summary>The exact smallest value added; NaN when empty.</summary>
    public double Minimum { get; private set; } = double.NaN;

    /// <summary>The exact largest value added; NaN when empty.</summary>
    public double Maximum { get; private set; } = double.NaN;

    /// <summary>The number of items the sketch currently holds (about 3k at most between compactions).</summary>
    public int RetainedCount => _retained;

    /// <summary>Whether no compaction has happened, so every query is exact.</summary>
    public bool IsExact
    {
        get
        {
            foreach (var m in _compactions)
            {
                if (m != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The uniform normalised rank-error bound at 99% confidence: sup over x of |R̂(x) − R(x)| / n ≤ this.</summary>
    /// <remarks>See <see cref="GetRankErrorBound"/>.</remarks>
    public double RankErrorBound => GetRankErrorBound(KllDefaults.Confidence);

    /// <summary>Adds one value.</summary>
    /// <param name="value">A finite value.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or an infinity.</exception>
    /// <remarks>Amortised O(log k) per value (sorting during compactions).</remarks>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Only finite values can be added ({value}).", nameof(value));
        }

        AddUnchecked(value);
    }

    /// <summary>Adds values.</summary>
    /// <param name="values">Finite values.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> holds NaN or an infinity (nothing is added).</exception>
    /// <remarks>The same sketch as adding the values one by one, with the per-value bookkeeping done once per run of
    /// values between compactions (a copy into level 0 and one min/max pass).</remarks>
    public void Add(ReadOnlySpan<double> values)
    {
        SampleGuard.ThrowIfNotFinite(values);
        AddFinite(values);
    }

    /// <summary>Adds values already known to be finite, exactly as <see cref="AddUnchecked"/> one by one would: values
    /// are appended to level 0 up to the point where the retained total reaches the capacity total, then compacted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AddFinite(ReadOnlySpan<double> values)
    {
        while (!values.IsEmpty)
        {
            // One by one, the compaction runs right after the add that brings the retained total to the capacity total.
            var take = Math.Min(Math.Max(1, _capacityTotal - _retained), values.Length);
            var level = _levels[0];
            var start = level.Count;
            CollectionsMarshal.SetCount(level, start + take);
            var target = CollectionsMarshal.AsSpan(level).Slice(start, take);
            double minimum = Minimum, maximum = Maximum;
            for (var i = 0; i < target.Length; i++)
            {
                var value = values[i] + 0.0; // −0 becomes +0, as in AddUnchecked.
                target[i] = value;
                minimum = MinOf(minimum, value);
                maximum = MaxOf(maximum, value);
            }

            Minimum = minimum;
            Maximum = maximum;
            _retained += take;
            Count += take;
            _view = null;
            if (_retained >= _capacityTotal)
            {
                CompressUntilWithinCapacity();
            }

            values = values[take..];
        }
    }

    /// <summary>The estimated number of values less than or equal to <paramref name="x"/>.</summary>
    /// <param name="x">The point.</param>
    /// <returns>R̂(x) = Σₕ 2^h·#(items at level h ≤ x); exact while <see cref="IsExact"/>.</returns>
    public long Rank(double x)
    {
        long rank = 0;
        for (var h = 0; h < _levels.Count; h++)
        {
            long below = 0;
            foreach (var item in _levels[h])
            {
                if (item <= x)
                {
                    below++;
                }
            }

            rank += below << h;
        }

        return rank;
    }

    /// <summary>The estimated empirical distribution function R̂(x)/n.</summary>
    /// <param name="x">The point.</param>
    /// <returns>F̂(x) in [0, 1].</returns>
    /// <exception cref="InvalidOperationException">The sketch is empty.</exception>
    public double Cdf(double x)
    {
        ThrowIfEmpty();
        return (double)Rank(x) / Count;
    }

    /// <summary>The estimated quantile: the smallest retained value whose estimated rank reaches p·n.</summary>
    /// <param name="p">The probability in [0, 1]; 0 and 1 give the exact <see cref="Minimum"/> and <see cref="Maximum"/>.</param>
    /// <returns>A value whose true normalised rank is within <see cref="GetPointRankErrorBound"/> of p (at the stated confidence).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1].</exception>
    /// <exception cref="InvalidOperationException">The sketch is empty.</exception>
    public double Quantile(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");
        }

        ThrowIfEmpty();
        if (p == 0)
        {
            return Minimum;
        }

        if (p == 1)
        {
            return Maximum;
        }

        var view = GetSortedView();
        var target = p * Count;
        for (var i = 0; i < view.Values.Length; i++)
        {
            if (view.CumulativeWeights[i] >= target)
            {
                return view.Values[i];
            }
        }

        return Maximum;
    }

    /// <summary>The uniform normalised rank-error bound: P(|R̂(x) − R(x)| ≤ ε·n for every x) ≥ <paramref name="confidence"/>.</summary>
    /// <param name="confidence">The confidence level in (0, 1), for example 0.99.</param>
    /// <returns>ε = e(δ/(2m))/n + η with η = e(δ)/n, m = ⌈1/η⌉, δ = 1 − confidence (see the type's remarks); 0 when the
    /// sketch is exact or empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is outside (0, 1).</exception>
    public double GetRankErrorBound(double confidence)
    {
        var delta = ValidateConfidence(confidence);
        var spacing = PointBound(delta);
        if (spacing == 0)
        {
            return 0;
        }

        var gridPoints = Math.Ceiling(1 / spacing);
        return Math.Min(1, PointBound(delta / (2 * gridPoints)) + spacing);
    }

    /// <summary>The per-point normalised rank-error bound: for one fixed x, P(|R̂(x) − R(x)| ≤ ε·n) ≥ <paramref name="confidence"/>.</summary>
    /// <param name="confidence">The confidence level in (0, 1), for example 0.99.</param>
    /// <returns>ε = √(2·ln(2/δ)·Σₕ mₕ·4^h) / n with δ = 1 − confidence and mₕ the compactions at level h (Azuma–Hoeffding);
    /// 0 when the sketch is exact or empty. Use it for a single quantile or CDF query decided before looking at the sketch.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is outside (0, 1).</exception>
    public double GetPointRankErrorBound(double confidence) => Math.Min(1, PointBound(ValidateConfidence(confidence)));

    /// <summary>Merges two sketches into a new one; the inputs are not changed.</summary>
    /// <param name="first">A sketch.</param>
    /// <param name="second">A sketch with the same <see cref="K"/> and <see cref="Seed"/>.</param>
    /// <returns>A sketch of the concatenated streams. Exactly commutative; associative within the rank-error bound
    /// (compaction timing differs by grouping). Counts, minimum and maximum are exact.</returns>
    /// <exception cref="ArgumentNullException">A sketch is null.</exception>
    /// <exception cref="ArgumentException">The sketches differ in k or seed.</exception>
    public static KllSketch Merge(KllSketch first, KllSketch second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.K != second.K || first.Seed != second.Seed)
        {
            throw new ArgumentException(
                $"Sketches merge only with equal parameters (k {first.K} vs {second.K}, seed {first.Seed} vs {second.Seed}).", nameof(second));
        }

        var merged = new KllSketch(first.K, first.Seed);
        var height = Math.Max(first._levels.Count, second._levels.Count);
        var levels = new double[height][];
        var compactions = new long[height];
        for (var h = 0; h < height; h++)
        {
            var a = h < first._levels.Count ? first._levels[h] : new List<double>();
            var b = h < second._levels.Count ? second._levels[h] : new List<double>();
            var items = new double[a.Count + b.Count];
            a.CopyTo(items, 0);
            b.CopyTo(items, a.Count);

            // Sorting makes the state independent of argument order, so Merge(a, b) and Merge(b, a) are identical.
            Array.Sort(items);
            levels[h] = items;
            compactions[h] = (h < first._compactions.Count ? first._compactions[h] : 0)
                + (h < second._compactions.Count ? second._compactions[h] : 0);
        }

        merged.Restore(first.Count + second.Count, MinOf(first.Minimum, second.Minimum), MaxOf(first.Maximum, second.Maximum), levels, compactions);
        merged.CompressUntilWithinCapacity();
        return merged;
    }

    /// <summary>A deep copy.</summary>
    /// <returns>An independent sketch with the same state.</returns>
    public KllSketch Clone()
    {
        var copy = new KllSketch(K, Seed);
        var levels = new double[_levels.Count][];
        for (var h = 0; h < levels.Length; h++)
        {
            levels[h] = [.. _levels[h]];
        }

        copy.Restore(Count, Minimum, Maximum, levels, [.. _compactions]);
        return copy;
    }

    /// <summary>The retained items in ascending order with their cumulative weights (cached until the next change).</summary>
    internal SortedView GetSortedView()
    {
        if (_view is { } cached)
        {
            return cached;
        }

        var values = new double[_retained];
        var weights = new long[_retained];
        var index = 0;
        for (var h = 0; h < _levels.Count; h++)
        {
            foreach (var item in _levels[h])
            {
                values[index] = item;
                weights[index++] = 1L << h;
            }
        }

        Array.Sort(values, weights);
        for (var i = 1; i < weights.Length; i++)
        {
            weights[i] += weights[i - 1];
        }

        _view = new SortedView(values, weights, Count);
        return _view;
    }

    internal int LevelCount => _levels.Count;

    internal IReadOnlyList<double> LevelItems(int level) => _levels[level];

    internal long CompactionsAt(int level) => _compactions[level];

    /// <summary>Rebuilds a sketch from serialised state after checking it is consistent.</summary>
    internal static KllSketch FromState(int k, long seed, long count, double minimum, double maximum, double[][] levels, long[] compactions)
    {
        var sketch = new KllSketch(k, seed);
        if (levels.Length == 0 || levels.Length != compactions.Length || levels.Length > 62)
        {
            throw new ArgumentException("The sketch needs one compaction counter per level (1 to 62 levels).", nameof(levels));
        }

        long weight = 0;
        for (var h = 0; h < levels.Length; h++)
        {
            SampleGuard.ThrowIfNotFinite(levels[h], nameof(levels));
            if (compactions[h] < 0)
            {
                throw new ArgumentException($"Negative compaction count at level {h}.", nameof(compactions));
            }

            weight += (long)levels[h].Length << h;
        }

        if (weight != count)
        {
            throw new ArgumentException($"The level weights add up to {weight}, not the count {count}.", nameof(count));
        }

        if (count > 0 && !(double.IsFinite(minimum) && double.IsFinite(maximum) && minimum <= maximum))
        {
            throw new ArgumentException("A non-empty sketch needs a finite minimum not above its maximum.", nameof(minimum));
        }

        sketch.Restore(count, count > 0 ? minimum : double.NaN, count > 0 ? maximum : double.NaN, levels, compactions);
        sketch.CompressUntilWithinCapacity();
        return sketch;
    }

    private static double ValidateConfidence(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be in (0, 1).");
        }

        return 1 - confidence;
    }

    private double PointBound(double delta)
    {
        if (Count == 0)
        {
            return 0;
        }

        double variance = 0;
        for (var h = 0; h < _compactions.Count; h++)
        {
            variance += _compactions[h] * Math.Pow(4, h);
        }

        return Math.Sqrt(2 * Math.Log(2 / delta) * variance) / Count;
    }

    /// <summary>Takes over another sketch's state (same parameters), used when a profile is read back.</summary>
    internal void ReplaceWith(KllSketch other)
    {
        var levels = new double[other._levels.Count][];
        for (var h = 0; h < levels.Length; h++)
        {
            levels[h] = [.. other._levels[h]];
        }

        Restore(other.Count, other.Minimum, other.Maximum, levels, [.. other._compactions]);
    }

    private static double MinOf(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Min(a, b);

    private static double MaxOf(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Max(a, b);

    private void Restore(long count, double minimum, double maximum, double[][] levels, long[] compactions)
    {
        _levels.Clear();
        _compactions.Clear();
        _runStarts.Clear();
        _retained = 0;
        _mayHoldNegativeZero = false;
        foreach (var level in levels)
        {
            _levels.Add([.. level]);
            _runStarts.Add(null);
            _retained += level.Length;
            foreach (var item in level)
            {
                _mayHoldNegativeZero |= BitConverter.DoubleToInt64Bits(item) == NegativeZeroBits;
            }
        }

        _compactions.AddRange(compactions);
        Count = count;
        Minimum = minimum;
        Maximum = maximum;
        _capacityTotal = CapacityTotal();
        _view = null;
    }

    private void AddUnchecked(double value)
    {
        value += 0.0; // −0 becomes +0, so equal values always have equal bits (the coin hashes bits).
        _levels[0].Add(value);
        _retained++;
        Count++;
        Minimum = MinOf(Minimum, value);
        Maximum = MaxOf(Maximum, value);
        _view = null;
        if (_retained >= _capacityTotal)
        {
            CompressUntilWithinCapacity();
        }
    }

    private void ThrowIfEmpty()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The sketch is empty.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CompressUntilWithinCapacity()
    {
        while (_retained >= _capacityTotal)
        {
            // Compact the lowest full level; one compaction usually frees enough room (lazy, as in KLL).
            for (var h = 0; h < _levels.Count; h++)
            {
                if (_levels[h].Count >= Capacity(h))
                {
                    if (h + 1 >= _levels.Count)
                    {
                        Grow();
                    }

                    Compact(h);
                    break;
                }
            }
        }

        _view = null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Compact(int level)
    {
        var items = _levels[level];
        if (_runStarts[level] is { } runs && !_mayHoldNegativeZero)
        {
            MergeTrackedRuns(CollectionsMarshal.AsSpan(items), runs);
        }
        else
        {
            SortLevel(CollectionsMarshal.AsSpan(items));
        }

        var start = items.Count % 2;
        var up = _levels[level + 1];
        var before = up.Count;
        for (var t = start + Coin(level, items); t < items.Count; t += 2)
        {
            up.Add(items[t]);
        }

        if (before > 0 && up.Count > before)
        {
            _runStarts[level + 1]?.Add(before);
        }

        // What stays (nothing, or the smallest item) is one run; level 0 keeps taking values in arrival order.
        if (level > 0)
        {
            (_runStarts[level] ??= []).Clear();
        }

        var removed = (items.Count - start) / 2;
        if (start == 1)
        {
            var smallest = items[0];
            items.Clear();
            items.Add(smallest);
        }
        else
        {
            items.Clear();
        }

        _retained -= removed;
        _compactions[level]++;
    }

    /// <summary>Sorts a level's items. Above level 0 they are a few ascending runs (each compaction of the level below
    /// appends one), which are merged pairwise in O(n log runs) instead of sorted in O(n log n); level 0 (values in
    /// arrival order) and anything with more runs is sorted outright. The items are finite and −0 is stored as +0, so
    /// equal items have equal bits and the sorted order — hence the coin and every later state — is the one a full sort
    /// gives; a level holding −0 (possible only in a deserialised sketch) is sorted outright as before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SortLevel(Span<double> items)
    {
        Span<int> starts = stackalloc int[MaxMergedRuns + 1];
        var runs = 1;
        starts[0] = 0;
        for (var i = 0; i < items.Length; i++)
        {
            var descends = i > 0 && items[i] < items[i - 1];
            if ((descends && runs == MaxMergedRuns) || BitConverter.DoubleToInt64Bits(items[i]) == NegativeZeroBits)
            {
                items.Sort();
                return;
            }

            if (descends)
            {
                starts[runs++] = i;
            }
        }

        if (runs == 1)
        {
            return;
        }

        MergeAll(items, starts, runs);
    }

    /// <summary>Merges the ascending runs of <paramref name="items"/> that begin at <paramref name="starts"/> (room for
    /// one more entry), pairwise, pass after pass, through the scratch buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MergeAll(Span<double> items, Span<int> starts, int runs)
    {
        if (items.Length <= InsertionSortedLength)
        {
            // Most compactions are of the small low levels (a few items in two or three runs), where the merge passes
            // cost more in set-up than in merging. Insertion sort moves an item only past larger ones, so it ends in
            // the same ascending order.
            InsertionSort(items);
            return;
        }

        starts[runs] = items.Length;
        if (_scratch.Length < items.Length)
        {
            _scratch = new double[Math.Max(items.Length, _scratch.Length * 2)];
        }

        var source = items;
        var target = _scratch.AsSpan(0, items.Length);
        var inScratch = false;
        while (runs > 1)
        {
            var merged = 0;
            for (var r = 0; r < runs; r += 2)
            {
                int low = starts[r], middle = starts[Math.Min(r + 1, runs)], high = starts[Math.Min(r + 2, runs)];
                MergeRuns(source[low..middle], source[middle..high], target[low..high]);
                starts[merged++] = low;
            }

            starts[merged] = items.Length;
            runs = merged;
            var swap = source;
            source = target;
            target = swap;
            inScratch = !inScratch;
        }

        if (inScratch)
        {
            source.CopyTo(items);
        }
    }

    /// <summary>Sorts a level whose run starts were recorded as its runs were appended: the same merges as
    /// <see cref="SortLevel"/> without the pass that finds the runs. A recorded start need not be a descent (a run may
    /// continue the one before it); merging there changes nothing. More than <see cref="MaxMergedRuns"/> runs are
    /// sorted outright. Either way the level ends in the one ascending order its items have (no −0 here, so equal items
    /// have equal bits), exactly as <see cref="SortLevel"/> leaves it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MergeTrackedRuns(Span<double> items, List<int> runStarts)
    {
        var runs = runStarts.Count + 1;
        if (runs == 1)
        {
            return;
        }

        if (runs > MaxMergedRuns)
        {
            items.Sort();
            return;
        }

        Span<int> starts = stackalloc int[MaxMergedRuns + 1];
        starts[0] = 0;
        for (var r = 1; r < runs; r++)
        {
            starts[r] = runStarts[r - 1];
        }

        MergeAll(items, starts, runs);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InsertionSort(Span<double> items)
    {
        for (var i = 1; i < items.Length; i++)
        {
            var item = items[i];
            var j = i - 1;
            while (j >= 0 && item < items[j])
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = item;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MergeRuns(ReadOnlySpan<double> left, ReadOnlySpan<double> right, Span<double> target)
    {
        int i = 0, j = 0, t = 0;
        while (i < left.Length && j < right.Length)
        {
            target[t++] = right[j] < left[i] ? right[j++] : left[i++];
        }

        left[i..].CopyTo(target[t..]);
        right[j..].CopyTo(target[(t + left.Length - i)..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Coin(int level, List<double> sortedItems)
    {
        var hash = Mix((ulong)Seed ^ Mix((ulong)level + 1));
        hash = Mix(hash ^ (ulong)sortedItems.Count);
        foreach (var item in sortedItems)
        {
            hash = Mix(hash ^ BitConverter.DoubleToUInt64Bits(item));
        }

        return (int)(hash >> 63);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong z)
    {
        // SplitMix64 finaliser (Steele, Lea and Flood 2014).
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private void Grow()
    {
        _levels.Add([]);
        _runStarts.Add(_levels.Count == 1 ? null : []);
        _compactions.Add(0);
        _capacityTotal = CapacityTotal();
    }

    private int CapacityTotal()
    {
        var total = 0;
        for (var h = 0; h < _levels.Count; h++)
        {
            total += Capacity(h);
        }

        return total;
    }

    /// <summary>max(2, ⌈k·(2/3)^depth⌉) in exact integer arithmetic, so capacities never depend on floating-point rounding.</summary>
    private int Capacity(int level)
    {
        var depth = _levels.Count - level - 1;
        if (depth > 30)
        {
            return KllDefaults.MinimumCapacity;
        }

        long numerator = K, denominator = 1;
        for (var i = 0; i < depth; i++)
        {
            numerator *= 2;
            denominator *= 3;
        }

        var capacity = (numerator + denominator - 1) / denominator;
        return (int)Math.Max(KllDefaults.MinimumCapacity, capacity);
    }

    /// <summary>Retained items in ascending order, cumulative weights and the total count.</summary>
    internal sealed record SortedView(double[] Values, long[] CumulativeWeights, long Count);
}
