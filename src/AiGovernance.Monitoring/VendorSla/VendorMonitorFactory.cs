using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.VendorSla;

/// <summary>Creates <see cref="VendorPerformanceMonitor"/>s with the registered clock and <see cref="MonitoringOptions.VendorSla"/>.</summary>
public sealed class VendorMonitorFactory
{
    private readonly TimeProvider _timeProvider;
    private readonly VendorSlaOptions _options;
    private readonly IMeterFactory? _meterFactory;

    /// <summary>Creates the factory.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="options">The monitoring options.</param>
    /// <param name="meterFactory">Creates the package's meter for the monitors; when null a process-wide meter is used.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public VendorMonitorFactory(TimeProvider timeProvider, IOptions<MonitoringOptions> options, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _options = options.Value.VendorSla;
        _meterFactory = meterFactory;
    }

    /// <summary>Creates a monitor for one vendor component.</summary>
    /// <param name="vendor">The vendor's name.</param>
    /// <param name="component">The component's name.</param>
    /// <param name="baseline">The contracted performance.</param>
    /// <returns>The monitor; keep it for the component's lifetime (it holds the logged predictions).</returns>
    /// <exception cref="ArgumentException">A name is empty or the baseline is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="baseline"/> is null.</exception>
    public VendorPerformanceMonitor Create(string vendor, string component, VendorSlaBaseline baseline) =>
        new(vendor, component, baseline, _timeProvider, _options, _meterFactory);
}
