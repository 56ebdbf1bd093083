using System.Text.Json;
using AiGovernance.Core.Reports;
using AiGovernance.Shared;

namespace AiGovernance.Dashboard.History;


/// <summary>The essentials of a stored canary analysis.</summary>
internal sealed record CanaryView(long ReportId, DateTimeOffset At, string? Decision, string? Mode, double? BaselineRequests,
    double? CandidateRequests, IReadOnlyList<string> Reasons);

/// <summary>An oversight warning of a stored override analysis, by its index in the report.</summary>
internal sealed record WarningView(int Index, string Kind, string Message, double? Observed, double? Threshold);

/// <summary>The essentials of a stored override analysis.</summary>
internal sealed record OversightView(long ReportId, DateTimeOffset At, double? ReviewCount, double? OverrideRate,
    IReadOnlyList<WarningView> Warnings);

/// <summary>One scorecard in the trend.</summary>
internal sealed record ScorecardView(long ReportId, DateTimeOffset At, string? Period, double? OverallHealth,
    IReadOnlyList<(string Dimension, double? Score)> Dimensions);

/// <summary>A system's report history over the dashboard's window, read in one query and split by kind.</summary>
internal sealed class ReportHistory
{
    public List<DriftWindow> Drift { get; } = [];

    public CanaryView? LatestCanary { get; private set; }

    public List<OversightView> Oversight { get; } = [];

    public List<ScorecardView> Scorecards { get; } = [];

    public StoredGovernanceReport? LatestClassification { get; private set; }

    /// <summary>Reports that could not be read, by id, with the reason.</summary>
    public List<(long ReportId, string Kind, string Reason)> Unreadable { get; } = [];

    /// <remarks>O(reports in the window); each report's JSON is parsed once.</remarks>
    public static async Task<ReportHistory> ReadAsync(IGovernanceReportStore store, string systemId, DateTimeOffset from,
        CancellationToken cancellationToken)
    {
        var history = new ReportHistory();
        await foreach (var stored in store.QueryAsync(new GovernanceReportQuery(systemId, From: from), cancellationToken).ConfigureAwait(false))
        {
            try
            {
                history.Add(stored);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
            {
                history.Unreadable.Add((stored.Id, stored.Report.Kind, exception.Message));
            }
        }

        history.Drift.Sort(static (a, b) => a.At.CompareTo(b.At));
        return history;
    }

    private void Add(StoredGovernanceReport stored)
    {
        var report = stored.Report;
        switch (report.Kind)
        {
            case GovernanceReportKinds.Drift:
                AddDrift(stored);
                break;
            case GovernanceReportKinds.Canary:
                using (var document = report.ParseContent())
                {
                    var root = document.RootElement;
                    LatestCanary = new CanaryView(stored.Id, report.CreatedAt, JsonRead.String(root, "decision"), JsonRead.String(root, "mode"),
                        JsonRead.Number(root, "baselineRequests"), JsonRead.Number(root, "candidateRequests"), JsonRead.Strings(root, "reasons"));
                }

                break;
            case GovernanceReportKinds.Oversight:
                Oversight.Add(ReadOversight(stored));
                break;
            case GovernanceReportKinds.Scorecard:
                Scorecards.Add(ReadScorecard(stored));
                break;
            case ClassificationView.Kind:
                LatestClassification = stored;
                break;
            default:
                break;
        }
    }

    /// <remarks>One parse of the stored JSON; only what the drift section shows is read from it (see <see cref="DriftWindow"/>).
    /// </remarks>
    private void AddDrift(StoredGovernanceReport stored)
    {
        using var document = stored.Report.ParseContent();
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("columns", out _))
        {
            Drift.Add(DriftWindow.Read(stored.Id, stored.Report.CreatedAt, root));
            return;
        }

        // AiGovernance.Reporting's drift report (what the aigov tool and the DriftJob sample write): windows of columns.
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schemaVersion", out _))
        {
            foreach (var (at, drift) in Reporting.Drift.DriftReportDocument.ReadWindows(stored.Report.ContentJson, stored.Report.CreatedAt))
            {
                // Through the window's own JSON, so the columns read exactly as a stored DataDriftReport's do.
                using var window = JsonDocument.Parse(drift.ToJson());
                Drift.Add(DriftWindow.Read(stored.Id, at, window.RootElement));
            }

            return;
        }

        // An older batch job's report (before schemaVersion) holds one drift report per window.
        var windows = 0;
        foreach (var window in JsonRead.Array(root, "windows"))
        {
            if (JsonRead.Object(window, "drift") is { } drift)
            {
                Drift.Add(DriftWindow.Read(stored.Id, JsonRead.Time(window, "end") ?? stored.Report.CreatedAt, drift));
                windows++;
            }
        }

        if (windows == 0)
        {
            throw new JsonException("The drift report has neither columns nor windows.");
        }
    }

    internal static OversightView ReadOversight(StoredGovernanceReport stored)
    {
        using var document = stored.Report.ParseContent();
        var root = document.RootElement;
        var warnings = new List<WarningView>();
        var index = 0;
        foreach (var warning in JsonRead.Array(root, "warnings"))
        {
            warnings.Add(new WarningView(index++, JsonRead.String(warning, "kind") ?? "warning", JsonRead.String(warning, "message") ?? string.Empty,
                JsonRead.Number(warning, "observed"), JsonRead.Number(warning, "threshold")));
        }

        double? rate = null;
        if (JsonRead.Object(root, "overall") is { } overall)
        {
            rate = JsonRead.Number(overall, "rate")
                ?? (JsonRead.Number(overall, "events") is { } events && JsonRead.Number(overall,
                    "trials") is { } trials and > 0 ? events / trials : null);
        }

        return new OversightView(stored.Id, stored.Report.CreatedAt, JsonRead.Number(root, "reviewCount"), rate, warnings);
    }

    private static ScorecardView ReadScorecard(StoredGovernanceReport stored)
    {
        using var document = stored.Report.ParseContent();
        var root = document.RootElement;
        var dimensions = new List<(string, double?)>();
        foreach (var dimension in JsonRead.Array(root, "dimensions"))
        {
            dimensions.Add((JsonRead.String(dimension, "dimension") ?? "?", JsonRead.Number(dimension, "score")));
        }

        return new ScorecardView(stored.Id, stored.Report.CreatedAt, JsonRead.String(root, "period"), JsonRead.Number(root, "overallHealth"),
            dimensions);
    }
}
