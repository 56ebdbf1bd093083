using System.Globalization;

namespace AiGovernance.Monitoring.Drift;

/// <summary>Builds the 2 × k table a chi-squared drift test compares, pooling categories too rare for the test.</summary>
/// <remarks>
/// <para>Pearson's statistic follows its chi-squared distribution only when the expected counts are not small; with many
/// rare categories (500 ids against 500 other ids, each seen once) every cell is below one and the test has no power
/// (p = 0.49 for two samples with no category in common). Cochran's rule is applied: a category is kept as its own cell
/// when both of its expected counts are at least <see cref="MinimumExpected"/>. The others are pooled by what they are:
/// categories the reference holds into one "rare" cell, categories the reference never saw into one "unseen" cell, so a
/// shift towards new categories remains visible. A pooled cell still below the rule is merged with the other pooled cell,
/// and if still below, with the smallest kept category. One pass over the categories: O(k).</para>
/// </remarks>
internal static class CategoryPooling
{
    /// <summary>Cochran's minimum expected count per cell.</summary>
    public const double MinimumExpected = 5;

    /// <summary>The pooled table and a sentence saying what was pooled (null when nothing was).</summary>
    /// <param name="reference">Reference counts per category.</param>
    /// <param name="current">Current counts per category, same order.</param>
    /// <returns>The 2 × k table (row 0 reference, row 1 current) with no empty column, and the note.</returns>
    public static (long[,] Table, string? Note) Pool(ReadOnlySpan<long> reference, ReadOnlySpan<long> current)
    {
        long referenceTotal = 0, currentTotal = 0;
        for (var k = 0; k < reference.Length; k++)
        {
            referenceTotal += reference[k];
            currentTotal += current[k];
        }

        // A category's smaller expected count: its total × the smaller row's share of all observations.
        var smallerShare = (double)Math.Min(referenceTotal, currentTotal) / (referenceTotal + currentTotal);
        var kept = new List<(long Reference, long Current)>(reference.Length);
        (long Reference, long Current) rare = default, unseen = default;
        int rareCount = 0, unseenCount = 0;
        for (var k = 0; k < reference.Length; k++)
        {
            var total = reference[k] + current[k];
            if (total == 0)
            {
                continue;
            }

            if (total * smallerShare >= MinimumExpected)
            {
                kept.Add((reference[k], current[k]));
            }
            else if (reference[k] > 0)
            {
                rare = (rare.Reference + reference[k], rare.Current + current[k]);
                rareCount++;
            }
            else
            {
                unseen = (unseen.Reference, unseen.Current + current[k]);
                unseenCount++;
            }
        }

        var pooled = new List<(long Reference, long Current)>(2);
        if (rareCount > 0 && unseenCount > 0 && (Small(rare, smallerShare) || Small(unseen, smallerShare)))
        {
            pooled.Add((rare.Reference + unseen.Reference, rare.Current + unseen.Current));
        }
        else
        {
            if (rareCount > 0)
            {
                pooled.Add(rare);
            }

            if (unseenCount > 0)
            {
                pooled.Add(unseen);
            }
        }

        if (pooled.Count == 1 && Small(pooled[0], smallerShare) && kept.Count > 0)
        {
            // Still too small: merged into the smallest kept category.
            var smallest = 0;
            for (var k = 1; k < kept.Count; k++)
            {
                smallest = kept[k].Reference + kept[k].Current < kept[smallest].Reference + kept[smallest].Current ? k : smallest;
            }

            kept[smallest] = (kept[smallest].Reference + pooled[0].Reference, kept[smallest].Current + pooled[0].Current);
            pooled.Clear();
        }

        kept.AddRange(pooled);
        var table = new long[2, kept.Count];
        for (var k = 0; k < kept.Count; k++)
        {
            table[0, k] = kept[k].Reference;
            table[1, k] = kept[k].Current;
        }

        var note = rareCount + unseenCount == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"Cochran's rule (expected counts ≥ {MinimumExpected:G}): {rareCount} rare reference categories and {unseenCount} categories "
                + $"unseen in the reference pooled, {kept.Count} cells compared");
        return (table, note);
    }

    private static bool Small((long Reference, long Current) cell, double smallerShare) =>
        (cell.Reference + cell.Current) * smallerShare < MinimumExpected;
}
