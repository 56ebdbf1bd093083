using AiGovernance.Core;
using AiGovernance.Gates.Incidents;
using AiGovernance.Oversight.Analysis;
using Microsoft.Extensions.Options;

namespace AiGovernance.Samples.Extensions.Incidents;

/// <summary>Raises a serious-incident record for each oversight warning of the configured kinds (by default: automated
/// decisions found wrong too often, reviewers deferring to the AI, automation bias). Oversight may not reference Gates, so
/// the application calls this after an override analysis.</summary>
/// <param name="recorder">Gates' incident recorder.</param>
/// <param name="options">Which warning kinds raise a record.</param>
/// <param name="timeProvider">The clock stamping the observation.</param>
public sealed class OversightIncidentForwarder(ISeriousIncidentRecorder recorder, IOptions<IncidentRaisingOptions> options, TimeProvider timeProvider)
{
    /// <summary>Raises a record per matching warning.</summary>
    /// <param name="systemId">The system the analysis covered.</param>
    /// <param name="warnings">The warnings of an <see cref="OverrideAnalysisReport"/>.</param>
    /// <param name="cancellationToken">Cancels the appends.</param>
    /// <returns>The records raised.</returns>
    public async ValueTask<IReadOnlyList<SeriousIncident>> ForwardAsync(string systemId, IEnumerable<OversightWarning> warnings,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        ArgumentNullException.ThrowIfNull(warnings);
        var raised = new List<SeriousIncident>();
        foreach (var warning in warnings)
        {
            if (!options.Value.OversightWarningKinds.Contains(warning.Kind))
            {
                continue;
            }

            raised.Add(await recorder.RaiseAsync(new IncidentSignal
            {
                SystemId = systemId,
                Source = "oversight.warning",
                Summary = $"{warning.Kind}: {warning.Message}",
                ObservedAt = timeProvider.GetUtcNow(),
                Severity = Severity.High,
            }, cancellationToken).ConfigureAwait(false));
        }

        return raised;
    }
}
