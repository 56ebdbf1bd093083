using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace AiGovernance.Statistics;

/// <summary>The Population Stability Index between a reference and a current sample.</summary>
/// <remarks>
/// <para>PSI = Σᵢ (cᵢ − rᵢ)·ln(cᵢ / rᵢ) over bins, with rᵢ and cᵢ the reference and current proportions
/// (count / total). A zero proportion on either side is replaced by ε (<see cref="PsiOptions.Epsilon"/>, default 1e-4)
/// with no renormalisation, so every term is finite and non-negative. ln(cᵢ/rᵢ) is evaluated as ln cᵢ − ln rᵢ when the
/// quotient would leave the normal range, so even ε = <see cref="double.Epsilon"/> gives a finite PSI (each term at most
/// about 745).</para>
/// <para>Bins are fitted on the reference only (<see cref="BinEdges"/>): quantile cut points at k/b (R type 7, duplicates
/// collapsed) or equal-width cut points; right-closed bins (c_{k−1}, c_k] with open outer bins, so current values outside
/// the reference range are counted, never dropped. Categorical PSI uses one bin per category over the union of both
/// samples. This is the documented convention of STATISTICS.md; PSI has no SciPy counterpart and is checked against a
/// committed NumPy implementation of the same convention.</para>
/// <para>Reading: &lt; 0.1 stable, 0.1–0.2 moderate, ≥ 0.2 significant. PSI is not symmetric once ε enters.</para>
/// <para>Complexity: fitting quantile edges on an unsorted reference selects the b − 1 quantiles (two passes plus a sort
/// of the few histogram buckets that hold them, not a full sort); pass a <see cref="SortedSample"/> or fitted
/// <see cref="BinEdges"/> to reuse a fit. Counting is O(n·b) SIMD compares for up to 33 bins (O(n log b) binary searches
/// above), with no allocation beyond b counters.</para>
/// </remarks>
public static class PopulationStabilityIndex
{
    /// <summary>PSI with bins fitted on <paramref name="reference"/> as <paramref name="options"/> say.</summary>
    /// <param name="reference">The reference (training) sample; finite values.</param>
    /// <param name="current">The current (production) sample; finite values.</param>
    /// <param name="options">Bins, binning strategy and ε; null for the defaults (10 quantile bins, ε = 1e-4).</param>
    /// <returns>The PSI, ≥ 0.</returns>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity (the message names the index).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> has fewer than 2 bins, an unknown strategy or
    /// ε outside (0, 0.01].</exception>
    [SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
        Justification = "Signature fixed by the package contract (issue 4); the longer overloads take different inputs.")]
    public static double Compute(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, PsiOptions? options = null) =>
        Analyze(reference, current, options).Value;

    /// <summary>PSI against a reference sorted once (no re-sorting per window).</summary>
    /// <param name="reference">The sorted reference.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <param name="options">Bins, binning strategy and ε; null for the defaults.</param>
    /// <returns>The PSI, ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> is invalid.</exception>
    public static double Compute(SortedSample reference, ReadOnlySpan<double> current, PsiOptions? options) =>
        Analyze(reference, current, options).Value;

    /// <summary>PSI against a reference sorted once, with the default options (10 quantile bins, ε = 1e-4).</summary>
    /// <param name="reference">The sorted reference.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <returns>The PSI, ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> is empty or holds NaN or an infinity.</exception>
    public static double Compute(SortedSample reference, ReadOnlySpan<double> current) =>
        Analyze(reference, current, null).Value;

    /// <summary>PSI on fitted edges (for example edges saved by an earlier job).</summary>
    /// <param name="edges">The bins.</param>
    /// <param name="reference">The reference sample; finite values.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <param name="epsilon">The proportion substituted for an empty bin, in (0, 0.01].</param>
    /// <returns>The PSI, ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is outside (0, 0.01].</exception>
    public static double Compute(BinEdges edges, ReadOnlySpan<double> reference, ReadOnlySpan<double> current, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(edges);
        SampleGuard.ThrowIfEmptyOrNotFinite(reference);
        SampleGuard.ThrowIfEmptyOrNotFinite(current);
        PsiOptions.ValidateEpsilon(epsilon);
        var bins = edges.BinCount;
        var rented = ArrayPool<long>.Shared.Rent(2 * bins);
        try
        {
            var referenceCounts = rented.AsSpan(0, bins);
            var currentCounts = rented.AsSpan(bins, bins);
            referenceCounts.Clear();
            currentCounts.Clear();
            edges.CountUnchecked(reference, referenceCounts);
            edges.CountUnchecked(current, currentCounts);
            return Sum(referenceCounts, currentCounts, epsilon);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(rented);
        }
    }

    /// <summary>PSI on fitted edges with ε = 1e-4.</summary>
    /// <param name="edges">The bins.</param>
    /// <param name="reference">The reference sample; finite values.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <returns>The PSI, ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    public static double Compute(BinEdges edges, ReadOnlySpan<double> reference, ReadOnlySpan<double> current) =>
        Compute(edges, reference, current, PsiDefaults.Epsilon);

    /// <summary>Categorical PSI with ε = 1e-4: one bin per category over the union of both samples (ordinal, case-sensitive).</summary>
    /// <param name="reference">The reference categories; no nulls.</param>
    /// <param name="current">The current categories; no nulls.</param>
    /// <returns>The PSI, ≥ 0.</returns>
    /// <exception cref="ArgumentException">A sample is empty or holds a null (the message names the index).</exception>
    public static double Compute(ReadOnlySpan<string> reference, ReadOnlySpan<string> current) =>
        Analyze(reference, current, PsiDefaults.Epsilon).Value;

    /// <summary>Categorical PSI: one bin per category over the union of both samples (ordinal, case-sensitive).</summary>
    /// <param name="reference">The reference categories; no nulls.</param>
    /// <param name="current">The current categories; no nulls.</param>
    /// <param name="epsilon">The proportion substituted for a category absent from one side, in (0, 0.01].</param>
    /// <returns>The PSI, ≥ 0.</returns>
    /// <exception cref="ArgumentException">A sample is empty or holds a null (the message names the index).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is outside (0, 0.01].</exception>
    public static double Compute(ReadOnlySpan<string> reference, ReadOnlySpan<string> current, double epsilon) =>
        Analyze(reference, current, epsilon).Value;

    /// <summary>PSI from bin counts already taken on the same bins (for example from <see cref="BinEdges.Count"/>).</summary>
    /// <param name="referenceCounts">Reference counts per bin; non-negative, not all zero.</param>
    /// <param name="currentCounts">Current counts per bin, same length; non-negative, not all zero.</param>
    /// <param name="epsilon">The proportion substituted for an empty bin, in (0, 0.01].</param>
    /// <returns>The PSI, ≥ 0.</returns>
    /// <exception cref="ArgumentException">The lengths differ or are below 2, a count is negative, or a side is all zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is outside (0, 0.01].</exception>
    public static double FromCounts(ReadOnlySpan<long> referenceCounts, ReadOnlySpan<long> currentCounts, double epsilon = PsiDefaults.Epsilon)
    {
        ValidateCounts(referenceCounts, currentCounts);
        PsiOptions.ValidateEpsilon(epsilon);
        return Sum(referenceCounts, currentCounts, epsilon);
    }

    /// <summary>PSI with per-bin contributions, bins fitted on <paramref name="reference"/>.</summary>
    /// <param name="reference">The reference sample; finite values.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <param name="options">Bins, binning strategy and ε; null for the defaults.</param>
    /// <returns>The PSI and every bin's counts, proportions and contribution.</returns>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> is invalid.</exception>
    [SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
        Justification = "Signature fixed by the package contract (issue 4); the longer overloads take different inputs.")]
    public static PsiResult Analyze(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, PsiOptions? options = null)
    {
        options ??= new PsiOptions();
        PsiOptions.Validate(options);
        SampleGuard.ThrowIfEmptyOrNotFinite(reference, out var low, out var high);
        SampleGuard.ThrowIfEmptyOrNotFinite(current);

        // Quantile edges by selection (no full sort of the reference), then both samples counted against the edges:
        // the same counts as binary searches in the sorted reference.
        var edges = options.Binning == BinningStrategy.Quantile
            ? BinEdges.QuantileUnchecked(reference, options.Bins, low, high)
            : BinEdges.EqualWidth(reference, options.Bins);
        var referenceCounts = new long[edges.BinCount];
        var currentCounts = new long[edges.BinCount];
        edges.CountUnchecked(reference, referenceCounts);
        edges.CountUnchecked(current, currentCounts);
        return Build(edges, null, referenceCounts, currentCounts, options.Epsilon);
    }

    /// <summary>PSI with per-bin contributions against a reference sorted once.</summary>
    /// <param name="reference">The sorted reference.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <param name="options">Bins, binning strategy and ε; null for the defaults.</param>
    /// <returns>The PSI and every bin's counts, proportions and contribution.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> is invalid.</exception>
    public static PsiResult Analyze(SortedSample reference, ReadOnlySpan<double> current, PsiOptions? options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        options ??= new PsiOptions();
        PsiOptions.Validate(options);
        SampleGuard.ThrowIfEmptyOrNotFinite(current);
        var edges = options.Binning == BinningStrategy.Quantile
            ? BinEdges.Quantile(reference, options.Bins)
            : BinEdges.EqualWidth(reference, options.Bins);

        // The reference is sorted: a bin's count is a difference of two binary searches, O(b log n).
        var referenceCounts = new long[edges.BinCount];
        var below = 0;
        for (var i = 0; i < edges.BinCount - 1; i++)
        {
            var atOrBelow = reference.CountAtOrBelow(edges.CutPoints[i]);
            referenceCounts[i] = atOrBelow - below;
            below = atOrBelow;
        }

        referenceCounts[^1] = reference.Count - below;
        var currentCounts = new long[edges.BinCount];
        edges.CountUnchecked(current, currentCounts);
        return Build(edges, null, referenceCounts, currentCounts, options.Epsilon);
    }

    /// <summary>PSI with per-bin contributions on fitted edges.</summary>
    /// <param name="edges">The bins.</param>
    /// <param name="reference">The reference sample; finite values.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <param name="epsilon">The proportion substituted for an empty bin, in (0, 0.01].</param>
    /// <returns>The PSI and every bin's counts, proportions and contribution.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is outside (0, 0.01].</exception>
    public static PsiResult Analyze(BinEdges edges, ReadOnlySpan<double> reference, ReadOnlySpan<double> current, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(edges);
        SampleGuard.ThrowIfEmptyOrNotFinite(reference);
        SampleGuard.ThrowIfEmptyOrNotFinite(current);
        PsiOptions.ValidateEpsilon(epsilon);
        var referenceCounts = new long[edges.BinCount];
        var currentCounts = new long[edges.BinCount];
        edges.CountUnchecked(reference, referenceCounts);
        edges.CountUnchecked(current, currentCounts);
        return Build(edges, null, referenceCounts, currentCounts, epsilon);
    }

    /// <summary>Categorical PSI with per-category contributions.</summary>
    /// <param name="reference">The reference categories; no nulls.</param>
    /// <param name="current">The current categories; no nulls.</param>
    /// <param name="epsilon">The proportion substituted for a category absent from one side, in (0, 0.01].</param>
    /// <returns>The PSI and one bin per category of the union, in ordinal order.</returns>
    /// <exception cref="ArgumentException">A sample is empty or holds a null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is outside (0, 0.01].</exception>
    public static PsiResult Analyze(ReadOnlySpan<string> reference, ReadOnlySpan<string> current, double epsilon)
    {
        DistanceGuard.ThrowIfEmptyOrNull(reference);
        DistanceGuard.ThrowIfEmptyOrNull(current);
        PsiOptions.ValidateEpsilon(epsilon);
        var table = new CategoryUnion(reference, current);
        return Build(null, table.Categories, table.FirstCounts, table.SecondCounts, epsilon);
    }

    internal static PsiResult Build(BinEdges? edges, string[]? categories, long[] referenceCounts, long[] currentCounts, double epsilon)
    {
        // Totals in double: counts near long.MaxValue must not wrap (exact below 2^53, correctly rounded above).
        double referenceTotal = 0, currentTotal = 0;
        for (var i = 0; i < referenceCounts.Length; i++)
        {
            referenceTotal += referenceCounts[i];
            currentTotal += currentCounts[i];
        }

        var bins = new PsiBin[referenceCounts.Length];
        double total = 0;
        for (var i = 0; i < bins.Length; i++)
        {
            var r = Proportion(referenceCounts[i], referenceTotal, epsilon);
            var c = Proportion(currentCounts[i], currentTotal, epsilon);
            var contribution = (c - r) * LogRatio(c, r);
            total += contribution;
            bins[i] = new PsiBin(
                i,
                edges?.LowerBound(i) ?? double.NaN,
                edges?.UpperBound(i) ?? double.NaN,
                categories?[i],
                referenceCounts[i],
                currentCounts[i],
                r,
                c,
                contribution);
        }

        return new PsiResult(total, bins);
    }

    internal static double Sum(ReadOnlySpan<long> referenceCounts, ReadOnlySpan<long> currentCounts, double epsilon)
    {
        // Totals in double: counts near long.MaxValue must not wrap (exact below 2^53, correctly rounded above).
        double referenceTotal = 0, currentTotal = 0;
        for (var i = 0; i < referenceCounts.Length; i++)
        {
            referenceTotal += referenceCounts[i];
            currentTotal += currentCounts[i];
        }

        double total = 0;
        for (var i = 0; i < referenceCounts.Length; i++)
        {
            var r = Proportion(referenceCounts[i], referenceTotal, epsilon);
            var c = Proportion(currentCounts[i], currentTotal, epsilon);
            total += (c - r) * LogRatio(c, r);
        }

        return total;
    }

    internal static void ValidateCounts(ReadOnlySpan<long> referenceCounts, ReadOnlySpan<long> currentCounts)
    {
        if (referenceCounts.Length < 2)
        {
            throw new ArgumentException("At least two bins are required.", nameof(referenceCounts));
        }

        if (currentCounts.Length != referenceCounts.Length)
        {
            throw new ArgumentException(
                $"The count vectors differ in length ({referenceCounts.Length} and {currentCounts.Length}).", nameof(currentCounts));
        }

        DistanceGuard.ThrowIfNegativeOrAllZero(referenceCounts, nameof(referenceCounts));
        DistanceGuard.ThrowIfNegativeOrAllZero(currentCounts, nameof(currentCounts));
    }

    private static double Proportion(long count, double total, double epsilon) => count == 0 ? epsilon : count / total;

    /// <summary>ln(c/r); when c/r overflows or leaves the normal range (a tiny ε such as <see cref="double.Epsilon"/>
    /// against a proportion near 1), ln c − ln r, which is finite for every positive c and r.</summary>
    private static double LogRatio(double c, double r)
    {
        var ratio = c / r;
        return double.IsNormal(ratio) ? Math.Log(ratio) : Math.Log(c) - Math.Log(r);
    }
}
