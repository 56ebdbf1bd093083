using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using AiGovernance.Shared;

namespace AiGovernance.Statistics;

/// <summary>A mergeable, serialisable summary of one column, so a job split over partitions or machines gets one answer.</summary>
/// <remarks>
/// <para><b>Contents.</b> Count of present values and of missing values; exact minimum and maximum; mean and variance as
/// combinable running moments (Welford per value, Chan–Golub–LeVeque pairwise merge: n = n₁ + n₂,
/// x̄ = (n₁x̄₁ + n₂x̄₂)/n, M₂ = M₂₁ + M₂₂ + δ²·n₁n₂/n with δ = x̄₂ − x̄₁); exact counts on fixed <see cref="BinEdges"/> when
/// given; a <see cref="KllSketch"/> for quantiles, Kolmogorov–Smirnov and Wasserstein estimates (numeric profiles); exact
/// category counts with a cap (categorical profiles).</para>
/// <para><b>Missing values.</b> For numeric profiles NaN counts as missing (<see cref="MissingCount"/>) and is otherwise
/// ignored; infinities are rejected. For categorical profiles null counts as missing.</para>
/// <para><b>Category cap.</b> The profile counts exactly the <see cref="CategoryCap"/> categories that come first in ordinal
/// (case-sensitive, culture-free) order among all categories seen; every other value is counted in
/// <see cref="OtherCount"/>. Because the kept set depends only on the set of categories seen, never on arrival order or
/// partitioning, the kept counts and the other count are exact and merging stays associative and commutative even after
/// the cap overflows.</para>
/// <para><b>Merge.</b> <see cref="Merge"/> is exactly commutative; it is exactly associative, and equal to the profile of the
/// whole data, on the exact parts (counts, minimum, maximum, bin counts, category counts); mean and variance agree to
/// rounding (about 1e-15 relative); the sketch agrees within its rank-error bound. So PSI, Jensen–Shannon and chi-squared
/// computed from merged profiles (<see cref="ProfileComparison"/>) equal the whole-data values.</para>
/// <para>Moments are double-precision: values beyond about ±1e307 can overflow the mean and variance (the exact parts are
/// unaffected). An instance is not thread-safe while values are added; build one per partition or thread and merge.</para>
/// </remarks>
[JsonConverter(typeof(ColumnProfileJsonConverter))]
public sealed class ColumnProfile
{
    /// <summary>The label of the bucket holding categories beyond the cap, in PSI results from categorical profiles.</summary>
    public const string OtherCategory = ColumnProfileDefaults.OtherCategory;

    private readonly long[] _binCounts;
    private readonly Dictionary<string, long> _categories;
    private string? _largestKept;
    private double _sumOfSquaredDeviations;

    private ColumnProfile(ColumnKind kind, BinEdges? edges, int sketchK, long sketchSeed, int categoryCap, KllSketch? sketch)
    {
        Kind = kind;
        Edges = edges;
        SketchK = sketchK;
        SketchSeed = sketchSeed;
        CategoryCap = categoryCap;
        Sketch = sketch;
        _binCounts = edges is null ? [] : new long[edges.BinCount];
        _categories = new Dictionary<string, long>(StringComparer.Ordinal);
    }

    /// <summary>Whether the profile summarises numbers or categories.</summary>
    public ColumnKind Kind { get; }

    /// <summary>The number of present (non-missing) values.</summary>
    public long Count { get; private set; }

    /// <summary>The number of missing values (NaN for numeric profiles, null for categorical ones).</summary>
    public long MissingCount { get; private set; }

    /// <summary>The exact smallest value; NaN when no numeric value is present.</summary>
    public double Minimum { get; private set; } = double.NaN;

    /// <summary>The exact largest value; NaN when no numeric value is present.</summary>
    public double Maximum { get; private set; } = double.NaN;

    /// <summary>The mean; NaN when no numeric value is present.</summary>
    public double Mean { get; private set; } = double.NaN;

