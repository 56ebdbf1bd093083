using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Vendors;

/// <summary>Creates <see cref="VendorPerformanceMonitor"/>s with the registered clock and <see cref="DriftMonitoringOptions.VendorSla"/>.</summary>
public sealed class VendorMonitorFactory
{
    private readonly TimeProvider _timeProvider;
    private readonly VendorSlaOptions _options;

    /// <summary>Creates the factory.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="options">The monitoring options.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public VendorMonitorFactory(TimeProvider timeProvider, IOptions<DriftMonitoringOptions> options)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _options = options.Value.VendorSla;
    }

    /// <summary>Creates a monitor for one vendor component.</summary>
    /// <param name="vendor">The vendor's name.</param>
    /// <param name="component">The component's name.</param>
    /// <param name="baseline">The contracted performance.</param>
    /// <returns>The monitor; keep it for the component's lifetime (it holds the logged predictions).</returns>
    /// <exception cref="ArgumentException">A name is empty or the baseline is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="baseline"/> is null.</exception>
    public VendorPerformanceMonitor Create(string vendor, string component, VendorSlaBaseline baseline) =>
        new(vendor, component, baseline, _timeProvider, _options);
}
