namespace AiGovernance.Statistics;

/// <summary>A multiclass window's calibrated class probabilities summarised in memory that does not grow with the window,
/// for one-vs-rest confidence-based performance estimation
/// (<see cref="MulticlassConfidenceBasedPerformance.Estimate(MulticlassProbabilityAccumulator, double)"/>).</summary>
/// <remarks>
/// <para>Keeps, for each class k, a <see cref="CalibratedProbabilityHistogram"/> of pₖ split by whether k was the predicted
/// class (the one-vs-rest view, for ROC AUC), and for each predicted class j the count, Σ pₖ and the cross moments
/// Σ pₖ·pₗ over the predictions of class j (the exact expected confusion matrix and the covariances of the macro
/// averages). Memory O(K·bins + K³) for K classes, not O(n); adding is O(K²) per prediction with no allocation;
/// accumulators with the same class and bin counts merge exactly. Not thread-safe: use one per thread and
/// <see cref="Merge"/>.</para>
/// </remarks>
public sealed class MulticlassProbabilityAccumulator
{
    /// <summary>The most classes an accumulator holds (its cross moments grow as the cube of the class count).</summary>
    public const int MaxClassCount = 100;

    /// <summary>How far a row of probabilities may sum from 1.</summary>
    public const double RowSumTolerance = 1e-6;

    private readonly CalibratedProbabilityHistogram[] _oneVersusRest;
    private readonly long[] _predicted;
    private readonly double[] _sum;
    private readonly double[] _crossMoment;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="classCount">The number of classes, in [2, <see cref="MaxClassCount"/>].</param>
    /// <param name="binCount">Probability bins of each class's histogram, in [1, 1,000,000].</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public MulticlassProbabilityAccumulator(int classCount, int binCount = CalibratedProbabilityHistogram.DefaultBinCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, MaxClassCount);
        ClassCount = classCount;
        _oneVersusRest = new CalibratedProbabilityHistogram[classCount];
        for (var k = 0; k < classCount; k++)
        {
            _oneVersusRest[k] = new CalibratedProbabilityHistogram(binCount);
        }

        _predicted = new long[classCount];
        _sum = new double[classCount * classCount];
        _crossMoment = new double[classCount * classCount * classCount];
    }

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>The number of probability bins of each class's histogram.</summary>
    public int BinCount => _oneVersusRest[0].BinCount;

    /// <summary>How many predictions were added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds predictions.</summary>
    /// <param name="probabilities">Calibrated class probabilities, row-major: prediction i's probability of class k at
    /// i·<see cref="ClassCount"/> + k; each in [0, 1], each row summing to 1 within <see cref="RowSumTolerance"/>.</param>
    /// <param name="predictedClass">The model's predicted class of each prediction, in [0, <see cref="ClassCount"/>).</param>
    /// <exception cref="ArgumentException">The lengths do not pair up, a probability is outside [0, 1] or NaN, a row does
    /// not sum to 1, or a predicted class is out of range (the message names the first bad index; nothing is
    /// added).</exception>
    public void Add(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> predictedClass)
    {
        var k = ClassCount;
        if (probabilities.Length != (long)predictedClass.Length * k)
        {
            throw new ArgumentException(
                $"probabilities has {probabilities.Length} values but {predictedClass.Length} predictions of {k} classes need "
                + $"{(long)predictedClass.Length * k}.", nameof(probabilities));
        }

        for (var i = 0; i < predictedClass.Length; i++)
        {
            Validate(probabilities.Slice(i * k, k), predictedClass[i], i, nameof(probabilities), nameof(predictedClass));
        }

        for (var i = 0; i < predictedClass.Length; i++)
        {
            AddUnchecked(probabilities.Slice(i * k, k), predictedClass[i]);
        }
    }

    /// <summary>Adds another accumulator's predictions to this one.</summary>
    /// <param name="other">An accumulator with the same class and bin counts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The class or bin counts differ.</exception>
    public void Merge(MulticlassProbabilityAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.ClassCount != ClassCount || other.BinCount != BinCount)
        {
            throw new ArgumentException(
                $"Cannot merge an accumulator of {other.ClassCount} classes × {other.BinCount} bins into one of {ClassCount} × {BinCount}.",
                nameof(other));
        }

        for (var k = 0; k < ClassCount; k++)
        {
            _oneVersusRest[k].Merge(other._oneVersusRest[k]);
            _predicted[k] += other._predicted[k];
        }

        for (var c = 0; c < _sum.Length; c++)
        {
            _sum[c] += other._sum[c];
        }

        for (var c = 0; c < _crossMoment.Length; c++)
        {
            _crossMoment[c] += other._crossMoment[c];
        }

        Count += other.Count;
    }

    internal CalibratedProbabilityHistogram OneVersusRest(int k) => _oneVersusRest[k];

    internal long Predicted(int j) => _predicted[j];

    /// <summary>Σ pₖ over the predictions of class j: the expected count predicted j, actually k.</summary>
    internal double Sum(int j, int k) => _sum[(j * ClassCount) + k];

    /// <summary>Σ pₖ·pₗ over the predictions of class j.</summary>
    internal double CrossMoment(int j, int k, int l) => _crossMoment[(((j * ClassCount) + k) * ClassCount) + l];

    private void Validate(ReadOnlySpan<double> row, int predicted, int index, string probabilitiesName, string predictedName)
    {
        if ((uint)predicted >= (uint)ClassCount)
        {
            throw new ArgumentException(
                $"Predicted classes must lie in [0, {ClassCount}); index {index} holds {predicted}.", predictedName);
        }

        var total = 0.0;
        foreach (var p in row)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentException(
                    $"Calibrated probabilities must lie in [0, 1]; prediction {index} holds {p}.", probabilitiesName);
            }

            total += p;
        }

        if (Math.Abs(total - 1) > RowSumTolerance)
        {
            throw new ArgumentException(
                $"Each prediction's class probabilities must sum to 1; prediction {index} sums to {total}.", probabilitiesName);
        }
    }

    private void AddUnchecked(ReadOnlySpan<double> row, int predicted)
    {
        var k = ClassCount;
        for (var c = 0; c < k; c++)
        {
            _oneVersusRest[c].AddUnchecked(row[c], c == predicted);
        }

        _predicted[predicted]++;
        var sums = _sum.AsSpan(predicted * k, k);
        var moments = _crossMoment.AsSpan(predicted * k * k, k * k);
        for (var a = 0; a < k; a++)
        {
            var pa = row[a];
            sums[a] += pa;
            var line = moments.Slice(a * k, k);
            for (var b = 0; b < k; b++)
            {
                line[b] += pa * row[b];
            }
        }

        Count++;
    }
}
