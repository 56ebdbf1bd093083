namespace AiGovernance.Samples.Dashboard.History;

/// <summary>The system clock shifted into the past while the seeder writes last year's history, then the system clock itself.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() - TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Makes <see cref="GetUtcNow"/> return <paramref name="at"/> now (and time run on from there).</summary>
    public void MoveTo(DateTimeOffset at) => Interlocked.Exchange(ref _offsetTicks, Math.Max(0, (System.GetUtcNow() - at).Ticks));
}
