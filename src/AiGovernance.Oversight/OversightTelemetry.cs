using System.Diagnostics.Metrics;

namespace AiGovernance.Oversight;

/// <summary>The oversight package's meter, <see cref="MeterName"/>, and its instruments (docs/telemetry.md lists them).</summary>
/// <remarks>Components created by DI get the meter from the host's <see cref="IMeterFactory"/>; a component created without
/// a factory records on one process-wide meter of the same name. Tags are cached key-value pairs, so recording a
/// measurement allocates nothing.</remarks>
public sealed class OversightTelemetry
{
    /// <summary>The meter's name, for example for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "AiGovernance.Oversight";

    private static readonly KeyValuePair<string, object?> AutomaticTag = new("route", "automatic");
    private static readonly KeyValuePair<string, object?> HumanReviewTag = new("route", "human_review");
    private static readonly KeyValuePair<string, object?> OverrideTag = new("outcome", "override");
    private static readonly KeyValuePair<string, object?> AgreeTag = new("outcome", "agree");
    private static readonly Lazy<OversightTelemetry> ProcessWide = new(() => new OversightTelemetry(new Meter(MeterName)));

    private readonly Counter<long> _routed;
    private readonly Counter<long> _auditSelected;
    private readonly Counter<long> _reviewsCompleted;
    private readonly Counter<long> _protocolViolations;

    private OversightTelemetry(Meter meter)
    {
        _routed = meter.CreateCounter<long>("aigovernance.oversight.routing.decisions", "{decision}",
            "Routing decisions, tagged route = automatic or human_review.");
        _auditSelected = meter.CreateCounter<long>("aigovernance.oversight.audit.selected", "{decision}",
            "Automated decisions selected for post-hoc audit.");
        _reviewsCompleted = meter.CreateCounter<long>("aigovernance.oversight.reviews.completed", "{review}",
            "Completed independent reviews, tagged outcome = override or agree.");
        _protocolViolations = meter.CreateCounter<long>("aigovernance.oversight.protocol.violations", "{attempt}",
            "Refused out-of-order steps of the independent-review protocol, such as reading the AI's recommendation first.");
    }

    /// <summary>Instruments on a meter from <paramref name="meterFactory"/>, or on the process-wide meter when none is given.</summary>
    internal static OversightTelemetry Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? ProcessWide.Value : new OversightTelemetry(meterFactory.Create(new MeterOptions(MeterName)));

    internal void RecordRouted(bool humanReview) => _routed.Add(1, humanReview ? HumanReviewTag : AutomaticTag);

    internal void RecordAuditSelected() => _auditSelected.Add(1);

    internal void RecordProtocolViolation() => _protocolViolations.Add(1);

    internal void RecordReviewCompleted(bool isOverride) => _reviewsCompleted.Add(1, isOverride ? OverrideTag : AgreeTag);
}
