using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring;

/// <summary>Rules spanning several fields of <see cref="DriftMonitoringOptions"/>.</summary>
internal sealed class DriftMonitoringOptionsCrossFieldValidator : IValidateOptions<DriftMonitoringOptions>
{
    public ValidateOptionsResult Validate(string? name, DriftMonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Severity is { } severity)
        {
            failures.AddRange(severity.Problems());
        }

        if (options.Response is { } response && response.CoolDown < TimeSpan.Zero)
        {
            failures.Add($"Response.CoolDown must not be negative; got {response.CoolDown}.");
        }

        if (options.Response is { } timed && timed.HandlerTimeout <= TimeSpan.Zero && timed.HandlerTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"Response.HandlerTimeout must be positive (or Timeout.InfiniteTimeSpan); got {timed.HandlerTimeout}.");
        }

        if (options.VendorSla is { } vendor && vendor.Window <= TimeSpan.Zero)
        {
            failures.Add($"VendorSla.Window must be positive; got {vendor.Window}.");
        }

        if (options.DataDrift is { } drift && !Enum.IsDefined(drift.Correction))
        {
            failures.Add($"DataDrift.Correction {drift.Correction} is not a defined correction.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
