namespace AiGovernance.Statistics;

/// <summary>Drift statistics computed from <see cref="ColumnProfile"/>s instead of raw samples, so per-partition profiles
/// merged into one give the whole-data answer.</summary>
/// <remarks>
/// <para><b>Exact.</b> <see cref="PopulationStabilityIndex"/> and <see cref="JensenShannonDivergence"/> use the profiles'
/// exact bin counts (numeric profiles, which must share the same <see cref="BinEdges"/>) or exact category counts
/// (categorical profiles), so they equal the sample-based functions on the whole data; so does any chi-squared statistic
/// built from the same counts.</para>
/// <para><b>Categories.</b> Bins are the categories of both profiles; when a cap overflowed, only the ordinally first
/// min(cap_ref, cap_cur) categories of the union are kept (the same rule each profile applies, so both sides count them
/// exactly) and the rest form one <see cref="ColumnProfile.OtherCategory"/> bin.</para>
/// <para><b>Compatibility.</b> Unlike <see cref="ColumnProfile.Merge"/>, comparisons only need the same kind and, for binned
/// numeric statistics, the same edges: a reference profile saved with one sketch k, seed or category cap can be compared
/// with current profiles built with others.</para>
/// <para><b>Approximate.</b> <c>KolmogorovSmirnovStatistic</c> and <c>WassersteinDistance</c> use the
/// <see cref="KllSketch"/>es (of both profiles, or of the current one against a reference held exactly) and report the
/// error bound in their <see cref="SketchEstimate"/>; they are exact (and say so) while no sketch involved has compacted.</para>
/// </remarks>
public static class ProfileComparison
{
    /// <summary>PSI between two profiles, with per-bin contributions.</summary>
    /// <param name="reference">The reference profile.</param>
    /// <param name="current">The current profile: same kind and, when numeric, the same edges.</param>
    /// <param name="epsilon">The proportion substituted for an empty bin, in (0, 0.01].</param>
    /// <returns>The PSI as defined by <see cref="Statistics.PopulationStabilityIndex"/>.</returns>
    /// <exception cref="ArgumentNullException">A profile is null.</exception>
    /// <exception cref="ArgumentException">The profiles are incompatible, a numeric profile has no edges, or a profile holds no values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is outside (0, 0.01].</exception>
    public static PsiResult PopulationStabilityIndex(ColumnProfile reference, ColumnProfile current, double epsilon = PsiDefaults.Epsilon)
    {
        PsiOptions.ValidateEpsilon(epsilon);
        var (categories, referenceCounts, currentCounts) = AlignedCounts(reference, current);
        return Statistics.PopulationStabilityIndex.Build(reference.Edges, categories, referenceCounts, currentCounts, epsilon);
    }

    /// <summary>Jensen–Shannon divergence between two profiles' bin or category distributions.</summary>
    /// <param name="reference">The reference profile.</param>
    /// <param name="current">The current profile (compatible with the reference).</param>
    /// <param name="logBase">The logarithm base: e (default) or 2.</param>
    /// <returns>JS as defined by <see cref="Divergence.JensenShannonDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>.</returns>
    /// <exception cref="ArgumentNullException">A profile is null.</exception>
    /// <exception cref="ArgumentException">The profiles are incompatible, a numeric profile has no edges, or a profile holds no values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logBase"/> is invalid.</exception>
    public static double JensenShannonDivergence(ColumnProfile reference, ColumnProfile current, double logBase = Math.E)
    {
        var logOfBase = Divergence.LogOfBase(logBase);
        var (_, referenceCounts, currentCounts) = AlignedCounts(reference, current);
        using var pair = Divergence.NormalisedPair.FromCounts(referenceCounts, currentCounts);
        return Divergence.JensenShannonNormalised(pair.P, pair.Q) / logOfBase;
    }

    /// <summary>The two-sample Kolmogorov–Smirnov statistic D = sup |F_ref − F_cur| estimated from the profiles' sketches.</summary>
    /// <param name="reference">The reference numeric profile.</param>
    /// <param name="current">The current numeric profile (its sketch may use another k or seed).</param>
    /// <returns>D̂ with <see cref="SketchEstimate.ErrorBound"/> = ε_ref + ε_cur (each sketch's uniform 99% rank-error bound,
    /// so the bound holds with probability at least 98%).</returns>
    /// <exception cref="ArgumentNullException">A profile is null.</exception>
    /// <exception cref="ArgumentException">The profiles are incompatible, not numeric, or hold no values.</exception>
    public static SketchEstimate KolmogorovSmirnovStatistic(ColumnProfile reference, ColumnProfile current)
    {
        var (a, b) = Sketches(reference, current);
        var rankBound = a.RankErrorBound + b.RankErrorBound;
        var (ks, _) = Walk(a.GetSortedView(), b.GetSortedView());
        return new SketchEstimate(ks, rankBound, rankBound, !(a.IsExact && b.IsExact));
    }

