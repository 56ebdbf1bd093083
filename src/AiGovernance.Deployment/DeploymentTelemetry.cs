using System.Diagnostics.Metrics;
using AiGovernance.Deployment.Canary;

namespace AiGovernance.Deployment;

/// <summary>The Deployment package's meter, <see cref="MeterName"/>, and its instruments (docs/telemetry.md lists them).</summary>
/// <remarks>Components created by DI get the meter from the host's <see cref="IMeterFactory"/>; a component created without
/// a factory records on one process-wide meter of the same name.</remarks>
public sealed class DeploymentTelemetry
{
    /// <summary>The meter's name, for example for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "AiGovernance.Deployment";

    private static readonly KeyValuePair<string, object?> BaselineTag = new("variant", "baseline");
    private static readonly KeyValuePair<string, object?> CandidateTag = new("variant", "candidate");
    private static readonly Lazy<DeploymentTelemetry> ProcessWide = new(() => new DeploymentTelemetry(new Meter(MeterName, "1.0")));

    private readonly Gauge<double> _trafficFraction;
    private readonly Gauge<double> _errorRate;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _transitions;

    private DeploymentTelemetry(Meter meter)
    {
        _trafficFraction = meter.CreateGauge<double>("aigovernance.deployment.rollout.traffic_fraction", unit: "1",
            description: "The candidate's share of traffic (tag rollout).");
        _errorRate = meter.CreateGauge<double>("aigovernance.deployment.canary.error_rate", unit: "1",
            description: "Error rate per variant in the current stage (tags rollout, variant).");
        _decisions = meter.CreateCounter<long>("aigovernance.deployment.canary.decisions", unit: "{decision}",
            description: "Canary analysis decisions (tags rollout, decision).");
        _transitions = meter.CreateCounter<long>("aigovernance.deployment.rollout.transitions", unit: "{transition}",
            description: "Rollout state transitions (tags rollout, state).");
    }

    /// <summary>Instruments on a meter from <paramref name="meterFactory"/>, or on the process-wide meter when none is given.</summary>
    internal static DeploymentTelemetry Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? ProcessWide.Value : new DeploymentTelemetry(meterFactory.Create(new MeterOptions(MeterName) { Version = "1.0" }));

    internal void RecordTrafficFraction(string rollout, double fraction) =>
        _trafficFraction.Record(fraction, new KeyValuePair<string, object?>("rollout", rollout));

    internal void RecordErrorRates(string rollout, double baseline, double candidate)
    {
        var tag = new KeyValuePair<string, object?>("rollout", rollout);
        _errorRate.Record(baseline, tag, BaselineTag);
        _errorRate.Record(candidate, tag, CandidateTag);
    }

    internal void RecordDecision(string rollout, CanaryDecision decision) =>
        _decisions.Add(1, new KeyValuePair<string, object?>("rollout", rollout), new KeyValuePair<string, object?>("decision", decision.ToString()));

    internal void RecordTransition(string rollout, string to) =>
        _transitions.Add(1, new KeyValuePair<string, object?>("rollout", rollout), new KeyValuePair<string, object?>("state", to));
}
