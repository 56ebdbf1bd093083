using AiGovernance.Core;
using AiGovernance.Gates.Incidents;
using AiGovernance.Monitoring.Responses;
using Microsoft.Extensions.Options;

namespace AiGovernance.Samples.Extensions.Incidents;

/// <summary>Raises a serious-incident record (Art. 73) for drift at or above
/// <see cref="IncidentRaisingOptions.MinimumDriftSeverity"/>. Monitoring may not reference Gates, so this adapter lives in the
/// application: the drift response workflow calls it like any handler, and the record, with its reporting deadline, lands in
/// the same audit log as the drift event it points to.</summary>
/// <param name="recorder">Gates' incident recorder.</param>
/// <param name="options">The minimum severity.</param>
public sealed class DriftIncidentHandler(ISeriousIncidentRecorder recorder, IOptions<IncidentRaisingOptions> options) : IDriftResponseHandler
{
    /// <inheritdoc />
    public Severity MinimumSeverity => options.Value.MinimumDriftSeverity;

    /// <inheritdoc />
    public async ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var drift = context.Event;
        var subject = drift.Subject is null ? string.Empty : $" ({drift.Subject})";
        await recorder.RaiseAsync(new IncidentSignal
        {
            SystemId = drift.SystemId,
            Source = "monitoring.drift",
            Summary = string.IsNullOrEmpty(drift.Summary) ? $"{context.Plan.Severity} {drift.Kind}{subject}" : drift.Summary,
            ObservedAt = context.DetectedAt,
            Severity = context.Plan.Severity,
            SourceReference = $"audit #{context.AuditSequence}",
        }, cancellationToken).ConfigureAwait(false);
    }
}
