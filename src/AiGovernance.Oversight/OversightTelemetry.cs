using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using AiGovernance.Shared;

namespace AiGovernance.Oversight;

/// <summary>The oversight package's meter, <see cref="MeterName"/>, and its instruments (docs/telemetry.md lists them).</summary>
/// <remarks>Components created by DI get the meter from the host's <see cref="IMeterFactory"/>; a component created without
/// a factory records on one process-wide meter of the same name. Tags are cached key-value pairs, so recording a
/// measurement allocates nothing.</remarks>
public sealed class OversightTelemetry
{
    /// <summary>The meter's name, for example for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "AiGovernance.Oversight";

    /// <summary>The activity source's name (spans for review routing (<c>aigovernance.oversight.route</c>),
    /// with the decision and its reason as the attributes <c>aigovernance.decision</c> and <c>aigovernance.decision.reason</c>),
    /// for example for OpenTelemetry's <c>AddSource</c>.</summary>
    public const string ActivitySourceName = MeterName;

    private static readonly KeyValuePair<string, object?> AutomaticTag = new("route", "automatic");
    private static readonly KeyValuePair<string, object?> HumanReviewTag = new("route", "human_review");
    private static readonly KeyValuePair<string, object?> OverrideTag = new("outcome", "override");
    private static readonly KeyValuePair<string, object?> AgreeTag = new("outcome", "agree");
    private static readonly Lazy<OversightTelemetry> ProcessWide = new(() => new OversightTelemetry(new Meter(MeterName)));

    /// <summary>The source of the package's spans.</summary>
    internal static readonly ActivitySource Activities = new(ActivitySourceName);

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

    /// <summary>Sets a routing decision (automatic / human_review), its reason, the case and the audit selection on its span.</summary>
    internal static void TagRouting(Activity activity, string caseId, bool humanReview, bool audit, double confidence, double threshold)
    {
        activity.SetTag("aigovernance.case", UntrustedText.Bound(caseId));
        activity.SetTag("aigovernance.oversight.confidence", confidence);
        activity.SetTag("aigovernance.oversight.audit_selected", audit);
        var comparison = humanReview ? "below" : "at or above";
        var audited = audit ? "; selected for post-hoc audit" : string.Empty;
        DecisionActivity.SetDecision(activity, humanReview ? "human_review" : "automatic", string.Create(CultureInfo.InvariantCulture,
            $"confidence {confidence:G6} {comparison} the review threshold {threshold:G6}{audited}"));
    }

    internal void RecordRouted(bool humanReview) => _routed.Add(1, humanReview ? HumanReviewTag : AutomaticTag);

    internal void RecordAuditSelected() => _auditSelected.Add(1);

    internal void RecordProtocolViolation() => _protocolViolations.Add(1);

    internal void RecordReviewCompleted(bool isOverride) => _reviewsCompleted.Add(1, isOverride ? OverrideTag : AgreeTag);
}
