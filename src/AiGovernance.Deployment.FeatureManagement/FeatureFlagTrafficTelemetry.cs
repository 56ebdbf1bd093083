using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiGovernance.Deployment.FeatureManagement;

/// <summary>The feature-flag traffic target's meter and activity source, both named <see cref="MeterName"/> (docs/telemetry.md
/// lists the instruments).</summary>
/// <remarks>Components created by DI get the meter from the host's <see cref="IMeterFactory"/>; a component created without
/// a factory records on one process-wide meter of the same name.</remarks>
public sealed class FeatureFlagTrafficTelemetry
{
    /// <summary>The meter's and the activity source's name, for example for OpenTelemetry's <c>AddMeter</c> and <c>AddSource</c>.</summary>
    public const string MeterName = "AiGovernance.Deployment.FeatureManagement";

    private static readonly Lazy<FeatureFlagTrafficTelemetry> ProcessWide =
        new(() => new FeatureFlagTrafficTelemetry(new Meter(MeterName, "1.0")));

    private readonly Gauge<double> _candidateFraction;
    private readonly Counter<long> _allocationChanges;

    private FeatureFlagTrafficTelemetry(Meter meter)
    {
        _candidateFraction = meter.CreateGauge<double>("aigovernance.deployment.feature_flag.candidate_fraction", unit: "1",
            description: "The candidate variant's percentile share in the published allocation (tag feature).");
        _allocationChanges = meter.CreateCounter<long>("aigovernance.deployment.feature_flag.allocation_changes", unit: "{change}",
            description: "Allocations published to configuration (tags feature, retired).");
    }

    /// <summary>Traces allocation changes (<c>aigovernance.deployment.feature_flag.publish</c>).</summary>
    internal static ActivitySource ActivitySource { get; } = new(MeterName, "1.0");

    /// <summary>Instruments on a meter from <paramref name="meterFactory"/>, or on the process-wide meter when none is given.</summary>
    internal static FeatureFlagTrafficTelemetry Create(IMeterFactory? meterFactory) =>
        meterFactory is null
            ? ProcessWide.Value
            : new FeatureFlagTrafficTelemetry(meterFactory.Create(new MeterOptions(MeterName) { Version = "1.0" }));

    internal void RecordAllocation(string feature, double fraction, bool retired)
    {
        var tag = new KeyValuePair<string, object?>("feature", feature);
        _candidateFraction.Record(fraction, tag);
        _allocationChanges.Add(1, tag, new KeyValuePair<string, object?>("retired", retired ? "true" : "false"));
    }
}
