using AiGovernance.Reporting.Json;
using AiGovernance.Statistics;

namespace AiGovernance.Reporting;

/// <summary>A point estimate with its confidence interval, as every report writes it; undefined parts are
/// <see langword="null"/> with the reason in <see cref="NullReasons"/> (a rate over zero cases has neither estimate nor
/// interval).</summary>
public sealed class EstimateWithInterval
{
    /// <summary>The point estimate.</summary>
    public double? Estimate { get; init; }

    /// <summary>The interval's lower bound.</summary>
    public double? Lower { get; init; }

    /// <summary>The interval's upper bound.</summary>
    public double? Upper { get; init; }

    /// <summary>Why each <see langword="null"/> value is undefined; <see langword="null"/> when all are defined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>An estimate with its interval; NaN or infinite parts become <see langword="null"/> with
    /// <paramref name="reason"/>.</summary>
    /// <param name="estimate">The estimate.</param>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound.</param>
    /// <param name="reason">Why a part may be undefined, for example "no cases in this group".</param>
    /// <returns>The estimate.</returns>
    public static EstimateWithInterval Of(double estimate, double lower, double upper, string reason)
    {
        var r = new NullReasons();
        return new EstimateWithInterval
        {
            Estimate = r.Value(estimate, "estimate", reason),
            Lower = r.Value(lower, "lower", reason),
            Upper = r.Value(upper, "upper", reason),
            NullReasons = r.Result,
        };
    }

    /// <summary>An estimate with an <see cref="Interval"/>.</summary>
    /// <param name="estimate">The estimate.</param>
    /// <param name="interval">The interval.</param>
    /// <param name="reason">Why a part may be undefined.</param>
    /// <returns>The estimate.</returns>
    public static EstimateWithInterval Of(double estimate, Interval interval, string reason) =>
        Of(estimate, interval.Lower, interval.Upper, reason);

    /// <summary>An estimate without an interval (the bounds are <see langword="null"/> with <paramref name="noInterval"/>).</summary>
    /// <param name="estimate">The estimate.</param>
    /// <param name="noInterval">Why there is no interval, for example "no bootstrap was run".</param>
    /// <param name="reason">Why the estimate may be undefined.</param>
    /// <returns>The estimate.</returns>
    public static EstimateWithInterval Point(double estimate, string noInterval, string reason = "not defined")
    {
        var r = new NullReasons();
        return new EstimateWithInterval
        {
            Estimate = r.Value(estimate, "estimate", reason),
            Lower = r.Missing("lower", noInterval),
            Upper = r.Missing("upper", noInterval),
            NullReasons = r.Result,
        };
    }
}