    /// <summary>The unbiased sample variance M₂/(n − 1); NaN below two values.</summary>
    public double Variance => Count > 1 && Kind == ColumnKind.Numeric ? _sumOfSquaredDeviations / (Count - 1) : double.NaN;

    /// <summary>The population variance M₂/n; NaN when no value is present.</summary>
    public double PopulationVariance => Count > 0 && Kind == ColumnKind.Numeric ? _sumOfSquaredDeviations / Count : double.NaN;

    /// <summary>The bins on which exact counts are kept; null when none were configured.</summary>
    public BinEdges? Edges { get; }

    /// <summary>The exact count in each bin of <see cref="Edges"/> (empty when there are no edges).</summary>
    public ReadOnlySpan<long> BinCounts => _binCounts;

    /// <summary>The quantile sketch of a numeric profile; null for a categorical profile.</summary>
    /// <remarks>Owned by the profile: read it, do not add to it directly.</remarks>
    public KllSketch? Sketch { get; }

    /// <summary>The sketch's accuracy parameter k.</summary>
    public int SketchK { get; }

    /// <summary>The sketch's seed.</summary>
    public long SketchSeed { get; }

    /// <summary>The maximum number of categories counted individually.</summary>
    public int CategoryCap { get; }

    /// <summary>Exact counts of the kept categories (ordinal comparer).</summary>
    public IReadOnlyDictionary<string, long> CategoryCounts => _categories;

    /// <summary>Values whose category is beyond the cap (0 unless more than <see cref="CategoryCap"/> categories were seen).</summary>
    public long OtherCount { get; private set; }

    /// <summary>Creates an empty numeric profile.</summary>
    /// <param name="options">Edges, sketch parameters; null for the defaults (no edges, k = 200, seed 0).</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> is invalid.</exception>
    public static ColumnProfile CreateNumeric(ColumnProfileOptions? options = null)
    {
        options ??= new ColumnProfileOptions();
        options.Validate(nameof(options));
        return new ColumnProfile(ColumnKind.Numeric, options.Edges, options.SketchK, options.SketchSeed, options.CategoryCap,
            new KllSketch(options.SketchK, options.SketchSeed));
    }

    /// <summary>Creates an empty categorical profile.</summary>
    /// <param name="options">The category cap; null for the default (1000).</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> is invalid.</exception>
    public static ColumnProfile CreateCategorical(ColumnProfileOptions? options = null)
    {
        options ??= new ColumnProfileOptions();
        options.Validate(nameof(options));
        return new ColumnProfile(ColumnKind.Categorical, null, options.SketchK, options.SketchSeed, options.CategoryCap, null);
    }

    /// <summary>Adds a value to a numeric profile; NaN counts as missing.</summary>
    /// <param name="value">The value: finite, or NaN for missing.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is an infinity.</exception>
    /// <exception cref="InvalidOperationException">The profile is categorical.</exception>
    public void Add(double value)
    {
        ThrowIfNot(ColumnKind.Numeric);
        if (double.IsInfinity(value))
        {
            throw new ArgumentException($"Infinite values cannot be profiled ({value}); NaN is counted as missing.", nameof(value));
        }

        AddNumeric(value);
    }

