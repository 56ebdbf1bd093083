using System.Runtime.CompilerServices;
using AiGovernance.Core.Audit;

namespace AiGovernance.Core.Reports;

/// <summary>An <see cref="IGovernanceReportStore"/> held in memory: for tests and short-lived processes. A restart
/// forgets every report (their digests stay in a durable audit log).</summary>
/// <remarks>Thread-safe. Queries scan every stored report: O(n) per query.</remarks>
public sealed class InMemoryGovernanceReportStore : IGovernanceReportStore
{
    private readonly IAuditLog _auditLog;
    private readonly Lock _gate = new();
    private readonly List<StoredGovernanceReport> _reports = [];

    /// <summary>Creates an empty store.</summary>
    /// <param name="auditLog">Receives the digest of every stored report.</param>
    /// <exception cref="ArgumentNullException"><paramref name="auditLog"/> is null.</exception>
    public InMemoryGovernanceReportStore(IAuditLog auditLog)
    {
        ArgumentNullException.ThrowIfNull(auditLog);
        _auditLog = auditLog;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty.</exception>
    public async ValueTask<StoredGovernanceReport> StoreAsync(GovernanceReport report, string actor, CancellationToken cancellationToken = default)
    {
        var auditEvent = GovernanceReportAuditEvents.CreateStoredEvent(report, actor);
        var record = await _auditLog.AppendAsync(auditEvent, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var stored = new StoredGovernanceReport(_reports.Count + 1, report, record.Sequence);
            _reports.Add(stored);
            return stored;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The query is invalid.</exception>
    public async IAsyncEnumerable<StoredGovernanceReport> QueryAsync(GovernanceReportQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        StoredGovernanceReport[] matches;
        lock (_gate)
        {
            matches = [.. _reports.Where(r => Matches(r.Report, query))];
        }

        Array.Sort(matches, static (a, b) =>
        {
            var byTime = a.Report.CreatedAt.CompareTo(b.Report.CreatedAt);
            return byTime != 0 ? byTime : a.Id.CompareTo(b.Id);
        });
        foreach (var match in matches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return match;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public ValueTask<StoredGovernanceReport?> GetLatestAsync(string systemId, string kind, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        cancellationToken.ThrowIfCancellationRequested();
        StoredGovernanceReport? latest = null;
        lock (_gate)
        {
            foreach (var stored in _reports)
            {
                if (string.Equals(stored.Report.SystemId, systemId, StringComparison.Ordinal)
                    && string.Equals(stored.Report.Kind, kind, StringComparison.Ordinal)
                    && (latest is null || stored.Report.CreatedAt >= latest.Report.CreatedAt))
                {
                    latest = stored;
                }
            }
        }

        return ValueTask.FromResult(latest);
    }

    private static bool Matches(GovernanceReport report, GovernanceReportQuery query) =>
        string.Equals(report.SystemId, query.SystemId, StringComparison.Ordinal)
        && (query.Kind is null || string.Equals(report.Kind, query.Kind, StringComparison.Ordinal))
        && (query.From is not { } from || report.CreatedAt >= from)
        && (query.To is not { } to || report.CreatedAt < to);
}
