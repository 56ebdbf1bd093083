using System.Globalization;
using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Reports;
using AiGovernance.Gates;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Reporting.Layout;
using AiGovernance.Shared;

namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>The Article 72 post-market monitoring summary of one AI system for a period: drift, performance, serious incidents
/// and oversight findings in that period, read from the report history and the audit log, each citing its source.</summary>
/// <remarks>
/// <para>The period is half-open, [<see cref="PeriodStart"/>, <see cref="PeriodEnd"/>). A stored report that cannot be read is
/// listed in <see cref="Unreadable"/>, never silently dropped. Column names, warnings and incident summaries are untrusted
/// text: bounded and escaped wherever rendered.</para>
/// <para>Sections: <c>summary</c>, <c>drift</c>, <c>performance</c>, <c>incidents</c>, <c>oversight</c>, <c>sources</c>.
/// Complexity O(records + reports + columns).</para>
/// </remarks>
public sealed class PostMarketSummaryDocument : ReportDocument
{
    /// <summary>The kind of this document, <c>post-market-summary</c>.</summary>
    public const string ReportKind = "post-market-summary";

    /// <inheritdoc />
    public override string Kind => ReportKind;

    /// <summary>The AI system's id.</summary>
    public required string SystemId { get; init; }

    /// <summary>The start of the period (inclusive).</summary>
    public DateTimeOffset PeriodStart { get; init; }

    /// <summary>The end of the period (exclusive).</summary>
    public DateTimeOffset PeriodEnd { get; init; }

    /// <summary>Drift windows in the period, oldest first.</summary>
    public IReadOnlyList<PostMarketDriftWindow> DriftWindows { get; init; } = [];

    /// <summary>Columns that drifted in the period, most often first.</summary>
    public IReadOnlyList<PostMarketDriftedColumn> DriftedColumns { get; init; } = [];

    /// <summary>Performance-gate attempts in the period, oldest first.</summary>
    public IReadOnlyList<PostMarketPerformanceAttempt> PerformanceAttempts { get; init; } = [];

    /// <summary>Serious incidents raised in the period, oldest first.</summary>
    public IReadOnlyList<PostMarketIncident> Incidents { get; init; } = [];

    /// <summary>Oversight reports of the period, oldest first.</summary>
    public IReadOnlyList<PostMarketOversightFinding> Oversight { get; init; } = [];

    /// <summary>Stored reports of the period that could not be read ("report #id (kind): reason").</summary>
    public IReadOnlyList<string> Unreadable { get; init; } = [];

    /// <summary>The stored reports the summary is drawn from.</summary>
    public IReadOnlyList<CitedReport> CitedReports { get; init; } = [];

    /// <summary>The audit records the summary is drawn from.</summary>
    public IReadOnlyList<CitedAuditRecord> CitedAuditRecords { get; init; } = [];

