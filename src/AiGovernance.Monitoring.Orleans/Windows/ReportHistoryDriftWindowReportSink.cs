using System.Text.Json;
using AiGovernance.Core.Reports;

namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>The default <see cref="IDriftWindowReportSink"/>: stores each closed window's report in Core's report history
/// (<see cref="IGovernanceReportStore"/>, kind <see cref="GovernanceReportKinds.Drift"/>, created at the window's end) —
/// in memory by default, in SQLite or PostgreSQL with a storage package — and keeps it in the
/// <see cref="InMemoryDriftWindowReportSink"/> of this process for a quick look (the GatedService's <c>GET /drift</c>).</summary>
/// <remarks>Idempotent per window as the contract requires: before storing, the history is searched for a drift report
/// created at the window's end whose content is this window's report, and nothing is stored twice. The grain publishes
/// one window at a time (a single activation), so the search and the store do not race for the same window.</remarks>
/// <param name="store">The report history.</param>
/// <param name="recent">This process's in-memory view.</param>
public sealed class ReportHistoryDriftWindowReportSink(IGovernanceReportStore store, InMemoryDriftWindowReportSink recent) : IDriftWindowReportSink
{
    /// <summary>The actor recorded with each stored report.</summary>
    public const string Actor = "drift-window-grain";

    private readonly IGovernanceReportStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly InMemoryDriftWindowReportSink _recent = recent ?? throw new ArgumentNullException(nameof(recent));

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public async ValueTask PublishAsync(DriftWindowReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!await IsStoredAsync(report, cancellationToken).ConfigureAwait(false))
        {
            using var content = JsonDocument.Parse(report.ToJson());
            await _store.StoreAsync(new GovernanceReport(report.SystemId, GovernanceReportKinds.Drift, report.WindowEnd, content.RootElement), Actor,
                cancellationToken).ConfigureAwait(false);
        }

        await _recent.PublishAsync(report, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<bool> IsStoredAsync(DriftWindowReport report, CancellationToken cancellationToken)
    {
        var query = new GovernanceReportQuery(report.SystemId, GovernanceReportKinds.Drift, report.WindowEnd, report.WindowEnd.AddTicks(1));
        await foreach (var stored in _store.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (IsWindow(stored.Report.ContentJson, report.Key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a stored drift report is this window's (other drift reports, a batch job's, have other content).</summary>
    private static bool IsWindow(string contentJson, DriftWindowKey key)
    {
        try
        {
            return DriftWindowReport.FromJson(contentJson).Key == key;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
