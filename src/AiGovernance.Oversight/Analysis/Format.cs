using System.Globalization;
using AiGovernance.Shared;

namespace AiGovernance.Oversight.Analysis;

/// <summary>Formats the rates, changes and p-values that override warnings state (invariant culture).</summary>
internal static class Format
{
    public static string Points(double rateChange) =>
        (rateChange * 100).ToString("+0.0##;-0.0##;0", CultureInfo.InvariantCulture) + " percentage points";

    public static string PointsMagnitude(double rateChange) =>
        Math.Abs(rateChange * 100).ToString("0.0##", CultureInfo.InvariantCulture) + " percentage points";

    public static string P(double p) => p < 1e-4 ? p.ToString("0.0e0", CultureInfo.InvariantCulture) : p.ToString("0.####",
        CultureInfo.InvariantCulture);

    public static string Rate(ProportionEstimate? estimate) => estimate is { } e
        ? string.Create(CultureInfo.InvariantCulture,
            $"{InvariantFormat.Percent(e.Rate)} ({e.Events} of {e.Trials}, CI " +
                $"{InvariantFormat.Percent(e.Interval.Lower)}-{InvariantFormat.Percent(e.Interval.Upper)})")
        : "n/a";
}
