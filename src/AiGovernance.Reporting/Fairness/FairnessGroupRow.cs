using AiGovernance.Statistics;

namespace AiGovernance.Reporting.Fairness;

/// <summary>One group's confusion counts and rates, each with its Wilson interval.</summary>
public sealed class FairnessGroupRow
{
    /// <summary>The group's label.</summary>
    public required string Group { get; init; }

    /// <summary>Cases in the group.</summary>
    public long Count { get; init; }

    /// <summary>True positives.</summary>
    public long TruePositives { get; init; }

    /// <summary>False positives.</summary>
    public long FalsePositives { get; init; }

    /// <summary>False negatives.</summary>
    public long FalseNegatives { get; init; }

    /// <summary>True negatives.</summary>
    public long TrueNegatives { get; init; }

    /// <summary>Share predicted positive.</summary>
    public required EstimateWithInterval SelectionRate { get; init; }

    /// <summary>Share of actual positives predicted positive.</summary>
    public required EstimateWithInterval TruePositiveRate { get; init; }

    /// <summary>Share of actual negatives predicted positive.</summary>
    public required EstimateWithInterval FalsePositiveRate { get; init; }

    /// <summary>Share predicted correctly.</summary>
    public required EstimateWithInterval Accuracy { get; init; }

    /// <summary>This group's selection rate over the reference group's, or <see langword="null"/>.</summary>
    public double? DisparateImpactRatio { get; init; }

    /// <summary>Why each <see langword="null"/> value is undefined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes one group's rates.</summary>
    /// <param name="group">The group's label.</param>
    /// <param name="rates">The rates.</param>
    /// <param name="disparateImpactRatio">The group's disparate-impact ratio, NaN when undefined.</param>
    /// <returns>The row.</returns>
    public static FairnessGroupRow From(string group, GroupRates rates, double disparateImpactRatio)
    {
        ArgumentNullException.ThrowIfNull(group);
        var r = new Json.NullReasons();
        return new FairnessGroupRow
        {
            Group = group,
            Count = rates.Count,
            TruePositives = rates.TruePositives,
            FalsePositives = rates.FalsePositives,
            FalseNegatives = rates.FalseNegatives,
            TrueNegatives = rates.TrueNegatives,
            SelectionRate = EstimateWithInterval.Of(rates.SelectionRate, rates.SelectionRateInterval, "no cases in this group"),
            TruePositiveRate = EstimateWithInterval.Of(rates.TruePositiveRate, rates.TruePositiveRateInterval, "no actual positives in this group"),
            FalsePositiveRate = EstimateWithInterval.Of(rates.FalsePositiveRate, rates.FalsePositiveRateInterval,
                "no actual negatives in this group"),
            Accuracy = EstimateWithInterval.Of(rates.Accuracy, rates.AccuracyInterval, "no cases in this group"),
            DisparateImpactRatio = r.Value(disparateImpactRatio, "disparateImpactRatio",
                "the reference group selects no one, or this group is too small"),
            NullReasons = r.Result,
        };
    }
}
