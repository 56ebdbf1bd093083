namespace AiGovernance.Core.Reports;

/// <summary>The history of governance reports (drift, fairness, canary, oversight, scorecards) by system, kind and time:
/// the basis of trend views over weeks and months.</summary>
/// <remarks>Every stored report's digest is first appended to the audit log (event
/// <see cref="GovernanceReportAuditEvents.Stored"/>), so a report changed in the store no longer matches the digest the
/// audit chain holds. Implementations are safe for concurrent use.</remarks>
public interface IGovernanceReportStore
{
    /// <summary>Stores a report after recording its digest in the audit log.</summary>
    /// <param name="report">The report.</param>
    /// <param name="actor">Who stores it (a job or service name), for the audit record.</param>
    /// <param name="cancellationToken">Cancels the operation before anything is written.</param>
    /// <returns>The report as stored.</returns>
    ValueTask<StoredGovernanceReport> StoreAsync(GovernanceReport report, string actor, CancellationToken cancellationToken = default);

    /// <summary>Streams the reports a query matches, ordered by creation time, then by id.</summary>
    /// <param name="query">The system, kind and time range.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The matching reports.</returns>
    IAsyncEnumerable<StoredGovernanceReport> QueryAsync(GovernanceReportQuery query, CancellationToken cancellationToken = default);

    /// <summary>The most recent report of a system and kind.</summary>
    /// <param name="systemId">The system.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report with the latest creation time (the highest id among equal times), or <see langword="null"/>.</returns>
    ValueTask<StoredGovernanceReport?> GetLatestAsync(string systemId, string kind, CancellationToken cancellationToken = default);
}
