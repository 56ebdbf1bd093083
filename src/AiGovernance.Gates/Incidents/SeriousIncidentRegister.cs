using System.Text.Json;
using AiGovernance.Core.Audit;

namespace AiGovernance.Gates.Incidents;

/// <summary>Keeps serious-incident records (Art. 73) in the audit log: raises them from signals, records assessments,
/// reports and dismissals, and answers which records are open and overdue.</summary>
/// <remarks>
/// <para>The audit log is the store: every change is an audit event (<see cref="GatesAuditEvents"/>, <c>Incident…</c>) and the
/// records are rebuilt by reading the log, so nothing that matters lives only in memory and the hash chain makes the
/// history tamper-evident. Reading costs O(n) in the log's length.</para>
/// <para>A raised record is not yet assessed, so the shortest period (2 days, Art. 73(3)) runs from the earlier of the
/// observation and the raise until a person assesses it. Changes through one register are serialised; registers in several
/// processes sharing a log may interleave, and a change invalid for the record's state then fails here, not there.</para>
/// <para>Text from signals (summary, source, references) is cut to <see cref="MaxTextLength"/> characters; the audit log
/// stores it as JSON, which escapes it.</para>
/// </remarks>
public sealed class SeriousIncidentRegister : ISeriousIncidentRecorder, IDisposable
{
    /// <summary>The longest text kept from a signal or a person.</summary>
    public const int MaxTextLength = 1024;

    private const string IdPrefix = "incident-";
    private readonly IAuditLog _auditLog;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _changes = new(1, 1);

