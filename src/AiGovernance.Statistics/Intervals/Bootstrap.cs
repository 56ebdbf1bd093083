using System.Buffers;

namespace AiGovernance.Statistics;

/// <summary>Seeded percentile bootstrap intervals, reproducible on every .NET version.</summary>
/// <remarks>
/// <para><b>Randomness:</b> one SplitMix64 stream per call (Steele, Lea &amp; Flood 2014: state += 0x9E3779B97F4A7C15,
/// then the MurmurHash3 finaliser with shifts 30, 27, 31), started from the caller's seed as an unsigned 64-bit state,
/// with Lemire's unbiased bounded draws (2019): the high word of x·n, redrawn while the low word is below
/// (2⁶⁴ − n) mod n. The sequence for a seed is fixed by this library, not by .NET's <see cref="Random"/>, so an
/// interval published with its seed can be recomputed anywhere.</para>
/// <para><b>Resampling</b> (the documented definition the tests re-implement independently): a resample draws n examples
/// with replacement. Only the examples' outcome cells matter, so the examples are held as cell counts c₀, c₁, … (in a
/// fixed cell order) with running ends e_k = c₀ + … + c_k; each draw takes a bounded draw u in [0, n)
/// and counts the first cell k with u &lt; e_k. That is exactly drawing a row uniformly from the rows sorted by cell.
/// Resample b uses draws b·n … (b + 1)·n − 1 of the stream.</para>
/// <para><b>Interval:</b> the statistic is computed on every resample; resamples where it is undefined (NaN) are left
/// out, and the interval is the R7 quantile pair (α/2, 1 − α/2) of the rest (<see cref="PercentileInterval"/>), as
/// <c>scipy.stats.bootstrap(method="percentile")</c> takes it. With no defined resample the interval is NaN.</para>
/// <para><b>Cost:</b> O(resamples · n) draws and one sort of the replicates; the counts are kept in stack memory, so the
/// only allocation is the replicate buffer (pooled).</para>
/// </remarks>
public static class Bootstrap
{
    /// <summary>The largest number of resamples a call accepts (the replicates are held in memory).</summary>
    public const int MaxResamples = 1_000_000;

