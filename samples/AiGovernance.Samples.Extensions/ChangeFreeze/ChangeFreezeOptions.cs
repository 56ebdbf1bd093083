namespace AiGovernance.Samples.Extensions.ChangeFreeze;

/// <summary>Options of the <see cref="ChangeFreezeRolloutCheck"/>.</summary>
public sealed class ChangeFreezeOptions
{
    /// <summary>The freeze windows.</summary>
    /// <value>The default value is empty.</value>
    public IList<ChangeFreezeWindow> Windows { get; } = [];

    /// <summary>Whether stages advance only within business hours, when someone is there to watch the next stage.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool BusinessHoursOnly { get; set; } = true;

    /// <summary>The time zone business hours are read in (an IANA or Windows id).</summary>
    /// <value>The default value is "UTC".</value>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>The start of business hours (inclusive), local time.</summary>
    /// <value>The default value is 09:00.</value>
    public TimeOnly BusinessHoursStart { get; set; } = new(9, 0);

    /// <summary>The end of business hours (exclusive), local time.</summary>
    /// <value>The default value is 16:00, leaving an hour to watch a stage before people leave.</value>
    public TimeOnly BusinessHoursEnd { get; set; } = new(16, 0);

    /// <summary>The business days.</summary>
    /// <value>The default value is Monday to Friday.</value>
    public IList<DayOfWeek> BusinessDays { get; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
}
