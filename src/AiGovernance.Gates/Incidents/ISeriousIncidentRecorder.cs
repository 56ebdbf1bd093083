namespace AiGovernance.Gates.Incidents;

/// <summary>Raises serious-incident records from signals; the one member the monitoring and oversight adapters call.
/// Implemented by <see cref="SeriousIncidentRegister"/>, which keeps every record in the audit log.</summary>
public interface ISeriousIncidentRecorder
{
    /// <summary>Records a signal as an open serious-incident record with its reporting deadline.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>The record as raised.</returns>
    ValueTask<SeriousIncident> RaiseAsync(IncidentSignal signal, CancellationToken cancellationToken = default);
}
