using System.Diagnostics.Metrics;

namespace AiGovernance.Oversight.Telemetry;

/// <summary>The package's instruments on the <c>AiGovernance.Oversight</c> meter.</summary>
/// <remarks>Tags are cached key-value pairs, so recording a measurement allocates nothing.</remarks>
internal sealed class OversightMetrics
{
    private static readonly KeyValuePair<string, object?> AutomaticTag = new("route", "automatic");
    private static readonly KeyValuePair<string, object?> HumanReviewTag = new("route", "human_review");
    private static readonly KeyValuePair<string, object?> OverrideTag = new("outcome", "override");
    private static readonly KeyValuePair<string, object?> AgreeTag = new("outcome", "agree");
    private static readonly Lazy<OversightMetrics> Shared = new(() => new OversightMetrics(new Meter(OversightDefaults.MeterName)));

    private readonly Counter<long> _routed;
    private readonly Counter<long> _auditSelected;
    private readonly Counter<long> _reviewsCompleted;
    private readonly Counter<long> _protocolViolations;

    private OversightMetrics(Meter meter)
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

    /// <summary>Instruments on a meter from <paramref name="meterFactory"/>, or on a process-wide meter when none is given.</summary>
    public static OversightMetrics Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? Shared.Value : new OversightMetrics(meterFactory.Create(new MeterOptions(OversightDefaults.MeterName)));

    public void RecordRouted(bool humanReview) => _routed.Add(1, humanReview ? HumanReviewTag : AutomaticTag);

    public void RecordAuditSelected() => _auditSelected.Add(1);

    public void RecordProtocolViolation() => _protocolViolations.Add(1);

    public void RecordReviewCompleted(bool isOverride) => _reviewsCompleted.Add(1, isOverride ? OverrideTag : AgreeTag);
}
