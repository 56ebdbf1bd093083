using MathNet.Numerics;

namespace AiGovernance.Statistics;

/// <summary>Pearson chi-squared tests of independence and of goodness of fit.</summary>
/// <remarks>
/// p-values are the regularized upper incomplete gamma Q(df/2, χ²/2), never 1 − CDF, so values near 10⁻³⁰⁰ survive.
/// </remarks>
public static class ChiSquared
{
    /// <summary>SciPy 1.10's relative tolerance for the sums of observed and expected frequencies.</summary>
    private const double SumRelativeTolerance = 1e-8;

    /// <summary>Tests independence of the rows and columns of a contingency table (<c>scipy.stats.chi2_contingency</c>).</summary>
    /// <param name="observed">Observed counts, r × c, non-negative, with no all-zero row or column.</param>
    /// <param name="yatesCorrection">Whether to apply Yates' continuity correction when df = 1.</param>
    /// <returns>The statistic, p-value, degrees of freedom and expected counts.</returns>
    /// <remarks>
    /// E = row sum × column sum / total; df = (r − 1)(c − 1). When df = 0 (a single row or column) the statistic is 0
    /// and p = 1, as SciPy. Yates (df = 1 only): each O moves toward E by min(0.5, |E − O|). O(r·c), one allocation for
    /// the expected table.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="observed"/> is null.</exception>
    /// <exception cref="ArgumentException">The table is empty, holds a negative count, or has a row or column summing to 0
    /// (its expected counts would be 0).</exception>
    public static ChiSquaredResult Contingency(long[,] observed, bool yatesCorrection = true)
    {
        ArgumentNullException.ThrowIfNull(observed);
        int rows = observed.GetLength(0), columns = observed.GetLength(1);
        if (rows == 0 || columns == 0)
        {
            throw new ArgumentException("The contingency table is empty.", nameof(observed));
        }

        var rowSums = rows <= 64 ? stackalloc double[rows] : new double[rows];
        var columnSums = columns <= 64 ? stackalloc double[columns] : new double[columns];
        rowSums.Clear();
        columnSums.Clear();
        double total = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var count = observed[r, c];
                if (count < 0)
                {
                    throw new ArgumentException($"The count at [{r}, {c}] is {count}; counts must be non-negative.", nameof(observed));
                }

                rowSums[r] += count;
                columnSums[c] += count;
                total += count;
            }
        }

        for (var r = 0; r < rows; r++)
        {
            if (rowSums[r] == 0)
            {
                throw new ArgumentException($"Row {r} sums to 0, so its expected counts are 0; remove empty rows first.", nameof(observed));
            }
        }

        for (var c = 0; c < columns; c++)
        {
            if (columnSums[c] == 0)
            {
                throw new ArgumentException($"Column {c} sums to 0, so its expected counts are 0; remove empty columns first.", nameof(observed));
            }
        }

        var expected = new double[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                expected[r, c] = rowSums[r] * columnSums[c] / total;
            }
        }

        var dof = (rows - 1) * (columns - 1);
        if (dof == 0)
        {
            return new ChiSquaredResult(0, 1, 0, expected);
        }

        var yates = yatesCorrection && dof == 1;
        double statistic = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                double o = observed[r, c];
                var e = expected[r, c];
                if (yates)
                {
                    var diff = e - o;
                    o += Math.Sign(diff) * Math.Min(0.5, Math.Abs(diff));
                }

                statistic += (o - e) * (o - e) / e;
            }
        }

        return new ChiSquaredResult(statistic, UpperTail(dof, statistic), dof, expected);
    }

    /// <summary>Tests observed frequencies against expected ones (<c>scipy.stats.chisquare(f_obs, f_exp)</c>).</summary>
    /// <param name="observed">Observed frequencies, non-negative; at least two categories.</param>
    /// <param name="expected">Expected frequencies, positive, same length; their sum must equal the observed sum to a
    /// relative tolerance of 10⁻⁸ (SciPy 1.10's check).</param>
    /// <returns>The statistic Σ(O − E)²/E, p = Q((k − 1)/2, χ²/2), df = k − 1, and the expected frequencies as one row.</returns>
    /// <remarks>O(k), one allocation for the expected row.</remarks>
    /// <exception cref="ArgumentException">Empty, NaN or infinite values, lengths differ, fewer than two categories, a
    /// negative observed or non-positive expected frequency, or the sums disagree.</exception>
    public static ChiSquaredResult GoodnessOfFit(ReadOnlySpan<double> observed, ReadOnlySpan<double> expected)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(observed);
        SampleGuard.ThrowIfEmptyOrNotFinite(expected);
        if (observed.Length != expected.Length)
        {
            throw new ArgumentException($"observed has {observed.Length} categories but expected has {expected.Length}.", nameof(expected));
        }

        ThrowIfTooFew(observed);
        double observedSum = 0, expectedSum = 0;
        for (var i = 0; i < observed.Length; i++)
        {
            if (observed[i] < 0)
            {
                throw new ArgumentException($"The observed frequency at index {i} is {observed[i]}; frequencies must be non-negative.",
                    nameof(observed));
            }

            if (!(expected[i] > 0))
            {
                throw new ArgumentException($"The expected frequency at index {i} is {expected[i]}; expected frequencies must be positive.",
                    nameof(expected));
            }

            observedSum += observed[i];
            expectedSum += expected[i];
        }

        var relative = Math.Abs(observedSum - expectedSum) / Math.Min(observedSum, expectedSum);
        if (!(relative <= SumRelativeTolerance))
        {
            throw new ArgumentException(
                $"The expected frequencies sum to {expectedSum} but the observed ones to {observedSum} (relative difference {relative:G3} > " +
                    $"{SumRelativeTolerance}); scale the expected frequencies to the observed total.",
                nameof(expected));
        }

        return Pearson(observed, expected);
    }

    /// <summary>Tests observed frequencies against equal expected frequencies (<c>scipy.stats.chisquare(f_obs)</c>).</summary>
    /// <param name="observed">Observed frequencies, non-negative, not all zero; at least two categories.</param>
    /// <returns>As <see cref="GoodnessOfFit(ReadOnlySpan{double}, ReadOnlySpan{double})"/> with E = mean(O).</returns>
    /// <exception cref="ArgumentException">Empty, NaN or infinite, fewer than two categories, a negative frequency, or all zero.</exception>
    public static ChiSquaredResult GoodnessOfFit(ReadOnlySpan<double> observed)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(observed);
        ThrowIfTooFew(observed);
        double sum = 0;
        for (var i = 0; i < observed.Length; i++)
        {
            if (observed[i] < 0)
            {
                throw new ArgumentException($"The observed frequency at index {i} is {observed[i]}; frequencies must be non-negative.",
                    nameof(observed));
            }

            sum += observed[i];
        }

        if (sum == 0)
        {
            throw new ArgumentException("All observed frequencies are 0; there is nothing to test.", nameof(observed));
        }

        var mean = sum / observed.Length;
        var expected = observed.Length <= 256 ? stackalloc double[observed.Length] : new double[observed.Length];
        expected.Fill(mean);
        return Pearson(observed, expected);
    }

    private static ChiSquaredResult Pearson(ReadOnlySpan<double> observed, ReadOnlySpan<double> expected)
    {
        double statistic = 0;
        var table = new double[1, expected.Length];
        for (var i = 0; i < observed.Length; i++)
        {
            var d = observed[i] - expected[i];
            statistic += d * d / expected[i];
            table[0, i] = expected[i];
        }

        var dof = observed.Length - 1;
        return new ChiSquaredResult(statistic, UpperTail(dof, statistic), dof, table);
    }

    private static void ThrowIfTooFew(ReadOnlySpan<double> observed)
    {
        if (observed.Length < 2)
        {
            throw new ArgumentException("A goodness-of-fit test needs at least two categories.", nameof(observed));
        }
    }

    /// <summary>The chi-squared survival function Q(df/2, x/2).</summary>
    internal static double UpperTail(int degreesOfFreedom, double statistic) =>
        statistic <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, statistic / 2);
}
