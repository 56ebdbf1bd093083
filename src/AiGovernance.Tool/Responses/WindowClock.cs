namespace AiGovernance.Samples.DriftJob.Responses;

/// <summary>A clock set to the end of the window being processed, so the response workflow's cool-down treats monthly
/// windows processed in one batch as a month apart (as they would be in a nightly schedule).</summary>
internal sealed class WindowClock : TimeProvider
{
    public WindowClock(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
