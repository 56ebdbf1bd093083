using System.Buffers;
using MathNet.Numerics;

namespace AiGovernance.Statistics;

/// <summary>Ordinary least-squares line with the significance of its slope (<c>scipy.stats.linregress</c>, SciPy 1.10.1).</summary>
/// <remarks>
/// <para>ssx, ssy and ssxy are the biased (÷ n) centred sums; r = ssxy/√(ssx·ssy) clipped to [−1, 1] (0 when ssy = 0),
/// slope = ssxy/ssx, intercept = ȳ − slope·x̄.</para>
/// <para>With n = 2 the line is exact: p = 1 when y₀ = y₁ and 0 otherwise, both standard errors 0 (as SciPy).
/// Otherwise df = n − 2, t = r·√(df/((1 − r + 10⁻²⁰)(1 + r + 10⁻²⁰))) and p = 2·T_df(|t|) upper tail, computed as
/// I_{df/(df+t²)}(df/2, 1/2) so tiny p-values survive; stderr = √((1 − r²)·ssy/ssx/df) and
/// intercept stderr = stderr·√(ssx + x̄²).</para>
/// <para>x and y are first scaled by powers of two (exact) so subnormal or near-±1e308 data neither underflow nor overflow
/// the centred sums; a line whose slope or intercept is itself beyond the double range is rejected.</para>
/// <para>O(n) time, two passes, no allocation.</para>
/// </remarks>
public static class LinearTrend
{
    private const double Tiny = 1e-20;

    /// <summary>Fits y against x.</summary>
    /// <param name="x">The abscissae; finite, not all equal.</param>
    /// <param name="y">The ordinates; finite, same length as <paramref name="x"/>.</param>
    /// <returns>The fitted line and its statistics.</returns>
    /// <exception cref="ArgumentException">Fewer than two points, lengths differ, a value is NaN or infinite, all x are equal,
    /// or x varies so little relative to y that the slope or intercept exceeds the range of a double (named <paramref name="x"/>).</exception>
    public static LinearTrendResult Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(x);
        SampleGuard.ThrowIfEmptyOrNotFinite(y);
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values but y has {y.Length}; they must pair up.", nameof(y));
        }

        if (x.Length < 2)
        {
            throw new ArgumentException("A regression needs at least two points.", nameof(x));
        }

        var n = x.Length;

        // x and y are scaled by powers of two so their largest magnitudes are near 1 before any subtraction or square:
        // subnormal x would otherwise underflow ssx to 0 (slope NaN) and x or y near ±1e308 would overflow the sums.
        // Power-of-two scaling is exact, so in the normal range every intermediate is the unscaled one times 2^k and the
        // results are bit-identical to the unscaled formulas; the scales are applied back at the end.
        var xExponent = ScaleExponent(x);
        var yExponent = ScaleExponent(y);
        var xScale = Math.ScaleB(1.0, -xExponent);
        var yScale = Math.ScaleB(1.0, -yExponent);
        double sumX = 0, sumY = 0;
        for (var i = 0; i < n; i++)
        {
            sumX += x[i] * xScale;
            sumY += y[i] * yScale;
        }

        var meanX = sumX / n;
        var meanY = sumY / n;
        double sxx = 0, syy = 0, sxy = 0;
        var constantX = true;
        for (var i = 0; i < n; i++)
        {
            var dx = (x[i] * xScale) - meanX;
            var dy = (y[i] * yScale) - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
            constantX &= x[i] == x[0];
        }

        if (constantX)
        {
            throw new ArgumentException($"All x values equal {x[0]}; a slope cannot be estimated from a constant x.", nameof(x));
        }

        var ssx = sxx / n;
        var ssy = syy / n;
        var ssxy = sxy / n;
        var r = ssx == 0 || ssy == 0 ? 0 : Math.Clamp(ssxy / Math.Sqrt(ssx * ssy), -1, 1);
        var scaledSlope = ssxy / ssx;
        var slope = Math.ScaleB(scaledSlope, yExponent - xExponent);
        var intercept = Math.ScaleB(meanY - (scaledSlope * meanX), yExponent);
        if (!double.IsFinite(slope) || !double.IsFinite(intercept))
        {
            throw new ArgumentException(
                $"The fitted line is outside the range of a double (slope {slope}, intercept {intercept}): x varies too little relative to y.",
                nameof(x));
        }

        if (n == 2)
        {
            return new LinearTrendResult(slope, intercept, r, y[0] == y[1] ? 1 : 0, 0, 0, n);
        }

        double df = n - 2;
        var t = r * Math.Sqrt(df / ((1 - r + Tiny) * (1 + r + Tiny)));
        var p = SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (t * t)));
        var scaledStderr = Math.Sqrt((1 - (r * r)) * ssy / ssx / df);
        var stderr = Math.ScaleB(scaledStderr, yExponent - xExponent);
        var interceptStderr = Math.ScaleB(scaledStderr * Math.Sqrt(ssx + (meanX * meanX)), yExponent);
        return new LinearTrendResult(slope, intercept, r, p, stderr, interceptStderr, n);
    }

    /// <summary>The binary exponent that brings the largest magnitude of <paramref name="values"/> near 1, bounded so
    /// 2^−k stays a normal double (0 when all values are 0).</summary>
    private static int ScaleExponent(ReadOnlySpan<double> values)
    {
        double largest = 0;
        foreach (var v in values)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        return largest == 0 ? 0 : Math.Clamp(Math.ILogB(largest), -1000, 1000);
    }

    /// <summary>Fits y against its index x = 0, 1, …, n − 1 (a trend over equally spaced periods).</summary>
    /// <param name="y">The ordinates; at least two finite values.</param>
    /// <returns>The fitted line; <see cref="LinearTrendResult.Slope"/> is the change per period.</returns>
    /// <exception cref="ArgumentException">Fewer than two values, a value is NaN or infinite, or the values are so close to
    /// ±<see cref="double.MaxValue"/> that the fitted slope or intercept is beyond the double range.</exception>
    public static LinearTrendResult Fit(ReadOnlySpan<double> y)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(y);
        if (y.Length < 2)
        {
            throw new ArgumentException("A trend needs at least two values.", nameof(y));
        }

        var n = y.Length;
        double[]? rented = null;
        var x = n <= 256 ? stackalloc double[256] : (rented = ArrayPool<double>.Shared.Rent(n));
        x = x[..n];
        for (var i = 0; i < n; i++)
        {
            x[i] = i;
        }

        try
        {
            return Fit(x, y);
        }
        catch (ArgumentException e) when (e.ParamName == nameof(x))
        {
            // The index cannot be at fault: the values are so close to ±double.MaxValue that their line is not representable.
            throw new ArgumentException(e.Message, nameof(y), e);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }
}
