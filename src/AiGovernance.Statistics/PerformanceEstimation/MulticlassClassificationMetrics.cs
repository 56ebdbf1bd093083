namespace AiGovernance.Statistics;

/// <summary>Realised multiclass metrics of a labelled window, one-vs-rest with macro averages — what a
/// <see cref="MulticlassPerformanceEstimate"/> is compared with once the labels arrive.</summary>
/// <param name="Count">Labelled predictions.</param>
/// <param name="ClassCount">The number of classes.</param>
/// <param name="Accuracy">Share of correct predictions.</param>
/// <param name="MacroPrecision">scikit-learn's <c>precision_score(average="macro", zero_division=0)</c> over all classes.</param>
/// <param name="MacroRecall">scikit-learn's <c>recall_score(average="macro", zero_division=0)</c> over all classes.</param>
/// <param name="MacroSpecificity">Mean over classes of TNₖ / (TNₖ + FPₖ) (0 when no example is of another class).</param>
/// <param name="MacroF1">scikit-learn's <c>f1_score(average="macro", zero_division=0)</c> over all classes.</param>
/// <param name="MacroRocAuc">scikit-learn's <c>roc_auc_score(multi_class="ovr", average="macro")</c> of the class scores;
/// NaN when a class has no actual example (scikit-learn refuses then).</param>
/// <param name="Confusion">Counts, row-major by predicted class then actual class (predicted j, actual k at
/// j·<paramref name="ClassCount"/> + k).</param>
public sealed record MulticlassClassificationMetrics(
    long Count,
    int ClassCount,
    double Accuracy,
    double MacroPrecision,
    double MacroRecall,
    double MacroSpecificity,
    double MacroF1,
    double MacroRocAuc,
    IReadOnlyList<long> Confusion)
{
    /// <summary>Computes the metrics.</summary>
    /// <param name="scores">The model's class scores, row-major (prediction i, class k at i·K + k); finite, higher meaning
    /// more likely that class.</param>
    /// <param name="classCount">The number of classes K, at least 2.</param>
    /// <param name="predictedClass">The model's predicted class of each prediction, in [0, K).</param>
    /// <param name="labels">The actual classes, in [0, K).</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentException">The inputs are empty or do not pair up, a score is NaN or infinite, or a class
    /// is out of range (index named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 2.</exception>
    /// <remarks>O(n·K) for the counts and O(K·n log n) for the one-vs-rest AUCs (Mann–Whitney U with average ranks).</remarks>
    public static MulticlassClassificationMetrics Compute(
        ReadOnlySpan<double> scores, int classCount, ReadOnlySpan<int> predictedClass, ReadOnlySpan<int> labels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        var k = classCount;
        var n = labels.Length;
        if (n == 0)
        {
            throw new ArgumentException("There are no labelled predictions.", nameof(labels));
        }

        if (predictedClass.Length != n || scores.Length != (long)n * k)
        {
            throw new ArgumentException(
                $"{n} labels need {n} predicted classes and {(long)n * k} scores; got {predictedClass.Length} and {scores.Length}.",
                nameof(scores));
        }

        SampleGuard.ThrowIfEmptyOrNotFinite(scores);
        var confusion = new long[k * k];
        for (var i = 0; i < n; i++)
        {
            CheckClass(predictedClass[i], k, i, nameof(predictedClass));
            CheckClass(labels[i], k, i, nameof(labels));
            confusion[(predictedClass[i] * k) + labels[i]]++;
        }

        double correct = 0, precision = 0, recall = 0, specificity = 0, f1 = 0, auc = 0;
        var column = new double[n];
        var isClass = new bool[n];
        for (var c = 0; c < k; c++)
        {
            long tp = confusion[(c * k) + c], predicted = 0, actual = 0;
            for (var o = 0; o < k; o++)
            {
                predicted += confusion[(c * k) + o];
                actual += confusion[(o * k) + c];
            }

            var tn = n - predicted - actual + tp;
            correct += tp;
            precision += Rate(tp, predicted);
            recall += Rate(tp, actual);
            specificity += Rate(tn, n - actual);
            f1 += Rate(2 * tp, predicted + actual);
            if (actual == 0 || actual == n)
            {
                auc = double.NaN;
                continue;
            }

            for (var i = 0; i < n; i++)
            {
                column[i] = scores[(i * k) + c];
                isClass[i] = labels[i] == c;
            }

            auc += BinaryClassificationMetrics.Compute(column, isClass, isClass).RocAuc;
        }

        return new MulticlassClassificationMetrics(n, k, correct / n, precision / k, recall / k, specificity / k, f1 / k, auc / k, confusion);
    }

    private static void CheckClass(int value, int classCount, int index, string name)
    {
        if ((uint)value >= (uint)classCount)
        {
            throw new ArgumentException($"Classes must lie in [0, {classCount}); {name}[{index}] is {value}.", name);
        }
    }

    private static double Rate(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