    /// <summary>Summarises a period from what the library holds.</summary>
    /// <param name="system">The AI system.</param>
    /// <param name="periodStart">The start of the period (inclusive).</param>
    /// <param name="periodEnd">The end of the period (exclusive).</param>
    /// <param name="evidence">The audit records, stored reports and incidents (records of other systems are ignored).</param>
    /// <param name="generatedAt">When the summary is made (also the time against which incidents are overdue).</param>
    /// <param name="artifactDigest">The model artifact whose milestone attempts count even when recorded without a system id;
    /// <see langword="default"/> for none.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> or <paramref name="evidence"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="periodEnd"/> is not after <paramref name="periodStart"/>.</exception>
    public static PostMarketSummaryDocument Create(AiSystem system, DateTimeOffset periodStart, DateTimeOffset periodEnd,
        TechnicalFileEvidence evidence, DateTimeOffset generatedAt, Sha256Digest artifactDigest = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(evidence);
        if (periodEnd <= periodStart)
        {
            throw new ArgumentException($"The period must end after it starts; got {periodStart:O} to {periodEnd:O}.", nameof(periodEnd));
        }

        bool InPeriod(DateTimeOffset at) => at >= periodStart && at < periodEnd;
        var records = SystemEvidence.Records(evidence, system.Id, artifactDigest);
        var citedRecords = new SortedDictionary<long, CitedAuditRecord>();
        var citedReports = new SortedDictionary<long, CitedReport>();
        var unreadable = new List<string>();
        var windows = new List<PostMarketDriftWindow>();
        var columns = new Dictionary<string, (int Windows, DateTimeOffset Last)>(StringComparer.Ordinal);
        var oversight = new List<PostMarketOversightFinding>();
        foreach (var stored in SystemEvidence.Reports(evidence, system.Id))
        {
            var report = stored.Report;
            try
            {
                if (report.Kind == GovernanceReportKinds.Drift)
                {
                    var used = false;
                    foreach (var (at, drift) in ReadDrift(stored))
                    {
                        if (!InPeriod(at))
                        {
                            continue;
                        }

                        used = true;
                        windows.Add(Window(stored.Id, at, drift));
                        foreach (var column in drift.Columns.Where(c => c.IsDrifted))
                        {
                            columns.TryGetValue(column.Column, out var seen);
                            columns[column.Column] = (seen.Windows + 1, at > seen.Last ? at : seen.Last);
                        }
                    }

                    if (used)
                    {
                        citedReports[stored.Id] = SystemEvidence.Cite(stored);
                    }
                }
                else if (report.Kind == GovernanceReportKinds.Oversight && InPeriod(report.CreatedAt))
                {
                    oversight.Add(ReadOversight(stored));
                    citedReports[stored.Id] = SystemEvidence.Cite(stored);
                }
                else if (report.Kind is GovernanceReportKinds.Performance or GovernanceReportKinds.EstimatedPerformance
                    && InPeriod(report.CreatedAt))
                {
                    citedReports[stored.Id] = SystemEvidence.Cite(stored);
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
            {
                unreadable.Add(string.Create(CultureInfo.InvariantCulture, $"report #{stored.Id} ({report.Kind}): {ex.Message}"));
            }
        }

        var attempts = new List<PostMarketPerformanceAttempt>();
        foreach (var record in records.Where(r => r.EventType == GatesAuditEvents.MilestoneAttempt && InPeriod(r.Timestamp)))
        {
            var p = record.Payload ?? default;
            attempts.Add(new PostMarketPerformanceAttempt(record.Timestamp, record.Sequence, JsonRead.String(p, "milestone"),
                JsonRead.String(p, "metric"), JsonRead.Number(p, "estimate"), JsonRead.Number(p, "lower"), JsonRead.Number(p, "upper"),
                JsonRead.Number(p, "threshold"), JsonRead.String(p, "decision")));
            citedRecords[record.Sequence] = SystemEvidence.Cite(record);
        }

        var bySequence = records.ToDictionary(r => r.Sequence);
        var incidents = new List<PostMarketIncident>();
        foreach (var incident in evidence.Incidents.Where(i => i.SystemId == system.Id && InPeriod(i.RaisedAt)).OrderBy(i => i.RaisedAt))
        {
            incidents.Add(new PostMarketIncident(incident.Id, incident.RaisedAt, incident.Summary, incident.Status.ToString(),
                [.. incident.Harms.Select(h => h.ToString())], incident.ReportingDeadline, incident.IsOverdue(generatedAt),
                [.. incident.AuditSequences]));
            foreach (var sequence in incident.AuditSequences)
            {
                if (bySequence.TryGetValue(sequence, out var record))
                {
                    citedRecords[sequence] = SystemEvidence.Cite(record);
                }
            }
        }

        return new PostMarketSummaryDocument
        {
            SystemName = system.Name,
            SystemId = system.Id,
            GeneratedAt = generatedAt,
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            DriftWindows = [.. windows.OrderBy(w => w.At)],
            DriftedColumns = [.. columns.OrderByDescending(c => c.Value.Windows).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new PostMarketDriftedColumn(c.Key, c.Value.Windows, c.Value.Last))],
            PerformanceAttempts = attempts,
            Incidents = incidents,
            Oversight = [.. oversight.OrderBy(o => o.At)],
            Unreadable = unreadable,
            CitedReports = [.. citedReports.Values],
            CitedAuditRecords = [.. citedRecords.Values],
        };
    }

    private static PostMarketDriftWindow Window(long reportId, DateTimeOffset at, DataDriftReport drift)
    {
        double? maxPsi = null;
        foreach (var column in drift.Columns)
        {
            if (double.IsFinite(column.Psi) && (maxPsi is null || column.Psi > maxPsi))
            {
                maxPsi = column.Psi;
            }
        }

        return new PostMarketDriftWindow(at, reportId, drift.ColumnCount, drift.DriftedColumnCount, drift.DatasetDrift, maxPsi,
            drift.Severity.ToString());
    }

    /// <summary>A stored drift report is either one window (a <c>DataDriftReport</c>) or a batch job's report holding one drift
    /// report per window.</summary>
    private static List<(DateTimeOffset At, DataDriftReport Drift)> ReadDrift(StoredGovernanceReport stored)
    {
        var list = new List<(DateTimeOffset, DataDriftReport)>();
        using var document = stored.Report.ParseContent();
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("columns", out _))
        {
            list.Add((stored.Report.CreatedAt, DataDriftReport.FromJson(stored.Report.ContentJson)));
            return list;
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schemaVersion", out _))
        {
            list.AddRange(Drift.DriftReportDocument.ReadWindows(stored.Report.ContentJson, stored.Report.CreatedAt));
            return list.Count > 0 ? list : throw new FormatException("The drift report has no windows.");
        }

        foreach (var window in JsonRead.Array(root, "windows"))
        {
            if (JsonRead.Object(window, "drift") is { } drift)
            {
                list.Add((JsonRead.Time(window, "end") ?? stored.Report.CreatedAt, DataDriftReport.FromJson(drift.GetRawText())));
            }
        }

        return list.Count > 0 ? list : throw new FormatException("The drift report has neither columns nor windows.");
    }

    private static PostMarketOversightFinding ReadOversight(StoredGovernanceReport stored)
    {
        using var document = stored.Report.ParseContent();
        var root = document.RootElement;
        var warnings = JsonRead.Array(root, "warnings")
            .Select(w => (JsonRead.String(w, "kind") ?? "warning") + ": " + (JsonRead.String(w, "message") ?? string.Empty)).ToList();
        double? rate = null;
        if (JsonRead.Object(root, "overall") is { } overall)
        {
            rate = JsonRead.Number(overall, "rate") ?? (JsonRead.Number(overall, "events") is { } events
                && JsonRead.Number(overall, "trials") is { } trials and > 0 ? events / trials : null);
        }

        return new PostMarketOversightFinding(stored.Report.CreatedAt, stored.Id, JsonRead.Number(root, "reviewCount"), rate, warnings);
    }

    private protected override ReportLayout BuildLayout(ReportContext context) => PostMarketLayout.Build(this, context);
}
