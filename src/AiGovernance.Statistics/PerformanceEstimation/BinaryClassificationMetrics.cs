namespace AiGovernance.Statistics;

/// <summary>Realised binary-classification metrics of a labelled window: the confusion matrix, accuracy, precision,
/// recall, specificity, F1 and ROC AUC — what a <see cref="BinaryPerformanceEstimate"/> is compared with once the labels
/// arrive.</summary>
/// <param name="Count">Labelled predictions.</param>
/// <param name="TruePositives">Predicted and actually positive.</param>
/// <param name="FalsePositives">Predicted positive, actually negative.</param>
/// <param name="FalseNegatives">Predicted negative, actually positive.</param>
/// <param name="TrueNegatives">Predicted and actually negative.</param>
/// <param name="Accuracy">(TP + TN) / n.</param>
/// <param name="Precision">TP / (TP + FP); NaN without predicted positives.</param>
/// <param name="Recall">TP / (TP + FN); NaN without actual positives.</param>
/// <param name="Specificity">TN / (TN + FP); NaN without actual negatives.</param>
/// <param name="F1">2·TP / (2·TP + FP + FN); NaN when all three are 0.</param>
/// <param name="RocAuc">The ROC AUC of the scores (ties count ½; scikit-learn <c>roc_auc_score</c>); NaN when one class
/// is absent.</param>
public sealed record BinaryClassificationMetrics(
    long Count,
    long TruePositives,
    long FalsePositives,
    long FalseNegatives,
    long TrueNegatives,
    double Accuracy,
    double Precision,
    double Recall,
    double Specificity,
    double F1,
    double RocAuc)
{
    /// <summary>Computes the metrics.</summary>
    /// <param name="scores">The model's scores (higher means more likely positive), finite.</param>
    /// <param name="predictedPositive">The model's decisions.</param>
    /// <param name="labels">The actual outcomes.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths, or a score is NaN or infinite.</exception>
    /// <remarks>The AUC is the Mann–Whitney U of the positives' scores against the negatives' (average ranks) divided by
    /// n₊·n₋: O(n log n).</remarks>
    public static BinaryClassificationMetrics Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> predictedPositive, ReadOnlySpan<bool> labels)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(scores);
        if (predictedPositive.Length != scores.Length)
        {
            throw new ArgumentException(
                $"predictedPositive has {predictedPositive.Length} values but scores has {scores.Length}.", nameof(predictedPositive));
        }

        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"labels has {labels.Length} values but scores has {scores.Length}.", nameof(labels));
        }

        var counts = ConfusionCounts.From(labels, predictedPositive);
        var positives = (int)(counts.TruePositives + counts.FalseNegatives);

        var auc = double.NaN;
        var negatives = labels.Length - positives;
        if (positives > 0 && negatives > 0)
        {
            var positiveScores = new double[positives];
            var negativeScores = new double[negatives];
            int p = 0, q = 0;
            for (var i = 0; i < labels.Length; i++)
            {
                if (labels[i])
                {
                    positiveScores[p++] = scores[i];
                }
                else
                {
                    negativeScores[q++] = scores[i];
                }
            }

            auc = MannWhitney.Test(positiveScores, negativeScores).U / ((double)positives * negatives);
        }

        long tp = counts.TruePositives, fp = counts.FalsePositives, fn = counts.FalseNegatives, tn = counts.TrueNegatives;
        return new BinaryClassificationMetrics(
            counts.Count,
            tp,
            fp,
            fn,
            tn,
            (double)(tp + tn) / counts.Count,
            Rate(tp, tp + fp),
            Rate(tp, tp + fn),
            Rate(tn, tn + fp),
            Rate(2 * tp, (2 * tp) + fp + fn),
            auc);
    }

    private static double Rate(long numerator, long denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
}
