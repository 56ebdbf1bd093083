namespace AiGovernance.Statistics;

/// <summary>A least-squares line y = Intercept + Slope·x (<see cref="LinearTrend.Fit(ReadOnlySpan{double}, ReadOnlySpan{double})"/>).</summary>
/// <param name="Slope">The slope, ssxy/ssx.</param>
/// <param name="Intercept">The intercept, ȳ − Slope·x̄.</param>
/// <param name="R">The Pearson correlation coefficient in [−1, 1] (0 when y is constant).</param>
/// <param name="PValue">The two-sided p-value of H₀: slope = 0 (Wald t-test with n − 2 degrees of freedom).</param>
/// <param name="StandardError">The standard error of the slope.</param>
/// <param name="InterceptStandardError">The standard error of the intercept.</param>
/// <param name="Count">The number of points n.</param>
public readonly record struct LinearTrendResult(double Slope, double Intercept, double R, double PValue, double StandardError,
    double InterceptStandardError, int Count)
{
    /// <summary>The fitted value Intercept + Slope·<paramref name="x"/>.</summary>
    /// <param name="x">The abscissa.</param>
    /// <returns>The point on the line.</returns>
    public double Predict(double x) => Intercept + (Slope * x);
}
