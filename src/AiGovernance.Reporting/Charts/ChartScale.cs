namespace AiGovernance.Reporting.Charts;

/// <summary>A linear map from a value range onto a pixel range (reversed for a vertical axis, whose values grow upwards).</summary>
/// <param name="Min">The value drawn at <paramref name="From"/>.</param>
/// <param name="Max">The value drawn at <paramref name="To"/>.</param>
/// <param name="From">The pixel coordinate of <paramref name="Min"/>.</param>
/// <param name="To">The pixel coordinate of <paramref name="Max"/>.</param>
internal readonly record struct ChartScale(double Min, double Max, double From, double To)
{
    /// <summary>The pixel coordinate of <paramref name="value"/>.</summary>
    public double Map(double value) => From + ((value - Min) / (Max - Min) * (To - From));

    /// <summary>The smallest and largest defined value, or the fallbacks when there is none.</summary>
    public static (double Lo, double Hi) Range(IEnumerable<double?> values, double emptyLo = 0, double emptyHi = 1)
    {
        var lo = double.PositiveInfinity;
        var hi = double.NegativeInfinity;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
        }

        return lo <= hi ? (lo, hi) : (emptyLo, emptyHi);
    }
}
