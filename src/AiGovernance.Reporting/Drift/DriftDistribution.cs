using AiGovernance.Monitoring.Data;
using AiGovernance.Statistics;

namespace AiGovernance.Reporting.Drift;

/// <summary>The reference and current distributions of one column on shared bins, as shares of present values — what a
/// drifted column's chart draws. The drift report carries statistics, not histograms, so these are computed from the data.</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Kind">Numeric (histogram on <paramref name="Edges"/>) or categorical (bars per label).</param>
/// <param name="Labels">One label per bin: a category, or the bin's lower edge.</param>
/// <param name="Edges">Bin edges for numeric columns (one more than the bins); empty for categorical columns.</param>
/// <param name="Reference">The reference's share of present values per bin.</param>
/// <param name="Current">The current window's share per bin.</param>
/// <param name="IsNew">Per bin: a category the reference never showed.</param>
public sealed record DriftDistribution(
    string Column,
    ColumnKind Kind,
    IReadOnlyList<string> Labels,
    IReadOnlyList<double> Edges,
    IReadOnlyList<double> Reference,
    IReadOnlyList<double> Current,
    IReadOnlyList<bool> IsNew)
{
    /// <summary>Bins of a numeric histogram.</summary>
    public const int NumericBins = 24;

    /// <summary>The label of the bar that folds the smallest categories together.</summary>
    public const string OtherLabel = "(other)";

    /// <summary>Bins two numeric columns on 24 equal-width bins over the middle 99% of both (the outer 0.5% on each side,
    /// computed with <see cref="SortedSample.Quantiles"/> without sorting the columns, land in the end bins so a few extreme values do not squash the
    /// picture).</summary>
    /// <param name="reference">The reference column.</param>
    /// <param name="current">The current column.</param>
    /// <returns>The distributions.</returns>
    /// <exception cref="ArgumentNullException">A column is null.</exception>
    public static DriftDistribution Numeric(NumericColumn reference, NumericColumn current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var r = Present(reference);
        var c = Present(current);
        var (rLow, rHigh) = Tails(r);
        var (cLow, cHigh) = Tails(c);
        var lo = Math.Min(rLow, cLow);
        var hi = Math.Max(rHigh, cHigh);
        if (r.IsEmpty || c.IsEmpty)
        {
            lo = r.IsEmpty ? c.IsEmpty ? 0 : cLow : rLow;
            hi = r.IsEmpty ? c.IsEmpty ? 1 : cHigh : rHigh;
        }

        if (!(hi > lo))
        {
            lo -= 0.5;
            hi = lo + 1;
        }

        var edges = new double[NumericBins + 1];
        for (var i = 0; i <= NumericBins; i++)
        {
            edges[i] = lo + ((hi - lo) * i / NumericBins);
        }

        var labels = new string[NumericBins];
        for (var i = 0; i < NumericBins; i++)
        {
            labels[i] = Formatting.ReportFormat.Number(edges[i], 4);
        }

        return new DriftDistribution(reference.Name, ColumnKind.Numeric, labels, edges, Shares(r, lo, hi), Shares(c, lo, hi), new bool[NumericBins]);
    }

    /// <summary>The shares of each category in two categorical columns: the reference's categories by falling share, then
    /// categories new in the current window. Beyond <paramref name="maxCategories"/> bars the categories with the largest
    /// share on either side are kept and the rest folded into <see cref="OtherLabel"/>.</summary>
    /// <param name="reference">The reference column.</param>
    /// <param name="current">The current column.</param>
    /// <param name="maxCategories">The most bars, at least 2.</param>
    /// <returns>The distributions.</returns>
    /// <exception cref="ArgumentNullException">A column is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCategories"/> is below 2.</exception>
    public static DriftDistribution Categorical(CategoricalColumn reference, CategoricalColumn current,
        int maxCategories = ReportingDefaults.MaxCategories)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCategories, 2);
        var r = reference.CountByCategory();
        var c = current.CountByCategory();
        double rTotal = r.Values.Sum(), cTotal = c.Values.Sum();
        var known = r.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key).ToList();
        var fresh = c.Where(kv => kv.Value > 0 && !(r.TryGetValue(kv.Key, out var n) && n > 0)).OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
        var labels = known.Concat(fresh).ToList();
        double RefShare(string l) => rTotal == 0 ? 0 : r.GetValueOrDefault(l) / rTotal;
        double CurShare(string l) => cTotal == 0 ? 0 : c.GetValueOrDefault(l) / cTotal;
        var isNew = labels.Select((_, i) => i >= known.Count).ToList();
        if (labels.Count <= maxCategories)
        {
            return new DriftDistribution(reference.Name, ColumnKind.Categorical, labels, [], [.. labels.Select(RefShare)],
                [.. labels.Select(CurShare)], isNew);
        }

        var kept = labels.Select(l => (Label: l, Weight: Math.Max(RefShare(l), CurShare(l))))
            .OrderByDescending(x => x.Weight).ThenBy(x => x.Label, StringComparer.Ordinal).Take(maxCategories - 1)
            .Select(x => x.Label)
            .ToHashSet(StringComparer.Ordinal);
        var shown = labels.Select((l, i) => (Label: l, New: isNew[i])).Where(x => kept.Contains(x.Label)).ToList();
        var folded = labels.Where(l => !kept.Contains(l)).ToList();
        return new DriftDistribution(
            reference.Name,
            ColumnKind.Categorical,
            [.. shown.Select(x => x.Label), OtherLabel],
            [],
            [.. shown.Select(x => RefShare(x.Label)), folded.Sum(RefShare)],
            [.. shown.Select(x => CurShare(x.Label)), folded.Sum(CurShare)],
            [.. shown.Select(x => x.New), false]);
    }

    /// <summary>The distributions of a column present in both tables, numeric or categorical.</summary>
    /// <param name="reference">The reference column.</param>
    /// <param name="current">The current column.</param>
    /// <param name="maxCategories">The most bars of a categorical chart.</param>
    /// <returns>The distributions, or <see langword="null"/> when the kinds differ.</returns>
    /// <exception cref="ArgumentNullException">A column is null.</exception>
    public static DriftDistribution? Of(TabularColumn reference, TabularColumn current, int maxCategories = ReportingDefaults.MaxCategories)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        return (reference, current) switch
        {
            (NumericColumn rn, NumericColumn cn) => Numeric(rn, cn),
            (CategoricalColumn rc, CategoricalColumn cc) => Categorical(rc, cc, maxCategories),
            _ => null,
        };
    }

    /// <summary>The present values: the column's own memory when nothing is missing (no copy).</summary>
    private static ReadOnlySpan<double> Present(NumericColumn column) => column.MissingCount == 0 ? column.Values.Span : column.ToPresentValues();

    /// <summary>The 0.5% and 99.5% quantiles (R7, as <see cref="SortedSample.Quantile"/> gives them) without sorting the
    /// column; NaN for no values.</summary>
    private static (double Low, double High) Tails(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return (double.NaN, double.NaN);
        }

        Span<double> tails = stackalloc double[2];
        SortedSample.Quantiles(values, [0.005, 0.995], tails);
        return (tails[0], tails[1]);
    }

    private static double[] Shares(ReadOnlySpan<double> values, double lo, double hi)
    {
        var shares = new double[NumericBins];
        if (values.Length == 0)
        {
            return shares;
        }

        foreach (var v in values)
        {
            var k = (int)Math.Floor((v - lo) / (hi - lo) * NumericBins);
            shares[Math.Clamp(k, 0, NumericBins - 1)]++;
        }

        for (var k = 0; k < NumericBins; k++)
        {
            shares[k] /= values.Length;
        }

        return shares;
    }
}
