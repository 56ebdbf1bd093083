namespace AiGovernance.Statistics;

/// <summary>A window's calibrated probabilities summarised in O(bins) memory for confidence-based performance
/// estimation: per probability bin and predicted class, the count, Σp, Σp² and the smallest and largest p.</summary>
/// <remarks>
/// <para>Bins are <see cref="BinCount"/> equal-width intervals of [0, 1] (bin ⌊p·B⌋, p = 1 in the last); each is split by
/// the model's decision (predicted negative, predicted positive). Every sum is of the exact probabilities, so the
/// expected confusion matrix and the metrics built from it do not depend on the binning; only the ROC AUC treats pairs
/// within a cell as tied, with an error bounded by <see cref="BinaryPerformanceEstimate.RocAucResolution"/>.</para>
/// <para>Adding is O(1) per prediction with no allocation; histograms with the same bin count merge exactly (the
/// summary of partitions is the summary of the whole). Not thread-safe: use one per thread and <see cref="Merge"/>.</para>
/// </remarks>
public sealed class CalibratedProbabilityHistogram
{
    /// <summary>The default number of probability bins.</summary>
    public const int DefaultBinCount = 1000;

    private readonly long[] _count;
    private readonly double[] _sum;
    private readonly double[] _sumOfSquares;
    private readonly double[] _minimum;
    private readonly double[] _maximum;

    /// <summary>Creates an empty histogram.</summary>
    /// <param name="binCount">Equal-width probability bins, in [1, 1,000,000].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="binCount"/> is outside [1, 1,000,000].</exception>
    public CalibratedProbabilityHistogram(int binCount = DefaultBinCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(binCount, 1_000_000);
        BinCount = binCount;
        var cells = 2 * binCount;
        _count = new long[cells];
        _sum = new double[cells];
        _sumOfSquares = new double[cells];
        _minimum = new double[cells];
        _maximum = new double[cells];
        _minimum.AsSpan().Fill(double.PositiveInfinity);
        _maximum.AsSpan().Fill(double.NegativeInfinity);
    }

    /// <summary>The number of probability bins.</summary>
    public int BinCount { get; }

    /// <summary>How many predictions were added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one prediction.</summary>
    /// <param name="probability">Its calibrated probability of being positive, in [0, 1].</param>
    /// <param name="predictedPositive">The model's decision.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1] or NaN.</exception>
    public void Add(double probability, bool predictedPositive)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A calibrated probability must lie in [0, 1].");
        }

        AddUnchecked(probability, predictedPositive);
    }

    /// <summary>Adds predictions.</summary>
    /// <param name="probabilities">Calibrated probabilities of being positive, in [0, 1].</param>
    /// <param name="predictedPositive">The model's decision for each.</param>
    /// <exception cref="ArgumentException">The lengths differ, or a probability is outside [0, 1] or NaN (the message
    /// names the first bad index; nothing is added).</exception>
    public void Add(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> predictedPositive)
    {
        if (predictedPositive.Length != probabilities.Length)
        {
            throw new ArgumentException(
                $"predictedPositive has {predictedPositive.Length} values but probabilities has {probabilities.Length}.", nameof(predictedPositive));
        }

        for (var i = 0; i < probabilities.Length; i++)
        {
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1))
            {
                throw new ArgumentException(
                    $"Calibrated probabilities must lie in [0, 1]; index {i} holds {probabilities[i]}.", nameof(probabilities));
            }
        }

        for (var i = 0; i < probabilities.Length; i++)
        {
            AddUnchecked(probabilities[i], predictedPositive[i]);
        }
    }

    /// <summary>Adds another histogram's predictions to this one.</summary>
    /// <param name="other">A histogram with the same <see cref="BinCount"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The bin counts differ.</exception>
    public void Merge(CalibratedProbabilityHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.BinCount != BinCount)
        {
            throw new ArgumentException($"Cannot merge a histogram of {other.BinCount} bins into one of {BinCount}.", nameof(other));
        }

        for (var c = 0; c < _count.Length; c++)
        {
            _count[c] += other._count[c];
            _sum[c] += other._sum[c];
            _sumOfSquares[c] += other._sumOfSquares[c];
            _minimum[c] = Math.Min(_minimum[c], other._minimum[c]);
            _maximum[c] = Math.Max(_maximum[c], other._maximum[c]);
        }

        Count += other.Count;
    }

    /// <summary>Adds a prediction whose probability the caller has already checked to lie in [0, 1].</summary>
    internal void AddUnchecked(double probability, bool predictedPositive)
    {
        var bin = (int)(probability * BinCount);
        if (bin >= BinCount)
        {
            bin = BinCount - 1;
        }

        // Cells in ascending probability order; within a bin the predicted negatives come first, as a threshold on a
        // score that the calibration maps monotonically would order them.
        var cell = (2 * bin) + (predictedPositive ? 1 : 0);
        _count[cell]++;
        _sum[cell] += probability;
        _sumOfSquares[cell] += probability * probability;
        if (probability < _minimum[cell])
        {
            _minimum[cell] = probability;
        }

        if (probability > _maximum[cell])
        {
            _maximum[cell] = probability;
        }

        Count++;
    }

    internal int CellCount => _count.Length;

    internal long CellTotal(int cell) => _count[cell];

    internal double CellSum(int cell) => _sum[cell];

    internal double CellSumOfSquares(int cell) => _sumOfSquares[cell];

    internal double CellRange(int cell) => _count[cell] == 0 ? 0 : _maximum[cell] - _minimum[cell];

    internal static bool IsPredictedPositiveCell(int cell) => (cell & 1) == 1;
}
