using System.Diagnostics;
using System.Diagnostics.Metrics;
using AiGovernance.Deployment.Canary;
using AiGovernance.Shared;

namespace AiGovernance.Deployment;

/// <summary>The Deployment package's meter, <see cref="MeterName"/>, and its instruments (docs/telemetry.md lists them).</summary>
/// <remarks>Components created by DI get the meter from the host's <see cref="IMeterFactory"/>; a component created without
/// a factory records on one process-wide meter of the same name.</remarks>
public sealed class DeploymentTelemetry
{
    /// <summary>The meter's name, for example for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "AiGovernance.Deployment";

    /// <summary>The activity source's name (spans for canary analyses (<c>aigovernance.deployment.canary.analyze</c>),
    /// with the decision and its reason as the attributes <c>aigovernance.decision</c> and <c>aigovernance.decision.reason</c>),
    /// for example for OpenTelemetry's <c>AddSource</c>.</summary>
    public const string ActivitySourceName = MeterName;

    private static readonly KeyValuePair<string, object?> BaselineTag = new("variant", "baseline");
    private static readonly KeyValuePair<string, object?> CandidateTag = new("variant", "candidate");
    private static readonly Lazy<DeploymentTelemetry> ProcessWide = new(() => new DeploymentTelemetry(new Meter(MeterName, "1.0")));

    /// <summary>The source of the package's spans.</summary>
    internal static readonly ActivitySource Activities = new(ActivitySourceName);

    private readonly Gauge<double> _trafficFraction;
    private readonly Gauge<double> _errorRate;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _observerFailures;
    private readonly Counter<long> _canaryRequests;
    private readonly Counter<long> _canaryErrors;
    private readonly Histogram<double> _canaryLatency;

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
        _observerFailures = meter.CreateCounter<long>("aigovernance.deployment.rollout.observer_failures", unit: "{failure}",
            description: "Rollout observers that threw or overran their timeout (tags rollout, observer, failure).");
        _canaryRequests = meter.CreateCounter<long>("aigovernance.deployment.canary.requests", unit: "{request}",
            description: "Requests recorded by the canary recorder, failed ones included (tag variant = baseline or candidate).");
        _canaryErrors = meter.CreateCounter<long>("aigovernance.deployment.canary.errors", unit: "{request}",
            description: "Failed requests recorded by the canary recorder (tag variant = baseline or candidate).");
        _canaryLatency = meter.CreateHistogram("aigovernance.deployment.canary.latency", unit: "s",
            description: "Latency of the requests recorded by the canary recorder (tag variant = baseline or candidate).",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketBoundaries });
    }

    /// <summary>The explicit bucket boundaries (seconds) of <c>aigovernance.deployment.canary.latency</c>: those of ASP.NET
    /// Core's <c>http.server.request.duration</c> with 1 ms and 2.5 ms added below, so a Prometheus <c>le</c> series lines up
    /// with the framework's own.</summary>
    internal static IReadOnlyList<double> LatencyBucketBoundaries { get; } =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    /// <summary>Instruments on a meter from <paramref name="meterFactory"/>, or on the process-wide meter when none is given.</summary>
    internal static DeploymentTelemetry Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? ProcessWide.Value : new DeploymentTelemetry(meterFactory.Create(new MeterOptions(MeterName) { Version = "1.0" }));

    /// <summary>Records one canary request on the request, error and latency instruments; allocation-free (cached tags).</summary>
    internal void RecordCanaryRequest(bool candidate, TimeSpan latency, bool isError)
    {
        var variant = candidate ? CandidateTag : BaselineTag;
        _canaryRequests.Add(1, variant);
        if (isError)
        {
            _canaryErrors.Add(1, variant);
        }

        _canaryLatency.Record(latency.TotalSeconds, variant);
    }

    internal void RecordObserverFailure(string rollout, string observer, string failure) => _observerFailures.Add(1,
        new KeyValuePair<string, object?>("rollout", rollout), new KeyValuePair<string, object?>("observer", observer),
        new KeyValuePair<string, object?>("failure", failure));

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

    /// <summary>Sets a canary analysis's decision, reason, request counts and p-values on its span.</summary>
    internal static void TagAnalysis(Activity? activity, CanaryAnalysis analysis)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        DecisionActivity.SetDecision(activity, DecisionName(analysis.Decision), string.Join("; ", analysis.Reasons));
        activity.SetTag("aigovernance.canary.mode", analysis.Mode.ToString());
        activity.SetTag("aigovernance.canary.baseline.requests", analysis.BaselineRequests);
        activity.SetTag("aigovernance.canary.candidate.requests", analysis.CandidateRequests);
        if (analysis.ErrorRate is { } errorRate)
        {
            activity.SetTag("aigovernance.canary.error_rate.p_value", errorRate.PValue);
        }

        if (analysis.SampleRatio is { } ratio)
        {
            activity.SetTag("aigovernance.canary.sample_ratio.p_value", ratio.PValue);
        }
    }

    /// <summary>The decision as a span attribute value: snake case, a closed set.</summary>
    internal static string DecisionName(CanaryDecision decision) => decision switch
    {
        CanaryDecision.Hold => "hold",
        CanaryDecision.ProceedToFullRollout => "proceed_to_full_rollout",
        CanaryDecision.MonitorClosely => "monitor_closely",
        CanaryDecision.RollbackImmediately => "rollback_immediately",
        _ => "unknown",
    };

    internal void RecordTransition(string rollout, string to) =>
        _transitions.Add(1, new KeyValuePair<string, object?>("rollout", rollout), new KeyValuePair<string, object?>("state", to));
}