    /// <summary>Adds values to a numeric profile; NaN counts as missing.</summary>
    /// <param name="values">Finite values or NaN.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> holds an infinity (nothing is added; the message names the index).</exception>
    /// <exception cref="InvalidOperationException">The profile is categorical.</exception>
    /// <remarks>O(n·b) vectorised comparisons for the bins (binary search beyond the counter's cut-point limit) plus the
    /// sketch's amortised cost; no allocation per value.</remarks>
    public void Add(ReadOnlySpan<double> values)
    {
        ThrowIfNot(ColumnKind.Numeric);
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsInfinity(values[i]))
            {
                throw new ArgumentException($"The values hold {values[i]} at index {i}; NaN is counted as missing, infinities are rejected.",
                    nameof(values));
            }
        }

        foreach (var value in values)
        {
            AddMoments(value, countBin: false);
        }

        // The sketch sees the present values in the same order as one by one, in runs between missing values; the bin
        // counts (order-free) are added per run by the vectorised counter, which gives the same counts as one binary
        // search per value.
        var sketch = Sketch!;
        var run = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                sketch.AddFinite(values[run..i]);
                Edges?.CountUnchecked(values[run..i], _binCounts);
                run = i + 1;
            }
        }

        sketch.AddFinite(values[run..]);
        Edges?.CountUnchecked(values[run..], _binCounts);
    }

    /// <summary>Adds <paramref name="count"/> occurrences of a category to a categorical profile; null counts as missing.</summary>
    /// <param name="category">The category, or null for missing.</param>
    /// <param name="count">How many occurrences (0 adds nothing).</param>
    /// <remarks>For a column held as codes: count each code once, then add each category with its count in the order of
    /// its first occurrence. The profile is then exactly the one adding every value one by one gives — counts, "other"
    /// count and which categories the cap keeps — because only a category's first occurrence can change which are kept
    /// (a kept category stays kept until a smaller one evicts it, after which it and all its later occurrences count as
    /// "other"; one that went to "other" stays there, as the largest kept category only ever gets smaller). O(1) per call
    /// instead of O(count).</remarks>
    /// <exception cref="InvalidOperationException">The profile is numeric.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="category"/> holds a lone surrogate: it is not well-formed UTF-16,
    /// and the JSON form of the profile could not keep it (it would come back as U+FFFD). Nothing is added.</exception>
    public void Add(string? category, long count)
    {
        ThrowIfNot(ColumnKind.Categorical);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }

        if (category is null)
        {
            MissingCount += count;
            return;
        }

        AddCategory(category, count, nameof(category));
        Count += count;
    }

    /// <summary>Adds a category to a categorical profile; null counts as missing.</summary>
    /// <param name="category">The category, or null for missing.</param>
    /// <exception cref="InvalidOperationException">The profile is numeric.</exception>
    /// <exception cref="ArgumentException"><paramref name="category"/> holds a lone surrogate: it is not well-formed UTF-16,
    /// and the JSON form of the profile could not keep it (it would come back as U+FFFD). Nothing is added.</exception>
    public void Add(string? category)
    {
        ThrowIfNot(ColumnKind.Categorical);
        AddOne(category, nameof(category));
    }

    /// <summary>Adds categories to a categorical profile; null counts as missing.</summary>
    /// <param name="categories">The categories.</param>
    /// <exception cref="InvalidOperationException">The profile is numeric.</exception>
    /// <exception cref="ArgumentException">A category holds a lone surrogate; the categories before it have been added.</exception>
    public void Add(ReadOnlySpan<string?> categories)
    {
        ThrowIfNot(ColumnKind.Categorical);
        foreach (var category in categories)
        {
            AddOne(category, nameof(categories));
        }
    }

    private void AddOne(string? category, string paramName)
    {
        if (category is null)
        {
            MissingCount++;
            return;
        }

        AddCategory(category, 1, paramName);
        Count++;
    }

    /// <summary>Merges two profiles of the same column into a new profile; the inputs are not changed.</summary>
    /// <param name="first">A profile.</param>
    /// <param name="second">A profile of the same kind, with the same edges, sketch parameters and category cap.</param>
    /// <returns>The profile of the concatenated data (see the remarks of <see cref="ColumnProfile"/> for exactness).</returns>
    /// <exception cref="ArgumentNullException">A profile is null.</exception>
    /// <exception cref="ArgumentException">The profiles differ in kind, edges, sketch k or seed, or category cap.</exception>
    public static ColumnProfile Merge(ColumnProfile first, ColumnProfile second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ThrowIfIncompatible(first, second, nameof(second));

        var merged = new ColumnProfile(
            first.Kind,
            first.Edges,
            first.SketchK,
            first.SketchSeed,
            first.CategoryCap,
            first.Sketch is null ? null : KllSketch.Merge(first.Sketch, second.Sketch!));
        merged.MissingCount = first.MissingCount + second.MissingCount;
        merged.Count = first.Count + second.Count;
        merged.Minimum = MinOf(first.Minimum, second.Minimum);
        merged.Maximum = MaxOf(first.Maximum, second.Maximum);
        if (first.Kind == ColumnKind.Numeric)
        {
            MergeMoments(first, second, merged);
        }

        for (var i = 0; i < merged._binCounts.Length; i++)
        {
            merged._binCounts[i] = first._binCounts[i] + second._binCounts[i];
        }

        merged.OtherCount = first.OtherCount + second.OtherCount;
        foreach (var (category, count) in first._categories)
        {
            merged.AddCategory(category, count);
        }

        foreach (var (category, count) in second._categories)
        {
            merged.AddCategory(category, count);
        }

        return merged;
    }

    /// <summary>Serialises the profile to JSON (source-generated, AOT-safe).</summary>
    /// <returns>The JSON text; categories are written in ordinal order.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, StatisticsJsonContext.Default.ColumnProfile);

    /// <summary>Reads a profile written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not a valid, self-consistent profile.</exception>
    public static ColumnProfile FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, StatisticsJsonContext.Default.ColumnProfile)
            ?? throw new JsonException("The JSON holds null, not a profile.");
    }

    internal double SumOfSquaredDeviations => _sumOfSquaredDeviations;

    internal static void ThrowIfIncompatible(ColumnProfile first, ColumnProfile second, string paramName)
    {
        if (first.Kind != second.Kind)
        {
            throw new ArgumentException($"A {first.Kind} profile cannot be combined with a {second.Kind} profile.", paramName);
        }

        if (!Equals(first.Edges, second.Edges))
        {
            throw new ArgumentException("The profiles were built on different bin edges.", paramName);
        }

        if (first.SketchK != second.SketchK || first.SketchSeed != second.SketchSeed)
        {
            throw new ArgumentException(
                $"The profiles use different sketch parameters (k {first.SketchK} vs {second.SketchK}, seed {first.SketchSeed} vs " +
                    $"{second.SketchSeed}).", paramName);
        }

        if (first.CategoryCap != second.CategoryCap)
        {
            throw new ArgumentException($"The profiles use different category caps ({first.CategoryCap} vs {second.CategoryCap}).", paramName);
        }
    }

    internal ColumnProfileData ToData()
    {
        var keys = new string[_categories.Count];
        _categories.Keys.CopyTo(keys, 0);
        Array.Sort(keys, StringComparer.Ordinal);
        var categories = new Dictionary<string, long>(keys.Length, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            categories.Add(key, _categories[key]);
        }

        return new ColumnProfileData
        {
            Kind = Kind,
            Count = Count,
            MissingCount = MissingCount,
            Minimum = Minimum,
            Maximum = Maximum,
            Mean = Mean,
            SumOfSquaredDeviations = _sumOfSquaredDeviations,
            Edges = Edges,
            BinCounts = Edges is null ? null : [.. _binCounts],
            SketchK = SketchK,
            SketchSeed = SketchSeed,
            CategoryCap = CategoryCap,
            Categories = categories,
            OtherCount = OtherCount,
            Sketch = Sketch,
        };
    }

    internal static ColumnProfile FromData(ColumnProfileData data)
    {
        var options = new ColumnProfileOptions
        {
            Edges = data.Edges, SketchK = data.SketchK, SketchSeed = data.SketchSeed, CategoryCap = data.CategoryCap,
        };
        var profile = data.Kind switch
        {
            ColumnKind.Numeric => CreateNumeric(options),
            ColumnKind.Categorical => CreateCategorical(options),
            _ => throw new ArgumentException($"Unknown column kind {data.Kind}.", nameof(data)),
        };

        if (data.Count < 0 || data.MissingCount < 0 || data.OtherCount < 0 || data.SumOfSquaredDeviations < 0)
        {
            throw new ArgumentException("Counts and the sum of squared deviations cannot be negative.", nameof(data));
        }

        if (data.Kind == ColumnKind.Numeric && (data.OtherCount != 0 || data.Categories is { Count: > 0 }))
        {
            throw new ArgumentException("A numeric profile has no category counts.", nameof(data));
        }

        profile.Count = data.Count;
        profile.MissingCount = data.MissingCount;
        profile.OtherCount = data.OtherCount;
        if (data.Kind == ColumnKind.Numeric)
        {
            var sketch = data.Sketch ?? throw new ArgumentException("A numeric profile needs its sketch.", nameof(data));
            if (sketch.K != data.SketchK || sketch.Seed != data.SketchSeed || sketch.Count != data.Count)
            {
                throw new ArgumentException("The sketch does not match the profile's parameters or count.", nameof(data));
            }

            if (data.Count > 0
                && !(double.IsFinite(data.Minimum) && double.IsFinite(data.Maximum) && data.Minimum <= data.Maximum && double.IsFinite(data.Mean)))
            {
                throw new ArgumentException("A non-empty numeric profile needs a finite minimum, maximum and mean.", nameof(data));
            }

            profile.Minimum = data.Minimum;
            profile.Maximum = data.Maximum;
            profile.Mean = data.Mean;
            profile._sumOfSquaredDeviations = data.SumOfSquaredDeviations;
            profile.Sketch!.ReplaceWith(sketch);
            var binCounts = data.BinCounts ?? [];
            if (binCounts.Length != profile._binCounts.Length)
            {
                throw new ArgumentException("The bin counts do not match the edges.", nameof(data));
            }

            long binned = 0;
            for (var i = 0; i < binCounts.Length; i++)
            {
                if (binCounts[i] < 0)
                {
                    throw new ArgumentException("Bin counts cannot be negative.", nameof(data));
                }

                binned += binCounts[i];
            }

            if (binCounts.Length > 0 && binned != data.Count)
            {
                throw new ArgumentException($"The bin counts add up to {binned}, not the count {data.Count}.", nameof(data));
            }

            binCounts.CopyTo(profile._binCounts, 0);
        }
        else
        {
            long categorised = data.OtherCount;
            var categories = data.Categories ?? [];
            if (categories.Count > data.CategoryCap)
            {
                throw new ArgumentException("More categories than the cap.", nameof(data));
            }

            foreach (var (category, count) in categories)
            {
                if (count <= 0)
                {
                    throw new ArgumentException($"Category '{category}' has a non-positive count.", nameof(data));
                }

                profile._categories.Add(category, count);
                categorised += count;
                if (profile._largestKept is null || string.CompareOrdinal(category, profile._largestKept) > 0)
                {
                    profile._largestKept = category;
                }
            }

            if (categorised != data.Count)
            {
                throw new ArgumentException($"The category counts add up to {categorised}, not the count {data.Count}.", nameof(data));
            }
        }

        return profile;
    }

    private static void MergeMoments(ColumnProfile first, ColumnProfile second, ColumnProfile merged)
    {
        if (first.Count == 0 || second.Count == 0)
        {
            var source = first.Count == 0 ? second : first;
            merged.Mean = source.Mean;
            merged._sumOfSquaredDeviations = source._sumOfSquaredDeviations;
            return;
        }

        // Symmetric forms (a weighted mean; δ² and n₁n₂ are symmetric) make Merge(a, b) bitwise equal to Merge(b, a).
        double n1 = first.Count, n2 = second.Count, n = n1 + n2;
        var delta = second.Mean - first.Mean;
        merged.Mean = ((n1 * first.Mean) + (n2 * second.Mean)) / n;
        if (!double.IsFinite(merged.Mean))
        {
            // n·mean overflows for means near ±double.MaxValue; the weights n₁/n and n₂/n are at most 1 (still symmetric).
            merged.Mean = ((n1 / n) * first.Mean) + ((n2 / n) * second.Mean);
        }

        merged._sumOfSquaredDeviations = first._sumOfSquaredDeviations + second._sumOfSquaredDeviations + (delta * delta * (n1 * n2) / n);
    }

    private static double MinOf(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Min(a, b);

    private static double MaxOf(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Max(a, b);

    private void AddNumeric(double value)
    {
        AddMoments(value);
        if (!double.IsNaN(value))
        {
            Sketch!.Add(value);
        }
    }

    /// <summary>Everything <see cref="AddNumeric"/> does but the sketch: counts, Welford's moments, extremes and bins.</summary>
    private void AddMoments(double value, bool countBin = true)
    {
        if (double.IsNaN(value))
        {
            MissingCount++;
            return;
        }

        Count++;
        if (Count == 1)
        {
            Mean = value;
            Minimum = value;
            Maximum = value;
        }
        else
        {
            // Welford's update.
            var delta = value - Mean;
            if (double.IsFinite(delta))
            {
                Mean += delta / Count;
                _sumOfSquaredDeviations += delta * (value - Mean);
            }
            else
            {
                // value and the mean lie on opposite sides near ±double.MaxValue: value − mean overflows (the mean became
                // ±∞ and the profile could not be read back). Weighting each term first keeps the mean exact to rounding;
                // the squared deviations really exceed the double range.
                Mean = (Mean - (Mean / Count)) + (value / Count);
                _sumOfSquaredDeviations = double.PositiveInfinity;
            }

            Minimum = Math.Min(Minimum, value);
            Maximum = Math.Max(Maximum, value);
        }

        if (countBin && Edges is not null)
        {
            _binCounts[Edges.IndexOf(value)]++;
        }
    }

    /// <summary>Counts <paramref name="count"/> values of a category, keeping the cap smallest categories in ordinal order.</summary>
    /// <param name="category">The label.</param>
    /// <param name="count">How many to add.</param>
    /// <param name="paramName">The caller's parameter when the label comes from user input: a label not yet kept is then
    /// checked for lone surrogates (once per distinct label, before any count changes); null for labels read back from data.</param>
    private void AddCategory(string category, long count, string? paramName = null)
    {
        ref var existing = ref CollectionsMarshal.GetValueRefOrNullRef(_categories, category);
        if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref existing))
        {
            existing += count;
            return;
        }

        if (paramName is not null)
        {
            Utf16Text.ThrowIfMalformed(category, "category", paramName);
        }

        if (_categories.Count < CategoryCap)
        {
            _categories.Add(category, count);
            if (_largestKept is null || string.CompareOrdinal(category, _largestKept) > 0)
            {
                _largestKept = category;
            }

            return;
        }

        if (string.CompareOrdinal(category, _largestKept) > 0)
        {
            OtherCount += count;
            return;
        }

        // The new category sorts before the largest kept one: evict that one into "other" and keep the new one.
        OtherCount += _categories[_largestKept!];
        _categories.Remove(_largestKept!);
        _categories.Add(category, count);
        _largestKept = null;
        foreach (var key in _categories.Keys)
        {
            if (_largestKept is null || string.CompareOrdinal(key, _largestKept) > 0)
            {
                _largestKept = key;
            }
        }
    }

    private void ThrowIfNot(ColumnKind kind)
    {
        if (Kind != kind)
        {
            throw new InvalidOperationException($"This is a {Kind} profile; it does not accept {kind.ToString().ToLowerInvariant()} values.");
        }
    }
}
