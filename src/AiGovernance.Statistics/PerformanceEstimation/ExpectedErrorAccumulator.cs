namespace AiGovernance.Statistics;

/// <summary>Sums a window's per-prediction expected errors — E[|e| | x], E[e² | x] and E[e⁴ | x] from a loss model — in
/// O(1) memory and turns them into estimated MAE and RMSE with bands (direct loss estimation).</summary>
/// <remarks>
/// <para><b>Point estimates.</b> MAE = (1/n)·Σ E[|eᵢ|], MSE = (1/n)·Σ E[eᵢ²], RMSE = √MSE.</para>
/// <para><b>Bands.</b> Given the inputs, the realised errors are independent, so Var(realised MAE) =
/// (1/n²)·Σ (E[eᵢ²] − E[|eᵢ|]²) and Var(realised MSE) = (1/n²)·Σ (E[eᵢ⁴] − E[eᵢ²]²), both exact given the moments;
/// each band is estimate ± z·se (normal), the RMSE band the square root of the MSE band. Moments from a fitted model are
/// first made consistent: E[|e|] ≥ 0, E[e²] ≥ E[|e|]², E[e⁴] ≥ E[e²]² (Jensen). The loss model's own estimation
/// error, which does not shrink with the window's size, can be added to each band's variance.</para>
/// <para>Adding is O(1) and allocation-free; accumulators merge exactly. Not thread-safe.</para>
/// </remarks>
public sealed class ExpectedErrorAccumulator
{
    private double _absolute;
    private double _absoluteVariance;
    private double _squared;
    private double _squaredVariance;

    /// <summary>Predictions added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one prediction's expected errors (moments from a loss model; made consistent as described).</summary>
    /// <param name="expectedAbsoluteError">E[|e| | x].</param>
    /// <param name="expectedSquaredError">E[e² | x].</param>
    /// <param name="expectedFourthPowerError">E[e⁴ | x].</param>
    /// <exception cref="ArgumentException">A moment is NaN or infinite.</exception>
    public void Add(double expectedAbsoluteError, double expectedSquaredError, double expectedFourthPowerError)
    {
        if (!double.IsFinite(expectedAbsoluteError) || !double.IsFinite(expectedSquaredError) || !double.IsFinite(expectedFourthPowerError))
        {
            throw new ArgumentException(
                $"Expected errors must be finite; got |e| {expectedAbsoluteError}, e² {expectedSquaredError}, e⁴ {expectedFourthPowerError}.",
                nameof(expectedAbsoluteError));
        }

        var absolute = Math.Max(0, expectedAbsoluteError);
        var squared = Math.Max(absolute * absolute, expectedSquaredError);
        var fourth = Math.Max(squared * squared, expectedFourthPowerError);
        _absolute += absolute;
        _absoluteVariance += squared - (absolute * absolute);
        _squared += squared;
        _squaredVariance += fourth - (squared * squared);
        Count++;
    }

    /// <summary>Adds another accumulator's sums.</summary>
    /// <param name="other">The other accumulator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public void Merge(ExpectedErrorAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _absolute += other._absolute;
        _absoluteVariance += other._absoluteVariance;
        _squared += other._squared;
        _squaredVariance += other._squaredVariance;
        Count += other.Count;
    }

    /// <summary>The estimated errors with bands.</summary>
    /// <param name="confidenceLevel">The bands' two-sided coverage, in (0, 1).</param>
    /// <param name="absoluteModelVariance">The variance of the loss model's estimate of the window's mean |e| (its own
    /// estimation error from a finite reference, for example <see cref="RidgeRegression.FittedValueVariance"/> at the
    /// window's mean features); added to the MAE band's variance. 0 to leave it out.</param>
    /// <param name="squaredModelVariance">The same for the window's mean e²; added to the MSE (and so RMSE) band.</param>
    /// <returns>The estimates; NaN when nothing was added.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is outside (0, 1), or a model
    /// variance is negative or NaN.</exception>
    public ExpectedRegressionErrors Estimate(double confidenceLevel, double absoluteModelVariance = 0, double squaredModelVariance = 0)
    {
        if (!(absoluteModelVariance >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(absoluteModelVariance), absoluteModelVariance, "A variance must be ≥ 0.");
        }

        if (!(squaredModelVariance >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(squaredModelVariance), squaredModelVariance, "A variance must be ≥ 0.");
        }

        var n = (double)Count;
        var mae = Count == 0 ? double.NaN : _absolute / n;
        var mse = Count == 0 ? double.NaN : _squared / n;
        var maeSe = Count == 0 ? double.NaN : Math.Sqrt((_absoluteVariance / (n * n)) + absoluteModelVariance);
        var mseSe = Count == 0 ? double.NaN : Math.Sqrt((_squaredVariance / (n * n)) + squaredModelVariance);
        var maeBand = BandedEstimate.FromStandardError(mae, maeSe, confidenceLevel, 0);
        var mseBand = BandedEstimate.FromStandardError(mse, mseSe, confidenceLevel, 0);
        var rmse = Math.Sqrt(mse);
        var rmseSe = rmse > 0 ? mseBand.StandardError / (2 * rmse) : 0;
        var rmseBand = new BandedEstimate(rmse, rmseSe, Math.Sqrt(mseBand.Lower), Math.Sqrt(mseBand.Upper));
        return new ExpectedRegressionErrors(Count, confidenceLevel, maeBand, mseBand, rmseBand);
    }
}
