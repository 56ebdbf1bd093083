namespace AiGovernance.Statistics;

/// <summary>An estimated quantity with the band in which its realised value is expected to fall.</summary>
/// <param name="Estimate">The point estimate; NaN when undefined (for example precision with no predicted positive).</param>
/// <param name="StandardError">The standard deviation of the realised value around the estimate; NaN when undefined.</param>
/// <param name="Lower">The band's lower bound.</param>
/// <param name="Upper">The band's upper bound.</param>
public readonly record struct BandedEstimate(double Estimate, double StandardError, double Lower, double Upper)
{
    /// <summary>Whether the estimate is defined.</summary>
    public bool IsDefined => !double.IsNaN(Estimate);

    /// <summary>Whether <paramref name="value"/> lies in [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
    /// <param name="value">A realised value.</param>
    /// <returns><see langword="true"/> when inside the band; <see langword="false"/> when outside or undefined.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Builds estimate ± z·se, clipped to [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    internal static BandedEstimate Normal(double estimate, double standardError, double z, double minimum, double maximum)
    {
        if (double.IsNaN(estimate) || double.IsNaN(standardError))
        {
            return new BandedEstimate(estimate, standardError, double.NaN, double.NaN);
        }

        var half = z * standardError;
        return new BandedEstimate(estimate, standardError, Math.Max(minimum, estimate - half), Math.Min(maximum, estimate + half));
    }
}
