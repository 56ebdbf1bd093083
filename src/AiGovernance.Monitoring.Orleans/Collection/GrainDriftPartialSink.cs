using AiGovernance.Monitoring.Orleans.Windows;

namespace AiGovernance.Monitoring.Orleans.Collection;

/// <summary>Sends partials to <see cref="IDriftWindowGrain"/>s through an Orleans grain factory (a co-hosted silo's, or an
/// <c>IClusterClient</c>'s).</summary>
public sealed class GrainDriftPartialSink : IDriftPartialSink
{
    private readonly IGrainFactory _grains;

    /// <summary>Creates the sink.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> is null.</exception>
    public GrainDriftPartialSink(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        _grains = grains;
    }

    /// <inheritdoc />
    public async ValueTask<PartialReceipt> SendAsync(DriftWindowKey window, DriftPartial windowPartial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windowPartial);
        var grain = _grains.GetGrain<IDriftWindowGrain>(window.ToGrainKey());
        return await grain.AddPartialAsync(windowPartial).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