    /// <summary>The Wasserstein-1 distance estimated from the profiles' sketches.</summary>
    /// <param name="reference">The reference numeric profile.</param>
    /// <param name="current">The current numeric profile (its sketch may use another k or seed).</param>
    /// <returns>Ŵ = ∫|F̂_ref − F̂_cur| with <see cref="SketchEstimate.ErrorBound"/> = (ε_ref + ε_cur)·(max − min) over both
    /// columns' exact extremes; exact (equal to <see cref="Wasserstein.Distance(ReadOnlySpan{double}, ReadOnlySpan{double})"/>)
    /// while neither sketch has compacted.</returns>
    /// <exception cref="ArgumentNullException">A profile is null.</exception>
    /// <exception cref="ArgumentException">The profiles are incompatible, not numeric, or hold no values.</exception>
    public static SketchEstimate WassersteinDistance(ColumnProfile reference, ColumnProfile current)
    {
        var (a, b) = Sketches(reference, current);
        var rankBound = a.RankErrorBound + b.RankErrorBound;
        var (_, distance) = Walk(a.GetSortedView(), b.GetSortedView());
        var range = Math.Max(a.Maximum, b.Maximum) - Math.Min(a.Minimum, b.Minimum);
        return new SketchEstimate(distance, rankBound * range, rankBound, !(a.IsExact && b.IsExact));
    }

    /// <summary>The two-sample Kolmogorov–Smirnov statistic between a reference held exactly and a current profile's sketch.</summary>
    /// <param name="reference">The reference sample, every value kept (for example a fitted drift reference).</param>
    /// <param name="current">The current numeric profile.</param>
    /// <returns>D̂ with <see cref="SketchEstimate.ErrorBound"/> = ε_cur, the current sketch's uniform 99% rank-error bound
    /// alone (the reference side is exact), so half or less of the bound of the profile-to-profile overload.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> is not numeric or holds no values.</exception>
    /// <remarks>O(n + r) for n reference values and r retained sketch items. Exact, and equal to
    /// <see cref="KolmogorovSmirnov.TwoSample(ReadOnlySpan{double}, ReadOnlySpan{double}, Alternative, KolmogorovSmirnovMethod)"/>'s
    /// statistic, while the current sketch has not compacted.</remarks>
    public static SketchEstimate KolmogorovSmirnovStatistic(SortedSample reference, ColumnProfile current)
    {
        var (exact, sketch) = ExactAndSketch(reference, current);
        var rankBound = sketch.RankErrorBound;
        var (ks, _) = Walk(exact, sketch.GetSortedView());
        return new SketchEstimate(ks, rankBound, rankBound, !sketch.IsExact);
    }

    /// <summary>The Wasserstein-1 distance between a reference held exactly and a current profile's sketch.</summary>
    /// <param name="reference">The reference sample, every value kept.</param>
    /// <param name="current">The current numeric profile.</param>
    /// <returns>Ŵ with <see cref="SketchEstimate.ErrorBound"/> = ε_cur·(max − min) over both columns' exact extremes.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> is not numeric or holds no values.</exception>
    /// <remarks>O(n + r). Equal to <see cref="Wasserstein.Distance(ReadOnlySpan{double}, ReadOnlySpan{double})"/> up to the
    /// order of summation while the current sketch has not compacted.</remarks>
    public static SketchEstimate WassersteinDistance(SortedSample reference, ColumnProfile current)
    {
        var (exact, sketch) = ExactAndSketch(reference, current);
        var rankBound = sketch.RankErrorBound;
        var (_, distance) = Walk(exact, sketch.GetSortedView());
        var range = Math.Max(reference.Maximum, sketch.Maximum) - Math.Min(reference.Minimum, sketch.Minimum);
        return new SketchEstimate(distance, rankBound * range, rankBound, !sketch.IsExact);
    }

    /// <summary>Both profiles' exact counts on common bins, for a chi-squared test of homogeneity or any other count-based statistic.</summary>
    /// <param name="reference">The reference profile.</param>
    /// <param name="current">The current profile (compatible with the reference).</param>
    /// <returns>The numeric bins' counts, or the categories' counts (the capped union of both profiles' categories, plus an
    /// "other" column when a cap overflowed).</returns>
    /// <exception cref="ArgumentNullException">A profile is null.</exception>
    /// <exception cref="ArgumentException">The profiles are incompatible, a numeric profile has no edges, or a profile holds no values.</exception>
    public static ProfileCounts Counts(ColumnProfile reference, ColumnProfile current)
    {
        var (categories, referenceCounts, currentCounts) = AlignedCounts(reference, current);
        return new ProfileCounts(reference.Edges, categories, referenceCounts, currentCounts);
    }

