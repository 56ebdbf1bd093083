using Microsoft.Extensions.Options;

namespace AiGovernance.Samples.Extensions.ChangeFreeze;

/// <summary>Checks <see cref="ChangeFreezeOptions"/> at start-up: windows end after they start, the time zone exists and
/// business hours are a non-empty range on at least one day.</summary>
public sealed class ChangeFreezeOptionsValidator : IValidateOptions<ChangeFreezeOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ChangeFreezeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.Windows.Count; i++)
        {
            var window = options.Windows[i];
            if (window.End <= window.Start)
            {
                failures.Add($"Windows[{i}] ends at {window.End:O}, not after its start {window.Start:O}.");
            }
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZoneId, out _))
        {
            failures.Add($"TimeZoneId '{options.TimeZoneId}' is not a known time zone.");
        }

        if (options.BusinessHoursOnly && (options.BusinessHoursEnd <= options.BusinessHoursStart || options.BusinessDays.Count == 0))
        {
            failures.Add("Business hours must end after they start and include at least one day.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
