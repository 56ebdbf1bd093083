namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>The grain of one monitoring window, keyed by <see cref="DriftWindowKey.ToGrainKey"/>: merges partial profiles
/// from every replica or worker, persists them, and closes the window with a drift report.</summary>
[Alias("AiGovernance.Monitoring.Orleans.IDriftWindowGrain")]
public interface IDriftWindowGrain : IGrainWithStringKey
{
    /// <summary>Merges a partial into the window; answers only after the merged state is persisted.</summary>
    /// <param name="windowPartial">The partial.</param>
    /// <returns>The receipt: accepted, duplicate (already counted), window closed, or rejected with a reason.</returns>
    [Alias("AddPartial")]
    Task<PartialReceipt> AddPartialAsync(DriftPartial windowPartial);

    /// <summary>Closes the window now (a batch job that sent every partition), or returns the status of a window already
    /// closed. The closing reminder calls the same code when the window's time is up.</summary>
    /// <returns>The status, with the report.</returns>
    [Alias("Close")]
    Task<DriftWindowStatus> CloseAsync();

    /// <summary>The window's status.</summary>
    /// <returns>The status.</returns>
    [Alias("GetStatus")]
    Task<DriftWindowStatus> GetStatusAsync();
}
