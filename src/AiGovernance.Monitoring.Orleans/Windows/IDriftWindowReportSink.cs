namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>Where closed windows' reports go: the report history.</summary>
/// <remarks>
/// <para><b>Contract.</b> <see cref="PublishAsync"/> is idempotent per window (<see cref="DriftWindowReport.Key"/>): a window
/// grain that fails over between publishing and persisting that it published calls it again with the same report, and the
/// history must still hold the window once. Implementations are safe for concurrent use.</para>
/// <para>The default, <see cref="ReportHistoryDriftWindowReportSink"/>, stores the reports in Core's report history
/// (<c>IGovernanceReportStore</c>, kind <c>drift</c>) and keeps them in <see cref="InMemoryDriftWindowReportSink"/> too.</para>
/// </remarks>
public interface IDriftWindowReportSink
{
    /// <summary>Stores a window's report, once per window.</summary>
    /// <param name="report">The report.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the report is stored (or was already).</returns>
    ValueTask PublishAsync(DriftWindowReport report, CancellationToken cancellationToken = default);
}
