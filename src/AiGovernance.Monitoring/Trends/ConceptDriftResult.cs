using AiGovernance.Monitoring.Responses;

namespace AiGovernance.Monitoring.Trends;

/// <summary>The latest performance against the mean of a trailing window.</summary>
/// <param name="Current">The latest performance.</param>
/// <param name="TrailingMean">The mean of the <paramref name="WindowSize"/> periods before it; NaN without enough history.</param>
/// <param name="Degradation">How much worse the latest is than the trailing mean (positive is worse); 0 without enough history.</param>
/// <param name="WindowSize">The trailing window's length.</param>
/// <param name="HasEnoughHistory">Whether at least <paramref name="WindowSize"/> earlier periods were given.</param>
/// <param name="IsDrifted">Whether the degradation exceeds the threshold.</param>
public readonly record struct ConceptDriftResult(double Current, double TrailingMean, double Degradation, int WindowSize, bool HasEnoughHistory,
    bool IsDrifted)
{
    /// <summary>An event for the <see cref="DriftResponseWorkflow"/>; its severity is classified from <see cref="Degradation"/>.</summary>
    /// <param name="systemId">The AI system.</param>
    /// <param name="metric">The performance metric's name, used as the event's subject.</param>
    /// <returns>The event.</returns>
    public DriftEvent ToDriftEvent(string systemId, string metric) => new()
    {
        SystemId = systemId,
        Kind = DriftEventKind.ConceptDrift,
        Subject = metric,
        Degradation = Math.Max(0, Degradation),
        Summary = FormattableString.Invariant($"{metric} {Current:F4} vs trailing mean {TrailingMean:F4} (degradation {Degradation:F4})."),
    };
}
