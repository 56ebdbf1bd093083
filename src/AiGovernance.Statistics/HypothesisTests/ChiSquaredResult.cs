namespace AiGovernance.Statistics;

/// <summary>The outcome of a Pearson chi-squared test (<see cref="ChiSquared"/>).</summary>
public readonly record struct ChiSquaredResult
{
    private readonly double[,]? _expected;

    internal ChiSquaredResult(double statistic, double pValue, int degreesOfFreedom, double[,] expected)
    {
        Statistic = statistic;
        PValue = pValue;
        DegreesOfFreedom = degreesOfFreedom;
        _expected = expected;
    }

    /// <summary>The Pearson statistic Σ(O − E)²/E (after the Yates correction when it applied).</summary>
    public double Statistic { get; }

    /// <summary>The upper-tail p-value Q(df/2, χ²/2), in [0, 1].</summary>
    public double PValue { get; }

    /// <summary>The degrees of freedom: (r − 1)(c − 1) for a table, k − 1 for a goodness of fit.</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>The expected frequencies (a copy): row sum × column sum / total for a table; for a goodness of fit a
    /// single row holding the expected frequencies as given.</summary>
    public double[,] Expected => _expected is null ? new double[0, 0] : (double[,])_expected.Clone();

    /// <summary>One expected frequency without copying the table.</summary>
    /// <param name="row">The row index.</param>
    /// <param name="column">The column index.</param>
    /// <returns>The expected frequency of that cell.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the table.</exception>
    public double ExpectedAt(int row, int column)
    {
        var table = _expected ?? new double[0, 0];
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, table.GetLength(0));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, table.GetLength(1));
        return table[row, column];
    }
}
