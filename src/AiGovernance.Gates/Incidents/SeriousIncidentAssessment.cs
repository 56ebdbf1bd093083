namespace AiGovernance.Gates.Incidents;

/// <summary>A person's assessment of a raised record: the harms it caused and when the organisation became aware of it.</summary>
public sealed record SeriousIncidentAssessment
{
    /// <summary>The harms (Art. 3(49)); at least one, or <see cref="IsWidespreadInfringement"/>. An incident without any is
    /// dismissed instead (<see cref="SeriousIncidentRegister.DismissAsync"/>).</summary>
    public required IReadOnlyCollection<SeriousIncidentHarm> Harms { get; init; }

    /// <summary>Whether it is a widespread infringement (Art. 3(61)).</summary>
    public bool IsWidespreadInfringement { get; init; }

    /// <summary>When the organisation became aware of the serious incident, if later than the signal (for example the harm
    /// was discovered after the drift finding); <see langword="null"/> keeps the time the record was raised.</summary>
    public DateTimeOffset? AwareAt { get; init; }

    /// <summary>Who assessed it.</summary>
    public required string Actor { get; init; }
}
