using MathNet.Numerics.Distributions;

namespace AiGovernance.Statistics;

/// <summary>Mean absolute error and root mean squared error of a regressor on labelled data, with confidence intervals
/// for the expected error on data like it.</summary>
/// <remarks>
/// <para><b>MAE</b>: the mean of |eᵢ| (eᵢ = actual − predicted) with the Student-t interval mean ± t_{n−1}·s/√n, s the
/// sample standard deviation of |eᵢ| (SciPy <c>stats.t.interval(level, n − 1, loc=mean, scale=sem)</c>).</para>
/// <para><b>RMSE</b>: √(mean of eᵢ²); the same t interval is built for the mean squared error and its bounds are
/// square-rooted (clipped at 0), so the interval is exact in the transformation and never negative. The standard error
/// reported is the delta-method one, se(MSE)/(2·RMSE).</para>
/// <para>Both intervals rest on the central limit theorem for the mean of |e| or e²; heavy-tailed errors need larger
/// samples. O(n), no allocation. Checked against SciPy in <c>TestData/ridge_reference.py</c>.</para>
/// </remarks>
public static class RegressionError
{
    /// <summary>The mean absolute error with its interval.</summary>
    /// <param name="actual">The observed values; finite.</param>
    /// <param name="predicted">The predictions; finite, same length.</param>
    /// <param name="confidenceLevel">The two-sided level, in [0.5, 1).</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">Fewer than two pairs, lengths differ, or a value is NaN or infinite (index named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is outside [0.5, 1).</exception>
    public static RegressionErrorEstimate MeanAbsolute(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted, double confidenceLevel = 0.95)
    {
        var (mean, se, t) = MeanOfPower(actual, predicted, confidenceLevel, squared: false);
        return new RegressionErrorEstimate(mean, se, Math.Max(0, mean - (t * se)), mean + (t * se), actual.Length,
            $"Student-t interval on |error| (df {actual.Length - 1})");
    }

    /// <summary>The root mean squared error with its interval.</summary>
    /// <param name="actual">The observed values; finite.</param>
    /// <param name="predicted">The predictions; finite, same length.</param>
    /// <param name="confidenceLevel">The two-sided level, in [0.5, 1).</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">Fewer than two pairs, lengths differ, or a value is NaN or infinite (index named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is outside [0.5, 1).</exception>
    public static RegressionErrorEstimate RootMeanSquared(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted, double confidenceLevel = 0.95)
    {
        var (mse, se, t) = MeanOfPower(actual, predicted, confidenceLevel, squared: true);
        var rmse = Math.Sqrt(mse);
        return new RegressionErrorEstimate(rmse, rmse > 0 ? se / (2 * rmse) : 0, Math.Sqrt(Math.Max(0, mse - (t * se))), Math.Sqrt(mse + (t * se)),
            actual.Length, $"Student-t interval on squared error, square-rooted (df {actual.Length - 1})");
    }

    private static (double Mean, double StandardError, double T) MeanOfPower(
        ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted, double confidenceLevel, bool squared)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(actual);
        SampleGuard.ThrowIfEmptyOrNotFinite(predicted);
        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException(
                $"predicted has {predicted.Length} values but actual has {actual.Length}; they must pair up.", nameof(predicted));
        }

        if (actual.Length < 2)
        {
            throw new ArgumentException("An interval needs at least two pairs.", nameof(actual));
        }

        if (!(confidenceLevel >= 0.5 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must lie in [0.5, 1).");
        }

        var n = actual.Length;
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            var e = actual[i] - predicted[i];
            sum += squared ? e * e : Math.Abs(e);
        }

        var mean = sum / n;
        double ss = 0;
        for (var i = 0; i < n; i++)
        {
            var e = actual[i] - predicted[i];
            var d = (squared ? e * e : Math.Abs(e)) - mean;
            ss += d * d;
        }

        var se = Math.Sqrt(ss / (n - 1) / n);
        var t = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - confidenceLevel) / 2));
        return (mean, se, t);
    }
}
