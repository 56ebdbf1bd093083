using System.Globalization;
using AiGovernance.Deployment.Rollout;
using Microsoft.Extensions.Options;

namespace AiGovernance.Samples.Extensions.ChangeFreeze;

/// <summary>Holds a rollout during change-freeze windows and, optionally, outside business hours. It never rolls back:
/// a freeze stops change, it does not judge the candidate. The canary analysis and the other rollout checks still run at every
/// evaluation, so a bad candidate is rolled back during a freeze all the same.</summary>
/// <param name="options">The windows and business hours.</param>
/// <param name="timeProvider">The clock (a <c>FakeTimeProvider</c> in tests).</param>
public sealed class ChangeFreezeRolloutCheck(IOptions<ChangeFreezeOptions> options, TimeProvider timeProvider) : IRolloutCheck
{
    private readonly ChangeFreezeOptions _options = options.Value;
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZoneId);

    /// <inheritdoc />
    public string Name => "change-freeze";

    /// <inheritdoc />
    public ValueTask<RolloutCheckResult> EvaluateAsync(RolloutCheckContext context, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var window in _options.Windows)
        {
            if (now >= window.Start && now < window.End)
            {
                return Result(RolloutCheckResult.Hold($"{window.Reason} until {window.End.ToString("u", CultureInfo.InvariantCulture)}."));
            }
        }

        if (_options.BusinessHoursOnly)
        {
            var local = TimeZoneInfo.ConvertTime(now, _zone);
            var time = TimeOnly.FromDateTime(local.DateTime);
            if (!_options.BusinessDays.Contains(local.DayOfWeek) || time < _options.BusinessHoursStart || time >= _options.BusinessHoursEnd)
            {
                return Result(RolloutCheckResult.Hold(string.Create(CultureInfo.InvariantCulture,
                    $"Outside business hours ({local.DayOfWeek} {time:HH\\:mm} {_zone.Id}); stages advance {_options.BusinessHoursStart:HH\\:mm}–{_options.BusinessHoursEnd:HH\\:mm}.")));
            }
        }

        return Result(RolloutCheckResult.Proceed("No change freeze in force."));

        static ValueTask<RolloutCheckResult> Result(RolloutCheckResult result) => ValueTask.FromResult(result);
    }
}
