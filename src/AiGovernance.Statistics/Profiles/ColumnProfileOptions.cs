using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Statistics;

/// <summary>Parameters of a <see cref="ColumnProfile"/>. Profiles merge only when these agree.</summary>
public sealed class ColumnProfileOptions
{
    /// <summary>Fixed bins on which a numeric profile keeps exact counts (usually the reference's, fitted once); null for none.</summary>
    /// <value>The default value is null (no bin counts; PSI and Jensen–Shannon from profiles need edges).</value>
    public BinEdges? Edges { get; set; }

    /// <summary>The accuracy parameter k of the numeric profile's <see cref="KllSketch"/>.</summary>
    /// <value>The default value is 200 (uniform rank-error bound about 2.7–3.1% of n at 99% confidence for n from 10³ to 4·10⁶; per point
    /// 1.1–1.3%).</value>
    [Range(KllDefaults.MinimumK, KllDefaults.MaximumK)]
    public int SketchK { get; set; } = KllDefaults.K;

    /// <summary>The seed of the sketch's compaction coin.</summary>
    /// <value>The default value is 0.</value>
    public long SketchSeed { get; set; } = KllDefaults.Seed;

    /// <summary>How many distinct categories a categorical profile counts exactly before the rest go to the "other" bucket.</summary>
    /// <value>The default value is 1000. At least 1.</value>
    [Range(1, ColumnProfileDefaults.MaximumCategoryCap)]
    public int CategoryCap { get; set; } = ColumnProfileDefaults.CategoryCap;

    internal void Validate(string paramName)
    {
        if (SketchK is < KllDefaults.MinimumK or > KllDefaults.MaximumK)
        {
            throw new ArgumentOutOfRangeException(paramName, SketchK,
                $"{nameof(SketchK)} must be in [{KllDefaults.MinimumK}, {KllDefaults.MaximumK}].");
        }

        if (CategoryCap is < 1 or > ColumnProfileDefaults.MaximumCategoryCap)
        {
            throw new ArgumentOutOfRangeException(paramName, CategoryCap,
                $"{nameof(CategoryCap)} must be in [1, {ColumnProfileDefaults.MaximumCategoryCap}].");
        }
    }
}
