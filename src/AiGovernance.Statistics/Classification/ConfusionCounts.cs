namespace AiGovernance.Statistics;

/// <summary>The 2 × 2 confusion counts of a binary classifier (or of one group of its examples), with the metrics they
/// define.</summary>
/// <param name="TruePositives">Examples predicted positive that are positive.</param>
/// <param name="FalsePositives">Examples predicted positive that are negative.</param>
/// <param name="FalseNegatives">Examples predicted negative that are positive.</param>
/// <param name="TrueNegatives">Examples predicted negative that are negative.</param>
/// <remarks>A metric whose denominator is 0 is <see cref="double.NaN"/> (undefined), never 0: scikit-learn's
/// <c>zero_division</c> warning case. The definitions are scikit-learn's <c>accuracy_score</c>, <c>precision_score</c>,
/// <c>recall_score</c> and <c>f1_score</c> for the positive class.</remarks>
public readonly record struct ConfusionCounts(long TruePositives, long FalsePositives, long FalseNegatives, long TrueNegatives)
{
    /// <summary>All examples, TP + FP + FN + TN.</summary>
    public long Count => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    /// <summary>Examples predicted positive, TP + FP.</summary>
    public long Selected => TruePositives + FalsePositives;

    /// <summary>(TP + TN)/n; NaN when there is no example.</summary>
    public double Accuracy => (double)(TruePositives + TrueNegatives) / Count;

    /// <summary>TP/(TP + FP); NaN when nothing is predicted positive.</summary>
    public double Precision => Selected == 0 ? double.NaN : (double)TruePositives / Selected;

    /// <summary>TP/(TP + FN), the true positive rate; NaN when there is no actual positive.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>2·TP/(2·TP + FP + FN), the harmonic mean of precision and recall; NaN when there is neither an actual nor a
    /// predicted positive.</summary>
    public double F1
    {
        get
        {
            var denominator = (2 * TruePositives) + FalsePositives + FalseNegatives;
            return denominator == 0 ? double.NaN : 2.0 * TruePositives / denominator;
        }
    }

    /// <summary>These counts with one more example.</summary>
    /// <param name="actual">The example's true label.</param>
    /// <param name="predicted">The example's predicted label.</param>
    /// <returns>The counts with the matching cell incremented.</returns>
    public ConfusionCounts Add(bool actual, bool predicted) => (actual, predicted) switch
    {
        (true, true) => this with { TruePositives = TruePositives + 1 },
        (false, true) => this with { FalsePositives = FalsePositives + 1 },
        (true, false) => this with { FalseNegatives = FalseNegatives + 1 },
        _ => this with { TrueNegatives = TrueNegatives + 1 },
    };

    /// <summary>Counts the outcomes of paired true and predicted labels.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels, as many as <paramref name="yTrue"/>.</param>
    /// <returns>The confusion counts. O(n), no allocation.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static ConfusionCounts From(ReadOnlySpan<bool> yTrue, ReadOnlySpan<bool> yPred)
    {
        ClassificationGuard.ThrowIfLengthsDiffer(yTrue, yPred.Length, nameof(yPred));
        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            switch ((yTrue[i], yPred[i]))
            {
                case (true, true):
                    tp++;
                    break;
                case (false, true):
                    fp++;
                    break;
                case (true, false):
                    fn++;
                    break;
                default:
                    tn++;
                    break;
            }
        }

        return new ConfusionCounts(tp, fp, fn, tn);
    }
}
