using System.Globalization;

namespace AiGovernance.Shared;

/// <summary>Formats the numbers, rates and times that reports and messages state, always in the invariant culture, so a
/// report reads the same on every machine.</summary>
internal static class InvariantFormat
{
    /// <summary>The dash written where a number is not available (NaN).</summary>
    public const string NotAvailable = "–";

    /// <summary><paramref name="value"/> in <paramref name="format"/>; NaN is written as <see cref="NotAvailable"/>.</summary>
    public static string Number(double value, string format = "G6") =>
        double.IsNaN(value) ? NotAvailable : value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>An integer count, without group separators.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A rate in [0, 1] as a percentage with one or two decimals, for example <c>12.5%</c>.</summary>
    public static string Percent(double rate) => (rate * 100).ToString("0.0#", CultureInfo.InvariantCulture) + "%";

    /// <summary>A time in UTC to the second, for example <c>2026-01-31 12:00:00Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A time in UTC to the minute, for example <c>2026-01-31 12:00 UTC</c>.</summary>
    public static string Minute(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A UTC calendar date, for example <c>2026-01-31</c>.</summary>
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
