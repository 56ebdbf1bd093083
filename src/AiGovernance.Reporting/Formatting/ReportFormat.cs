using System.Globalization;

namespace AiGovernance.Reporting.Formatting;

/// <summary>How every report writes numbers: a fixed number of significant digits, invariant culture, a dash for a value
/// that is not defined.</summary>
/// <remarks>
/// <para>A value with magnitude in [10⁻⁴, 10⁶) is written in positional notation with at least
/// <c>significantDigits</c> significant digits (0.0123, 0.100, 12.3, 4,560 is written 4560: the integer part is never
/// rounded away); smaller or larger magnitudes use a mantissa and exponent (1.23e-7, 4.56e8). Zero is <c>0</c>. The same
/// value is written the same way in HTML, Markdown and chart labels, so a reader can match them.</para>
/// <para>Undefined values (<see langword="null"/>, NaN) are written as <see cref="NotDefined"/>; infinities as ∞ and −∞.</para>
/// </remarks>
public static class ReportFormat
{
    /// <summary>What a report shows where a value is not defined.</summary>
    public const string NotDefined = "—";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes <paramref name="value"/> with <paramref name="significantDigits"/> significant digits.</summary>
    /// <param name="value">The value, or <see langword="null"/> when undefined.</param>
    /// <param name="significantDigits">Significant digits, 1 to 15.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="significantDigits"/> is outside 1 to 15.</exception>
    public static string Number(double? value, int significantDigits = ReportingDefaults.SignificantDigits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(significantDigits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(significantDigits, 15);
        if (value is not { } v || double.IsNaN(v))
        {
            return NotDefined;
        }

        if (double.IsInfinity(v))
        {
            return v > 0 ? "∞" : "−∞";
        }

        if (v == 0)
        {
            return "0";
        }

        var magnitude = Math.Floor(Math.Log10(Math.Abs(v)));
        if (magnitude is < -4 or >= 6)
        {
            return v.ToString("0." + new string('0', significantDigits - 1) + "e0", Inv);
        }

        var decimals = (int)Math.Max(0, significantDigits - 1 - magnitude);
        var rounded = Math.Round(v, decimals, MidpointRounding.AwayFromZero);

        // Rounding can carry into a new digit (0.0999 → 0.100): recompute the decimals for the rounded value.
        if (rounded != 0 && Math.Floor(Math.Log10(Math.Abs(rounded))) > magnitude)
        {
            decimals = (int)Math.Max(0, decimals - 1);
        }

        return rounded.ToString("F" + decimals.ToString(Inv), Inv);
    }

    /// <summary>Writes a rate in [0, 1] as a percentage with <paramref name="significantDigits"/> significant digits
    /// (0.123 → 12.3%, 0.0012 → 0.120%).</summary>
    /// <param name="rate">The rate, or <see langword="null"/> when undefined.</param>
    /// <param name="significantDigits">Significant digits, 1 to 15.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="significantDigits"/> is outside 1 to 15.</exception>
    public static string Percent(double? rate, int significantDigits = ReportingDefaults.SignificantDigits) =>
        rate is { } r && double.IsFinite(r) ? Number(r * 100, significantDigits) + "%" : Number(rate, significantDigits);

    /// <summary>Writes a count in full with thousands separators (12,345).</summary>
    /// <param name="count">The count.</param>
    /// <returns>The text.</returns>
    public static string Count(long count) => count.ToString("N0", Inv);

    /// <summary>Writes a time in UTC to the second (2026-01-31 12:00:00 UTC).</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Inv) + " UTC";

    /// <summary>Writes a UTC calendar date (2026-01-31).</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", Inv);

    /// <summary>Writes an interval as <c>[lower, upper]</c> with <paramref name="significantDigits"/> significant digits.</summary>
    /// <param name="lower">The lower bound, or <see langword="null"/>.</param>
    /// <param name="upper">The upper bound, or <see langword="null"/>.</param>
    /// <param name="percent">Whether the bounds are rates shown as percentages.</param>
    /// <param name="significantDigits">Significant digits, 1 to 15.</param>
    /// <returns>The text, or <see cref="NotDefined"/> when either bound is undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="significantDigits"/> is outside 1 to 15.</exception>
    public static string Interval(double? lower, double? upper, bool percent = false, int significantDigits = ReportingDefaults.SignificantDigits)
    {
        if (lower is null || upper is null)
        {
            return NotDefined;
        }

        return percent
            ? "[" + Percent(lower, significantDigits) + ", " + Percent(upper, significantDigits) + "]"
            : "[" + Number(lower, significantDigits) + ", " + Number(upper, significantDigits) + "]";
    }
}