    /// <summary>Both profiles' counts over common bins: the numeric bins, or the capped union of categories plus "other".</summary>
    internal static (string[]? Categories, long[] Reference, long[] Current) AlignedCounts(ColumnProfile reference, ColumnProfile current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ThrowIfDifferentKind(reference, current);
        ThrowIfEmpty(reference, nameof(reference));
        ThrowIfEmpty(current, nameof(current));
        if (reference.Kind == ColumnKind.Numeric)
        {
            if (reference.Edges is null)
            {
                throw new ArgumentException("Binned statistics need profiles built with bin edges (ColumnProfileOptions.Edges).", nameof(reference));
            }

            if (!reference.Edges.Equals(current.Edges))
            {
                throw new ArgumentException("The profiles were built on different bin edges.", nameof(current));
            }

            return (null, reference.BinCounts.ToArray(), current.BinCounts.ToArray());
        }

        // Each profile keeps the ordinally first categories it saw, up to its cap; the first min(cap) of the union are
        // therefore counted exactly on both sides, whatever the two caps are.
        var union = new SortedSet<string>(StringComparer.Ordinal);
        union.UnionWith(reference.CategoryCounts.Keys);
        union.UnionWith(current.CategoryCounts.Keys);
        var kept = Math.Min(union.Count, Math.Min(reference.CategoryCap, current.CategoryCap));
        var hasOther = union.Count > kept || reference.OtherCount > 0 || current.OtherCount > 0;
        var size = kept + (hasOther ? 1 : 0);
        var categories = new string[size];
        var referenceCounts = new long[size];
        var currentCounts = new long[size];
        var index = 0;
        foreach (var category in union)
        {
            if (index == kept)
            {
                break;
            }

            categories[index] = category;
            referenceCounts[index] = reference.CategoryCounts.GetValueOrDefault(category);
            currentCounts[index] = current.CategoryCounts.GetValueOrDefault(category);
            index++;
        }

        if (hasOther)
        {
            long referenceKept = 0, currentKept = 0;
            for (var i = 0; i < kept; i++)
            {
                referenceKept += referenceCounts[i];
                currentKept += currentCounts[i];
            }

            categories[^1] = ColumnProfile.OtherCategory;
            referenceCounts[^1] = reference.Count - referenceKept;
            currentCounts[^1] = current.Count - currentKept;
        }

        return (categories, referenceCounts, currentCounts);
    }

    private static (KllSketch Reference, KllSketch Current) Sketches(ColumnProfile reference, ColumnProfile current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (reference.Kind != ColumnKind.Numeric)
        {
            throw new ArgumentException("Distribution distances need numeric profiles.", nameof(reference));
        }

        ThrowIfDifferentKind(reference, current);
        ThrowIfEmpty(reference, nameof(reference));
        ThrowIfEmpty(current, nameof(current));
        return (reference.Sketch!, current.Sketch!);
    }

    private static (KllSketch.SortedView Exact, KllSketch Sketch) ExactAndSketch(SortedSample reference, ColumnProfile current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (current.Kind != ColumnKind.Numeric)
        {
            throw new ArgumentException("Distribution distances need a numeric profile.", nameof(current));
        }

        ThrowIfEmpty(current, nameof(current));

        // The reference as a weighted ECDF: each distinct value with the count of values at or below it.
        var values = reference.Values;
        var distinct = new List<double>();
        var cumulative = new List<long>();
        for (var i = 0; i < values.Length; i++)
        {
            if (i + 1 == values.Length || values[i + 1] != values[i])
            {
                distinct.Add(values[i]);
                cumulative.Add(i + 1);
            }
        }

        return (new KllSketch.SortedView([.. distinct], [.. cumulative], values.Length), current.Sketch!);
    }

    private static void ThrowIfDifferentKind(ColumnProfile reference, ColumnProfile current)
    {
        if (reference.Kind != current.Kind)
        {
            throw new ArgumentException($"A {reference.Kind} profile cannot be compared with a {current.Kind} profile.", nameof(current));
        }
    }

    private static void ThrowIfEmpty(ColumnProfile profile, string paramName)
    {
        if (profile.Count == 0)
        {
            throw new ArgumentException("The profile holds no (non-missing) values.", paramName);
        }
    }

    /// <summary>One merge walk over two weighted ECDFs: the largest gap (KS) and the area between them (W₁).</summary>
    private static (double Ks, double Wasserstein) Walk(KllSketch.SortedView a, KllSketch.SortedView b)
    {
        var av = a.Values;
        var bv = b.Values;
        double na = a.Count, nb = b.Count;
        int i = 0, j = 0;
        long ca = 0, cb = 0;
        var position = Math.Min(av[0], bv[0]);
        Advance(av, a.CumulativeWeights, ref i, ref ca, position);
        Advance(bv, b.CumulativeWeights, ref j, ref cb, position);
        var gap = Math.Abs((ca / na) - (cb / nb));
        var ks = gap;
        double area = 0;
        while (i < av.Length || j < bv.Length)
        {
            var next = i < av.Length ? (j < bv.Length ? Math.Min(av[i], bv[j]) : av[i]) : bv[j];
            area += gap * (next - position);
            position = next;
            Advance(av, a.CumulativeWeights, ref i, ref ca, position);
            Advance(bv, b.CumulativeWeights, ref j, ref cb, position);
            gap = Math.Abs((ca / na) - (cb / nb));
            ks = Math.Max(ks, gap);
        }

        return (ks, area);
    }

    private static void Advance(double[] values, long[] cumulative, ref int index, ref long below, double position)
    {
        while (index < values.Length && values[index] <= position)
        {
            index++;
        }

        below = index == 0 ? 0 : cumulative[index - 1];
    }
}
