namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>A partial window: the profile of the rows one replica (or one batch worker) saw in a window since its last
/// flush, sent to the window grain.</summary>
/// <remarks>The grain counts each <see cref="FlushId"/> once, so a partial sent again after a lost acknowledgement is not
/// counted twice.</remarks>
[GenerateSerializer]
[Alias("AiGovernance.Monitoring.Orleans.DriftPartial")]
[Immutable]
public sealed class DriftPartial
{
    /// <summary>The longest <see cref="FlushId"/> or <see cref="Source"/>.</summary>
    public const int MaxIdLength = 200;

    /// <summary>The idempotency key: unique per partial, the same on every resend.</summary>
    [Id(0)]
    public required string FlushId { get; init; }

    /// <summary>Who sent it (a replica or worker name), for the window's report.</summary>
    [Id(1)]
    public required string Source { get; init; }

    /// <summary>The window's length; every partial of a window must agree.</summary>
    [Id(2)]
    public required TimeSpan WindowLength { get; init; }

    /// <summary>The rows, as <c>WindowProfile.ToJson()</c> on the reference's bins.</summary>
    [Id(3)]
    public required string ProfileJson { get; init; }

    /// <summary>The number of rows in the profile.</summary>
    [Id(4)]
    public long RowCount { get; init; }
}
