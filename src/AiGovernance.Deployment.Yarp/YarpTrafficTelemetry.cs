using System.Diagnostics;
using System.Diagnostics.Metrics;
using AiGovernance.Deployment.Routing;

namespace AiGovernance.Deployment.Yarp;

/// <summary>The YARP traffic target's meter and activity source, both named <see cref="MeterName"/> (docs/telemetry.md lists
/// the instruments).</summary>
/// <remarks>Components created by DI get the meter from the host's <see cref="IMeterFactory"/>; a component created without
/// a factory records on one process-wide meter of the same name.</remarks>
public sealed class YarpTrafficTelemetry
{
    /// <summary>The meter's and the activity source's name, for example for OpenTelemetry's <c>AddMeter</c> and <c>AddSource</c>.</summary>
    public const string MeterName = "AiGovernance.Deployment.Yarp";

    private static readonly KeyValuePair<string, object?> StableTag = new("arm", "stable");
    private static readonly KeyValuePair<string, object?> CandidateTag = new("arm", "candidate");
    private static readonly KeyValuePair<string, object?> PinnedTag = new("pinned", "true");
    private static readonly KeyValuePair<string, object?> BucketedTag = new("pinned", "false");
    private static readonly Lazy<YarpTrafficTelemetry> ProcessWide = new(() => new YarpTrafficTelemetry(new Meter(MeterName, "1.0")));

    private readonly Counter<long> _requests;
    private readonly Counter<long> _invalidPins;
    private readonly Gauge<double> _candidateFraction;

    private YarpTrafficTelemetry(Meter meter)
    {
        _requests = meter.CreateCounter<long>("aigovernance.deployment.yarp.requests", unit: "{request}",
            description: "Requests the rollout's load-balancing policy sent to an arm (tags arm, pinned).");
        _invalidPins = meter.CreateCounter<long>("aigovernance.deployment.yarp.invalid_pins", unit: "{request}",
            description: "Requests whose pin header or cookie held a value other than stable or candidate (ignored).");
        _candidateFraction = meter.CreateGauge<double>("aigovernance.deployment.yarp.candidate_fraction", unit: "1",
            description: "The candidate's share of units in the configuration last applied by YARP (tag cluster).");
    }

    /// <summary>Traces configuration changes of the YARP target (<c>aigovernance.deployment.yarp.publish</c>).</summary>
    internal static ActivitySource ActivitySource { get; } = new(MeterName, "1.0");

    /// <summary>Instruments on a meter from <paramref name="meterFactory"/>, or on the process-wide meter when none is given.</summary>
    internal static YarpTrafficTelemetry Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? ProcessWide.Value : new YarpTrafficTelemetry(meterFactory.Create(new MeterOptions(MeterName) { Version = "1.0" }));

    internal void RecordRequest(DeploymentVariant arm, bool pinned) =>
        _requests.Add(1, arm == DeploymentVariant.Candidate ? CandidateTag : StableTag, pinned ? PinnedTag : BucketedTag);

    internal void RecordInvalidPin() => _invalidPins.Add(1);

    internal void RecordCandidateFraction(string cluster, double fraction) =>
        _candidateFraction.Record(fraction, new KeyValuePair<string, object?>("cluster", cluster));
}
