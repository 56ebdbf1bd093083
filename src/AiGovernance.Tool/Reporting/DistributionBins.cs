using AiGovernance.Monitoring.Data;

namespace AiGovernance.Samples.DriftJob.Reporting;

/// <summary>The reference and current distributions of one column on shared bins, as shares of present values — what
/// the report draws. The library's report carries statistics, not histograms, so the bins are computed here from the
/// data the job already holds.</summary>
/// <param name="Labels">One label per bin (a category, or the bin's lower edge for numeric columns).</param>
/// <param name="Edges">Bin edges for numeric columns (one more than the bins); empty for categorical columns.</param>
/// <param name="Reference">The reference's share of present values per bin.</param>
/// <param name="Current">The current window's share per bin.</param>
/// <param name="IsNew">Per bin: true for a category the reference never showed.</param>
internal sealed record DistributionBins(IReadOnlyList<string> Labels, IReadOnlyList<double> Edges, IReadOnlyList<double> Reference,
    IReadOnlyList<double> Current, IReadOnlyList<bool> IsNew)
{
    public const int NumericBins = 24;

    /// <summary>At most this many bars per categorical chart, the last one "(other)".</summary>
    public const int MaxCategories = 20;

    public const string OtherLabel = "(other)";

    public static DistributionBins Numeric(NumericColumn reference, NumericColumn current)
    {
        var r = reference.ToPresentValues();
        var c = current.ToPresentValues();
        Array.Sort(r);
        Array.Sort(c);

        // Trim the outer 0.5% on each side so a few extreme values do not squash the picture; they land in the end bins.
        var lo = Math.Min(Quantile(r, 0.005), Quantile(c, 0.005));
        var hi = Math.Max(Quantile(r, 0.995), Quantile(c, 0.995));
        if (double.IsNaN(lo) || double.IsNaN(hi))
        {
            lo = double.IsNaN(lo) ? hi : lo;
            hi = double.IsNaN(hi) ? lo : hi;
        }

        if (!(hi > lo))
        {
            lo = double.IsNaN(lo) ? 0 : lo - 0.5;
            hi = lo + 1;
        }

        var bins = NumericBins;
        var edges = new double[bins + 1];
        for (var i = 0; i <= bins; i++)
        {
            edges[i] = lo + ((hi - lo) * i / bins);
        }

        var labels = new string[bins];
        for (var i = 0; i < bins; i++)
        {
            labels[i] = edges[i].ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
        }

        return new DistributionBins(labels, edges, Shares(r, lo, hi, bins), Shares(c, lo, hi, bins), new bool[bins]);
    }

    public static DistributionBins Categorical(CategoricalColumn reference, CategoricalColumn current)
    {
        var r = reference.CountByCategory();
        var c = current.CountByCategory();
        double rTotal = r.Values.Sum(), cTotal = c.Values.Sum();
        var known = r.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv
            => kv.Key).ToList();
        var fresh = c.Where(kv => kv.Value > 0 && !(r.TryGetValue(kv.Key, out var n) && n > 0)).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key,
            StringComparer.Ordinal).Select(kv => kv.Key).ToList();
        var labels = known.Concat(fresh).ToList();
        double RefShare(string l) => rTotal == 0 ? 0 : r.GetValueOrDefault(l) / rTotal;
        double CurShare(string l) => cTotal == 0 ? 0 : c.GetValueOrDefault(l) / cTotal;
        var isNew = labels.Select((_, i) => i >= known.Count).ToList();
        if (labels.Count <= MaxCategories)
        {
            return new DistributionBins(labels, [], [.. labels.Select(RefShare)], [.. labels.Select(CurShare)], isNew);
        }

        // Too many bars to read: keep the categories with the largest share on either side, fold the rest into "(other)".
        var kept = labels.Select(l => (Label: l, Weight: Math.Max(RefShare(l), CurShare(l))))
            .OrderByDescending(x => x.Weight).ThenBy(x => x.Label, StringComparer.Ordinal).Take(MaxCategories - 1)
            .Select(x => x.Label)
            .ToHashSet(StringComparer.Ordinal);
        var shown = labels.Select((l, i) => (Label: l, New: isNew[i])).Where(x => kept.Contains(x.Label)).ToList();
        var otherRef = labels.Where(l => !kept.Contains(l)).Sum(RefShare);
        var otherCur = labels.Where(l => !kept.Contains(l)).Sum(CurShare);
        return new DistributionBins(
            [.. shown.Select(x => x.Label), OtherLabel],
            [],
            [.. shown.Select(x => RefShare(x.Label)), otherRef],
            [.. shown.Select(x => CurShare(x.Label)), otherCur],
            [.. shown.Select(x => x.New), false]);
    }

    private static double[] Shares(double[] sorted, double lo, double hi, int bins)
    {
        var shares = new double[bins];
        if (sorted.Length == 0)
        {
            return shares;
        }

        foreach (var v in sorted)
        {
            var k = (int)Math.Floor((v - lo) / (hi - lo) * bins);
            shares[Math.Clamp(k, 0, bins - 1)]++;
        }

        for (var k = 0; k < bins; k++)
        {
            shares[k] /= sorted.Length;
        }

        return shares;
    }

    private static double Quantile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Round(q * (sorted.Length - 1))];
}
