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
/// <para>O(n) time, two passes, no allocation.</para>
/// </remarks>
public static class LinearTrend
{
    private const double Tiny = 1e-20;

    /// <summary>Fits y against x.</summary>
    /// <param name="x">The abscissae; finite, not all equal.</param>
    /// <param name="y">The ordinates; finite, same length as <paramref name="x"/>.</param>
    /// <returns>The fitted line and its statistics.</returns>
    /// <exception cref="ArgumentException">Fewer than two points, lengths differ, a value is NaN or infinite, or all x are equal.</exception>
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
        double sumX = 0, sumY = 0;
        for (var i = 0; i < n; i++)
        {
            sumX += x[i];
            sumY += y[i];
        }

        var meanX = sumX / n;
        var meanY = sumY / n;
        double sxx = 0, syy = 0, sxy = 0;
        var constantX = true;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
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
        var slope = ssxy / ssx;
        var intercept = meanY - (slope * meanX);
        if (n == 2)
        {
            return new LinearTrendResult(slope, intercept, r, y[0] == y[1] ? 1 : 0, 0, 0, n);
        }

        double df = n - 2;
        var t = r * Math.Sqrt(df / ((1 - r + Tiny) * (1 + r + Tiny)));
        var p = SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (t * t)));
        var stderr = Math.Sqrt((1 - (r * r)) * ssy / ssx / df);
        var interceptStderr = stderr * Math.Sqrt(ssx + (meanX * meanX));
        return new LinearTrendResult(slope, intercept, r, p, stderr, interceptStderr, n);
    }

    /// <summary>Fits y against its index x = 0, 1, …, n − 1 (a trend over equally spaced periods).</summary>
    /// <param name="y">The ordinates; at least two finite values.</param>
    /// <returns>The fitted line; <see cref="LinearTrendResult.Slope"/> is the change per period.</returns>
    /// <exception cref="ArgumentException">Fewer than two values, or a value is NaN or infinite.</exception>
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
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }
}
