namespace AiGovernance.Gates.Incidents;

/// <summary>A serious-incident record as kept in the audit log: what was observed, when the organisation became aware, the
/// harms assessed, the reporting deadline with its provision, and the reports made.</summary>
public sealed record SeriousIncident
{
    /// <summary>The record's identifier, <c>incident-</c> followed by the audit sequence number of the record that raised it.</summary>
    public required string Id { get; init; }

    /// <summary>The AI system concerned.</summary>
    public required string SystemId { get; init; }

    /// <summary>What raised the record.</summary>
    public required string Source { get; init; }

    /// <summary>What was observed.</summary>
    public required string Summary { get; init; }

    /// <summary>When the record was raised.</summary>
    public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>When the organisation became aware of the incident; the reporting period runs from here.</summary>
    public required DateTimeOffset AwareAt { get; init; }

    /// <summary>The harms assessed (or suspected when raised).</summary>
    public required IReadOnlyList<SeriousIncidentHarm> Harms { get; init; }

    /// <summary>Whether it is a widespread infringement (Art. 3(61)).</summary>
    public required bool IsWidespreadInfringement { get; init; }

    /// <summary>Whether a person assessed the harms; until then the shortest reporting period applies.</summary>
    public required bool IsAssessed { get; init; }

    /// <summary>The applicable reporting period with its provision.</summary>
    public required ReportingPeriod ReportingPeriod { get; init; }

    /// <summary>The latest time to report: <see cref="AwareAt"/> plus the reporting period.</summary>
    public DateTimeOffset ReportingDeadline => AwareAt + ReportingPeriod.Period;

    /// <summary>Where the record stands.</summary>
    public required SeriousIncidentStatus Status { get; init; }

    /// <summary>The reports made, oldest first.</summary>
    public required IReadOnlyList<IncidentReport> Reports { get; init; }

    /// <summary>Why the record was dismissed, when it was.</summary>
    public string? DismissalReason { get; init; }

    /// <summary>Where the finding that raised it is recorded.</summary>
    public string? SourceReference { get; init; }

    /// <summary>The audit sequence numbers of the record's events, oldest first.</summary>
    public required IReadOnlyList<long> AuditSequences { get; init; }

    /// <summary>Whether the record is open past its deadline.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>Whether it is overdue.</returns>
    public bool IsOverdue(DateTimeOffset now) => Status == SeriousIncidentStatus.Open && now > ReportingDeadline;
}