    /// <summary>Creates a register.</summary>
    /// <param name="auditLog">Where the records are kept.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SeriousIncidentRegister(IAuditLog auditLog, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(auditLog);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _auditLog = auditLog;
        _timeProvider = timeProvider;
    }

    /// <summary>Releases the lock that serialises changes.</summary>
    public void Dispose() => _changes.Dispose();

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="signal"/> is null.</exception>
    /// <exception cref="ArgumentException">The signal's system id, source or summary is empty, or a harm is undefined.</exception>
    public async ValueTask<SeriousIncident> RaiseAsync(IncidentSignal signal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentException.ThrowIfNullOrWhiteSpace(signal.SystemId, nameof(signal));
        ArgumentException.ThrowIfNullOrWhiteSpace(signal.Source, nameof(signal));
        ArgumentException.ThrowIfNullOrWhiteSpace(signal.Summary, nameof(signal));
        var harms = Harms(signal.SuspectedHarms ?? [], nameof(signal));
        var now = _timeProvider.GetUtcNow();
        var awareAt = signal.ObservedAt < now ? signal.ObservedAt : now;
        var period = SeriousIncidentDeadlines.GetPeriod([], isWidespreadInfringement: false);
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var payload = new IncidentAuditJson
            {
                IncidentId = "pending",
                Source = Cut(signal.Source),
                Summary = Cut(signal.Summary),
                ObservedAt = signal.ObservedAt,
                AwareAt = awareAt,
                Harms = [.. harms.Select(h => h.ToString())],
                Widespread = signal.IsWidespreadInfringement,
                Severity = signal.Severity?.ToString(),
                SourceReference = signal.SourceReference is null ? null : Cut(signal.SourceReference),
                Deadline = awareAt + period.Period,
                DeadlineCitation = period.Citation,
            };
            var record = await AppendAsync(GatesAuditEvents.IncidentRaised, Cut(signal.Source), Cut(signal.SystemId), payload, cancellationToken)
                .ConfigureAwait(false);
            return (await FindAsync(IdPrefix + record.Sequence, cancellationToken).ConfigureAwait(false))!;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Records a person's assessment: the harms and when the organisation became aware; the deadline is recomputed.</summary>
    /// <param name="incidentId">The record.</param>
    /// <param name="assessment">The assessment.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>The record as assessed.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The assessment names no harm and no widespread infringement, an undefined harm, an
    /// awareness time in the future, or no actor.</exception>
    /// <exception cref="KeyNotFoundException">No such record.</exception>
    /// <exception cref="InvalidOperationException">The record was already reported or dismissed.</exception>
    public async ValueTask<SeriousIncident> AssessAsync(
        string incidentId, SeriousIncidentAssessment assessment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incidentId);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentException.ThrowIfNullOrWhiteSpace(assessment.Actor, nameof(assessment));
        var harms = Harms(assessment.Harms ?? [], nameof(assessment));
        if (harms.Count == 0 && !assessment.IsWidespreadInfringement)
        {
            throw new ArgumentException("An assessment names at least one harm (Art. 3(49)) or a widespread infringement; dismiss the record "
                + "if it is not a serious incident.", nameof(assessment));
        }

        return await ChangeAsync(incidentId, SeriousIncidentStatus.Open, assessment.Actor, (incident, now) =>
        {
            var awareAt = assessment.AwareAt ?? incident.AwareAt;
            if (awareAt > now)
            {
                throw new ArgumentException($"The awareness time {awareAt:O} is in the future.", nameof(assessment));
            }

            var period = SeriousIncidentDeadlines.GetPeriod(harms, assessment.IsWidespreadInfringement);
            return (GatesAuditEvents.IncidentAssessed, new IncidentAuditJson
            {
                IncidentId = incident.Id,
                AwareAt = awareAt,
                Harms = [.. harms.Select(h => h.ToString())],
                Widespread = assessment.IsWidespreadInfringement,
                Deadline = awareAt + period.Period,
                DeadlineCitation = period.Citation,
            });
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a report made to an authority.</summary>
    /// <param name="incidentId">The record.</param>
    /// <param name="authority">To whom it was made.</param>
    /// <param name="isComplete">Whether it is the complete report or an initial incomplete one (Art. 73(5)).</param>
    /// <param name="actor">Who recorded it.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>The record as reported.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    /// <exception cref="KeyNotFoundException">No such record.</exception>
    /// <exception cref="InvalidOperationException">The record was dismissed.</exception>
    public ValueTask<SeriousIncident> RecordReportAsync(string incidentId, string authority, bool isComplete, string actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incidentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(authority);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return ChangeAsync(incidentId, null, actor, (incident, now) => (GatesAuditEvents.IncidentReported, new IncidentAuditJson
        {
            IncidentId = incident.Id, ReportedAt = now, Authority = Cut(authority), Complete = isComplete,
        }), cancellationToken);
    }

    /// <summary>Records that an open record is not a serious incident.</summary>
    /// <param name="incidentId">The record.</param>
    /// <param name="reason">Why (for example: no harm under Art. 3(49) resulted).</param>
    /// <param name="actor">Who decided.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>The record as dismissed.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    /// <exception cref="KeyNotFoundException">No such record.</exception>
    /// <exception cref="InvalidOperationException">The record was already reported or dismissed.</exception>
    public ValueTask<SeriousIncident> DismissAsync(string incidentId, string reason, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incidentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return ChangeAsync(incidentId, SeriousIncidentStatus.Open, actor, (incident, _) =>
            (GatesAuditEvents.IncidentDismissed, new IncidentAuditJson { IncidentId = incident.Id, Reason = Cut(reason) }), cancellationToken);
    }

    /// <summary>Every record, rebuilt from the audit log, in the order raised.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    /// <exception cref="InvalidDataException">An incident event in the log cannot be read; the message names its sequence number.</exception>
    public async ValueTask<IReadOnlyList<SeriousIncident>> ListAsync(CancellationToken cancellationToken = default)
    {
        var incidents = new Dictionary<string, SeriousIncident>(StringComparer.Ordinal);
        var order = new List<string>();
        await foreach (var record in _auditLog.ReadAsync(1, cancellationToken).ConfigureAwait(false))
        {
            var type = record.EventType;
            if (!type.StartsWith("gates.incident.", StringComparison.Ordinal) || record.Payload is not { } json)
            {
                continue;
            }

            var payload = Read(record, json);
            if (type == GatesAuditEvents.IncidentRaised)
            {
                var id = IdPrefix + record.Sequence;
                incidents[id] = Raised(id, record, payload);
                order.Add(id);
            }
            else if (incidents.TryGetValue(payload.IncidentId, out var incident))
            {
                incidents[payload.IncidentId] = Apply(incident, type, record, payload);
            }
        }

        return [.. order.Select(id => incidents[id])];
    }

    /// <summary>The open records past their deadline at the current time.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The overdue records.</returns>
    public async ValueTask<IReadOnlyList<SeriousIncident>> GetOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow();
        return [.. (await ListAsync(cancellationToken).ConfigureAwait(false)).Where(i => i.IsOverdue(now))];
    }

    /// <summary>One record by identifier.</summary>
    /// <param name="incidentId">The record's identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    public async ValueTask<SeriousIncident?> FindAsync(string incidentId, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(i => string.Equals(i.Id, incidentId, StringComparison.Ordinal));

    private async ValueTask<SeriousIncident> ChangeAsync(
        string incidentId,
        SeriousIncidentStatus? requiredStatus,
        string actor,
        Func<SeriousIncident, DateTimeOffset, (string Type, IncidentAuditJson Payload)> change,
        CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var incident = await FindAsync(incidentId, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"No serious-incident record '{Cut(incidentId)}'.");
            if (incident.Status == SeriousIncidentStatus.Dismissed || (requiredStatus is { } status && incident.Status != status))
            {
                throw new InvalidOperationException($"The record '{incident.Id}' is {incident.Status}.");
            }

            var (type, payload) = change(incident, _timeProvider.GetUtcNow());
            await AppendAsync(type, Cut(actor), incident.SystemId, payload, cancellationToken).ConfigureAwait(false);
            return (await FindAsync(incident.Id, cancellationToken).ConfigureAwait(false))!;
        }
        finally
        {
            _changes.Release();
        }
    }

    private ValueTask<AuditRecord> AppendAsync(
        string type, string actor, string systemId, IncidentAuditJson payload, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToElement(payload, IncidentJsonContext.Default.IncidentAuditJson);
        return _auditLog.AppendAsync(new AuditEvent(type, actor, systemId, payload: json), cancellationToken);
    }

    private static IncidentAuditJson Read(AuditRecord record, JsonElement json)
    {
        try
        {
            var payload = json.Deserialize(IncidentJsonContext.Default.IncidentAuditJson);
            if (payload is null || string.IsNullOrEmpty(payload.IncidentId))
            {
                throw new InvalidDataException($"Audit record #{record.Sequence} ({record.EventType}) has no incident payload.");
            }

            return payload;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Audit record #{record.Sequence} ({record.EventType}) has an unreadable incident payload.", ex);
        }
    }

    private static SeriousIncident Raised(string id, AuditRecord record, IncidentAuditJson payload)
    {
        var harms = ParseHarms(payload.Harms);
        var awareAt = payload.AwareAt ?? record.Timestamp;
        return new SeriousIncident
        {
            Id = id,
            SystemId = record.SystemId ?? string.Empty,
            Source = payload.Source ?? record.Actor,
            Summary = payload.Summary ?? string.Empty,
            RaisedAt = record.Timestamp,
            AwareAt = awareAt,
            Harms = harms,
            IsWidespreadInfringement = payload.Widespread ?? false,
            IsAssessed = false,
            ReportingPeriod = SeriousIncidentDeadlines.GetPeriod([], isWidespreadInfringement: false),
            Status = SeriousIncidentStatus.Open,
            Reports = [],
            SourceReference = payload.SourceReference,
            AuditSequences = [record.Sequence],
        };
    }

    private static SeriousIncident Apply(SeriousIncident incident, string type, AuditRecord record, IncidentAuditJson payload)
    {
        incident = incident with { AuditSequences = [.. incident.AuditSequences, record.Sequence] };
        switch (type)
        {
            case GatesAuditEvents.IncidentAssessed:
                var harms = ParseHarms(payload.Harms);
                var widespread = payload.Widespread ?? false;
                return incident with
                {
                    AwareAt = payload.AwareAt ?? incident.AwareAt,
                    Harms = harms,
                    IsWidespreadInfringement = widespread,
                    IsAssessed = true,
                    ReportingPeriod = SeriousIncidentDeadlines.GetPeriod(harms, widespread),
                };
            case GatesAuditEvents.IncidentReported:
                return incident with
                {
                    Status = SeriousIncidentStatus.Reported,
                    Reports = [.. incident.Reports, new IncidentReport(payload.ReportedAt ?? record.Timestamp, payload.Authority ?? string.Empty,
                        payload.Complete ?? false, record.Actor)],
                };
            case GatesAuditEvents.IncidentDismissed:
                return incident with { Status = SeriousIncidentStatus.Dismissed, DismissalReason = payload.Reason };
            default:
                return incident;
        }
    }

    private static List<SeriousIncidentHarm> ParseHarms(List<string>? names)
    {
        var harms = new List<SeriousIncidentHarm>();
        foreach (var name in names ?? [])
        {
            if (Enum.TryParse<SeriousIncidentHarm>(name, ignoreCase: false, out var harm) && Enum.IsDefined(harm) && !harms.Contains(harm))
            {
                harms.Add(harm);
            }
        }

        harms.Sort();
        return harms;
    }

    private static List<SeriousIncidentHarm> Harms(IReadOnlyCollection<SeriousIncidentHarm> harms, string paramName)
    {
        var list = new List<SeriousIncidentHarm>();
        foreach (var harm in harms)
        {
            if (!Enum.IsDefined(harm))
            {
                throw new ArgumentException($"Unknown harm {harm}.", paramName);
            }

            if (!list.Contains(harm))
            {
                list.Add(harm);
            }
        }

        list.Sort();
        return list;
    }

    private static string Cut(string text) => text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength - 1), "…");
}
