using System.Diagnostics.Metrics;
using AiGovernance.Deployment.Canary;

namespace AiGovernance.Deployment.Telemetry;

/// <summary>The package's instruments on the <c>AiGovernance.Deployment</c> meter.</summary>
internal static class DeploymentMetrics
{
    public const string MeterName = "AiGovernance.Deployment";

    private static readonly Meter s_meter = new(MeterName, "1.0");
    private static readonly Gauge<double> s_trafficFraction = s_meter.CreateGauge<double>("aigovernance.deployment.rollout.traffic_fraction", description: "The candidate's share of traffic.");
    private static readonly Gauge<double> s_errorRate = s_meter.CreateGauge<double>("aigovernance.deployment.canary.error_rate", description: "Error rate per variant in the current stage.");
    private static readonly Counter<long> s_decisions = s_meter.CreateCounter<long>("aigovernance.deployment.canary.decisions", description: "Canary analysis decisions.");
    private static readonly Counter<long> s_transitions = s_meter.CreateCounter<long>("aigovernance.deployment.rollout.transitions", description: "Rollout state transitions.");

    public static void TrafficFraction(string rollout, double fraction) =>
        s_trafficFraction.Record(fraction, new KeyValuePair<string, object?>("rollout", rollout));

    public static void ErrorRates(string rollout, double baseline, double candidate)
    {
        s_errorRate.Record(baseline, new KeyValuePair<string, object?>("rollout", rollout), new KeyValuePair<string, object?>("variant", "baseline"));
        s_errorRate.Record(candidate, new KeyValuePair<string, object?>("rollout", rollout), new KeyValuePair<string, object?>("variant", "candidate"));
    }

    public static void Decision(string rollout, CanaryDecision decision) =>
        s_decisions.Add(1, new KeyValuePair<string, object?>("rollout", rollout), new KeyValuePair<string, object?>("decision", decision.ToString()));

    public static void Transition(string rollout, string to) =>
        s_transitions.Add(1, new KeyValuePair<string, object?>("rollout", rollout), new KeyValuePair<string, object?>("state", to));
}
