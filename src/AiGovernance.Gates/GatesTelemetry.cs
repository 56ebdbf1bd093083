using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiGovernance.Gates;

/// <summary>The Gates package's meter, <see cref="MeterName"/>, and its instruments (docs/telemetry.md lists them).</summary>
/// <remarks>Components created by DI get the meter from the host's <see cref="IMeterFactory"/>; a component created without
/// a factory records on one process-wide meter of the same name.</remarks>
public sealed class GatesTelemetry
{
    /// <summary>The meter's name, for example for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "AiGovernance.Gates";

    /// <summary>The activity source's name (spans for gate decisions (<c>aigovernance.gates.decide</c>),
    /// with the decision and its reason as the attributes <c>aigovernance.decision</c> and <c>aigovernance.decision.reason</c>),
    /// for example for OpenTelemetry's <c>AddSource</c>.</summary>
    public const string ActivitySourceName = MeterName;

    private static readonly Lazy<GatesTelemetry> ProcessWide = new(() => new GatesTelemetry(new Meter(MeterName)));

    /// <summary>The source of the package's spans.</summary>
    internal static readonly ActivitySource Activities = new(ActivitySourceName);

    private readonly Counter<long> _decisions;
    private readonly Counter<long> _invalidApprovals;
    private readonly Counter<long> _observerFailures;

    private GatesTelemetry(Meter meter)
    {
        _decisions = meter.CreateCounter<long>(
            "aigovernance.gates.decisions", unit: "{decision}", description: "Gate decisions, tagged by gate and outcome.");
        _invalidApprovals = meter.CreateCounter<long>(
            "aigovernance.gates.approvals.invalid", unit: "{approval}", description: "Presented approvals that failed verification, tagged by " +
                "reason.");
        _observerFailures = meter.CreateCounter<long>("aigovernance.gates.observer_failures", unit: "{failure}",
            description: "Gate decision observers that threw or overran their timeout, tagged by observer and failure.");
    }

    /// <summary>Instruments on a meter from <paramref name="meterFactory"/>, or on the process-wide meter when none is given.</summary>
    internal static GatesTelemetry Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? ProcessWide.Value : new GatesTelemetry(meterFactory.Create(new MeterOptions(MeterName)));

    internal void RecordDecision(string gate, bool allowed) =>
        _decisions.Add(1, new KeyValuePair<string, object?>("gate", gate), new KeyValuePair<string,
            object?>("outcome", allowed ? "allowed" : "blocked"));

    internal void RecordObserverFailure(string observer, string failure) => _observerFailures.Add(1,
        new KeyValuePair<string, object?>("observer", observer), new KeyValuePair<string, object?>("failure", failure));

    internal void RecordInvalidApproval(string reason) => _invalidApprovals.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
