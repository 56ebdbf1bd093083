using AiGovernance.Core;

namespace AiGovernance.Gates.Incidents;

/// <summary>A sign that an AI system may have caused a serious incident, raised by a monitor (a drift response, an
/// oversight warning, a person) through <see cref="ISeriousIncidentRecorder"/>.</summary>
/// <remarks>Packages that may not reference Gates (Monitoring, Oversight) hand their findings to an adapter in the
/// application that builds this signal; see <c>samples/AiGovernance.Samples.Extensions/Incidents</c>.</remarks>
public sealed record IncidentSignal
{
    /// <summary>The AI system concerned.</summary>
    public required string SystemId { get; init; }

    /// <summary>What raised the signal, for example <c>monitoring.drift</c> or <c>oversight.warning</c>.</summary>
    public required string Source { get; init; }

    /// <summary>What was observed, in a sentence (cut to <see cref="SeriousIncidentRegister.MaxTextLength"/> characters).</summary>
    public required string Summary { get; init; }

    /// <summary>When the finding was observed; the reporting clock starts no later than this (fail closed).</summary>
    public required DateTimeOffset ObservedAt { get; init; }

    /// <summary>The severity the source gave, if any.</summary>
    public Severity? Severity { get; init; }

    /// <summary>The harms suspected so far; empty when not yet assessed, which gives the shortest reporting period.</summary>
    public IReadOnlyCollection<SeriousIncidentHarm> SuspectedHarms { get; init; } = [];

    /// <summary>Whether the incident is suspected to be a widespread infringement (Art. 3(61)).</summary>
    public bool IsWidespreadInfringement { get; init; }

    /// <summary>Where the finding is recorded, for example <c>audit #42</c> of the drift response workflow.</summary>
    public string? SourceReference { get; init; }
}