    /// <summary>The percentile interval of bootstrap replicates: the R7 quantiles at α/2 and 1 − α/2, α = 1 − level.</summary>
    /// <param name="replicates">The statistic on each resample; NaN marks an undefined resample and is left out; ±∞ are
    /// ordered values (a bound between a −∞ and a +∞ replicate is NaN, as NumPy's).</param>
    /// <param name="confidenceLevel">The confidence level in (0, 1).</param>
    /// <returns>The interval; NaN bounds when no replicate is defined.</returns>
    /// <remarks>The quantiles are <see cref="SortedSample.Quantile(double)"/>'s (NumPy's default linear method), the one
    /// quantile definition of this library. O(n) with the radix sort.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is outside (0, 1).</exception>
    public static Interval PercentileInterval(ReadOnlySpan<double> replicates, double confidenceLevel = 0.95)
    {
        ProportionGuard.ThrowIfNotOpenUnit(confidenceLevel);
        var buffer = ArrayPool<double>.Shared.Rent(Math.Max(1, replicates.Length));
        try
        {
            var defined = 0;
            foreach (var value in replicates)
            {
                if (!double.IsNaN(value))
                {
                    buffer[defined++] = value;
                }
            }

            return PercentileIntervalInPlace(buffer.AsSpan(0, defined), confidenceLevel);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>A percentile bootstrap interval of a metric of one classifier's confusion counts.</summary>
    /// <param name="counts">The observed counts (the examples, by outcome); between 1 and <see cref="int.MaxValue"/> examples.</param>
    /// <param name="statistic">The metric, for example <c>c =&gt; c.F1</c>; NaN marks an undefined resample.</param>
    /// <param name="resamples">The number of resamples, in [1, <see cref="MaxResamples"/>].</param>
    /// <param name="seed">The seed of the SplitMix64 stream.</param>
    /// <param name="confidenceLevel">The confidence level in (0, 1).</param>
    /// <returns>The interval with the number of resamples and of defined ones.</returns>
    /// <remarks>Cells in the order TP, FP, FN, TN (see the class remarks for the draws). Resampling the counts is
    /// resampling the examples: the result is the same as for the labels the counts came from.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="statistic"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, there is no example or more than
    /// <see cref="int.MaxValue"/>, <paramref name="resamples"/> is outside [1, <see cref="MaxResamples"/>], or
    /// <paramref name="confidenceLevel"/> is outside (0, 1).</exception>
    public static BootstrapResult ConfusionMetric(
        ConfusionCounts counts, Func<ConfusionCounts, double> statistic, int resamples, long seed, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfNegative(counts.TruePositives, nameof(counts));
        ArgumentOutOfRangeException.ThrowIfNegative(counts.FalsePositives, nameof(counts));
        ArgumentOutOfRangeException.ThrowIfNegative(counts.FalseNegatives, nameof(counts));
        ArgumentOutOfRangeException.ThrowIfNegative(counts.TrueNegatives, nameof(counts));
        if (counts.TruePositives > int.MaxValue || counts.FalsePositives > int.MaxValue || counts.FalseNegatives > int.MaxValue
            || counts.TrueNegatives > int.MaxValue || counts.Count is < 1 or > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                nameof(counts), counts.Count, "The counts must hold between 1 and Int32.MaxValue examples (as many as a label array can).");
        }

        ThrowIfBadResamples(resamples);
        ProportionGuard.ThrowIfNotOpenUnit(confidenceLevel);

        Span<long> ends = [counts.TruePositives, 0, 0, 0];
        ends[1] = ends[0] + counts.FalsePositives;
        ends[2] = ends[1] + counts.FalseNegatives;
        ends[3] = ends[2] + counts.TrueNegatives;
        return Resample(ends, resamples, seed, confidenceLevel, drawn => statistic(new ConfusionCounts(drawn[0], drawn[1], drawn[2], drawn[3])));
    }

    /// <summary>A paired percentile bootstrap interval of a statistic comparing two classifiers scored on the same
    /// examples (for example the difference of their F1): both are scored on the same resampled examples.</summary>
    /// <param name="yTrue">The true labels; at least one.</param>
    /// <param name="yPredFirst">The first classifier's predicted labels.</param>
    /// <param name="yPredSecond">The second classifier's predicted labels.</param>
    /// <param name="statistic">The comparison, for example <c>(a, b) =&gt; a.F1 - b.F1</c>; NaN marks an undefined resample.</param>
    /// <param name="resamples">The number of resamples, in [1, <see cref="MaxResamples"/>].</param>
    /// <param name="seed">The seed of the SplitMix64 stream.</param>
    /// <param name="confidenceLevel">The confidence level in (0, 1).</param>
    /// <returns>The interval with the number of resamples and of defined ones.</returns>
    /// <remarks>An example's cell is the pair (first outcome, second outcome), 16 cells ordered first-major with each
    /// outcome in the order TP, FP, FN, TN (see the class remarks for the draws). O(n) to count, then O(resamples · n).</remarks>
    /// <exception cref="ArgumentException">The label arrays are empty or of different lengths.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="statistic"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> is outside [1, <see cref="MaxResamples"/>]
    /// or <paramref name="confidenceLevel"/> is outside (0, 1).</exception>
    public static BootstrapResult PairedConfusionMetric(
        ReadOnlySpan<bool> yTrue,
        ReadOnlySpan<bool> yPredFirst,
        ReadOnlySpan<bool> yPredSecond,
        Func<ConfusionCounts, ConfusionCounts, double> statistic,
        int resamples,
        long seed,
        double confidenceLevel = 0.95)
    {
        if (yTrue.IsEmpty)
        {
            throw new ArgumentException("There are no examples.", nameof(yTrue));
        }

        ClassificationGuard.ThrowIfLengthsDiffer(yTrue, yPredFirst.Length, nameof(yPredFirst));
        ClassificationGuard.ThrowIfLengthsDiffer(yTrue, yPredSecond.Length, nameof(yPredSecond));
        ArgumentNullException.ThrowIfNull(statistic);
        ThrowIfBadResamples(resamples);
        ProportionGuard.ThrowIfNotOpenUnit(confidenceLevel);

        Span<long> ends = stackalloc long[16];
        for (var i = 0; i < yTrue.Length; i++)
        {
            ends[(Cell(yTrue[i], yPredFirst[i]) * 4) + Cell(yTrue[i], yPredSecond[i])]++;
        }

        for (var k = 1; k < ends.Length; k++)
        {
            ends[k] += ends[k - 1];
        }

        return Resample(ends, resamples, seed, confidenceLevel, drawn => statistic(
            new ConfusionCounts(Sum(drawn.Slice(0, 4)), Sum(drawn.Slice(4, 4)), Sum(drawn.Slice(8, 4)), Sum(drawn.Slice(12, 4))),
            new ConfusionCounts(
                drawn[0] + drawn[4] + drawn[8] + drawn[12],
                drawn[1] + drawn[5] + drawn[9] + drawn[13],
                drawn[2] + drawn[6] + drawn[10] + drawn[14],
                drawn[3] + drawn[7] + drawn[11] + drawn[15])));
    }

    /// <summary>Draws <paramref name="resamples"/> resamples of the cells with running ends <paramref name="ends"/> from one
    /// SplitMix64 stream, evaluates the statistic on each and returns the percentile interval of the defined ones.</summary>
    private static BootstrapResult Resample(ReadOnlySpan<long> ends, int resamples, long seed, double confidenceLevel, CellStatistic statistic)
    {
        Span<long> drawn = stackalloc long[ends.Length];
        var random = new SplitMix64Random(seed);
        var replicates = ArrayPool<double>.Shared.Rent(resamples);
        try
        {
            var defined = 0;
            for (var b = 0; b < resamples; b++)
            {
                ResampleCells(ref random, ends, drawn);
                var value = statistic(drawn);
                if (!double.IsNaN(value))
                {
                    replicates[defined++] = value;
                }
            }

            return new BootstrapResult(PercentileIntervalInPlace(replicates.AsSpan(0, defined), confidenceLevel), resamples, defined);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(replicates);
        }
    }

    /// <summary>One resample of n = <c>ends[^1]</c> examples held as cells with running ends: each draw u in [0, n)
    /// counts the first cell k with u &lt; ends[k]. <paramref name="drawn"/> receives the counts.</summary>
    internal static void ResampleCells(ref SplitMix64Random random, ReadOnlySpan<long> ends, Span<long> drawn)
    {
        drawn.Clear();
        var n = (ulong)ends[^1];
        for (ulong r = 0; r < n; r++)
        {
            var u = random.NextBounded(n);
            var k = 0;
            while (u >= (ulong)ends[k])
            {
                k++;
            }

            drawn[k]++;
        }
    }

    /// <summary>The percentile interval of defined (non-NaN) replicates, sorting them in place.</summary>
    internal static Interval PercentileIntervalInPlace(Span<double> replicates, double confidenceLevel)
    {
        if (replicates.IsEmpty)
        {
            return new Interval(double.NaN, double.NaN);
        }

        DoubleSorter.SortInPlace(replicates);
        var alpha = 1 - confidenceLevel;
        return new Interval(SortedSample.QuantileR7(replicates, alpha / 2), SortedSample.QuantileR7(replicates, 1 - (alpha / 2)));
    }

    private static void ThrowIfBadResamples(int resamples)
    {
        if (resamples is < 1 or > MaxResamples)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, $"The number of resamples must lie in [1, {MaxResamples}].");
        }
    }

    /// <summary>The outcome cell in the order TP, FP, FN, TN.</summary>
    private static int Cell(bool actual, bool predicted) => (actual, predicted) switch
    {
        (true, true) => 0,
        (false, true) => 1,
        (true, false) => 2,
        _ => 3,
    };

    private static long Sum(ReadOnlySpan<long> values)
    {
        long sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>A statistic of one resample's cell counts.</summary>
    private delegate double CellStatistic(ReadOnlySpan<long> drawn);
}
