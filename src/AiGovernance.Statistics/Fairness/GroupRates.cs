namespace AiGovernance.Statistics;

/// <summary>Confusion counts and rates of one group (or of all rows), each rate with its Wilson interval.</summary>
/// <remarks>A rate whose denominator is 0 is undefined and reported as <see cref="double.NaN"/> with a NaN interval
/// (never as 0; Fairlearn's <c>true_positive_rate</c> would report 0 there), and the report carries a warning.</remarks>
public readonly record struct GroupRates
{
    internal GroupRates(long truePositives, long falsePositives, long falseNegatives, long trueNegatives, double confidenceLevel)
    {
        TruePositives = truePositives;
        FalsePositives = falsePositives;
        FalseNegatives = falseNegatives;
        TrueNegatives = trueNegatives;
        Count = truePositives + falsePositives + falseNegatives + trueNegatives;
        (SelectionRate, SelectionRateInterval) = Rate(truePositives + falsePositives, Count, confidenceLevel);
        (TruePositiveRate, TruePositiveRateInterval) = Rate(truePositives, truePositives + falseNegatives, confidenceLevel);
        (FalsePositiveRate, FalsePositiveRateInterval) = Rate(falsePositives, falsePositives + trueNegatives, confidenceLevel);
        (Accuracy, AccuracyInterval) = Rate(truePositives + trueNegatives, Count, confidenceLevel);
        (Precision, PrecisionInterval) = Rate(truePositives, truePositives + falsePositives, confidenceLevel);
    }

    /// <summary>The number of rows.</summary>
    public long Count { get; }

    /// <summary>Rows predicted positive that are positive.</summary>
    public long TruePositives { get; }

    /// <summary>Rows predicted positive that are negative.</summary>
    public long FalsePositives { get; }

    /// <summary>Rows predicted negative that are positive.</summary>
    public long FalseNegatives { get; }

    /// <summary>Rows predicted negative that are negative.</summary>
    public long TrueNegatives { get; }

    /// <summary>The share predicted positive, (TP + FP)/n (Fairlearn <c>selection_rate</c>).</summary>
    public double SelectionRate { get; }

    /// <summary>The Wilson interval of <see cref="SelectionRate"/>.</summary>
    public Interval SelectionRateInterval { get; }

    /// <summary>The share of actual positives predicted positive, TP/(TP + FN) (Fairlearn <c>true_positive_rate</c>);
    /// NaN when the group has no actual positives.</summary>
    public double TruePositiveRate { get; }

    /// <summary>The Wilson interval of <see cref="TruePositiveRate"/>.</summary>
    public Interval TruePositiveRateInterval { get; }

    /// <summary>The share of actual negatives predicted positive, FP/(FP + TN) (Fairlearn <c>false_positive_rate</c>);
    /// NaN when the group has no actual negatives.</summary>
    public double FalsePositiveRate { get; }

    /// <summary>The Wilson interval of <see cref="FalsePositiveRate"/>.</summary>
    public Interval FalsePositiveRateInterval { get; }

    /// <summary>The share of correct predictions, (TP + TN)/n (scikit-learn <c>accuracy_score</c>).</summary>
    public double Accuracy { get; }

    /// <summary>The Wilson interval of <see cref="Accuracy"/>.</summary>
    public Interval AccuracyInterval { get; }

    /// <summary>The share of predicted positives that are positive, TP/(TP + FP) (scikit-learn <c>precision_score</c>);
    /// NaN when nothing in the group was predicted positive.</summary>
    public double Precision { get; }

    /// <summary>The Wilson interval of <see cref="Precision"/>.</summary>
    public Interval PrecisionInterval { get; }

    private static (double Rate, Interval Interval) Rate(long numerator, long denominator, double confidenceLevel) =>
        denominator == 0
            ? (double.NaN, new Interval(double.NaN, double.NaN))
            : ((double)numerator / denominator, ConfidenceInterval.Wilson(numerator, denominator, confidenceLevel));
}
