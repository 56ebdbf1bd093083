using System.Diagnostics.Metrics;
using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Shared;

namespace AiGovernance.Oversight.Review;

/// <summary>Starts independent-review sessions and stores what they produce: each completed review goes to the
/// <see cref="IReviewLog"/> and, as a governance event, to the <see cref="IAuditLog"/>.</summary>
/// <remarks>
/// <para>Audit events: <see cref="OversightAuditEvents.ReviewCompleted"/> for a routed review,
/// <see cref="OversightAuditEvents.AuditCompleted"/> for an audit of an automated decision; the actor is the reviewer and the payload holds the case
/// id, both decisions and
/// confidences of the reviewer, the AI's prediction and confidence, the derived flags, and <c>refusedSteps</c>: how many
/// out-of-order steps (such as reading the recommendation first) the session refused.</para>
/// <para>Thread-safe. Timestamps come from the <see cref="TimeProvider"/>.</para>
/// </remarks>
public sealed class IndependentReviewProtocol
{
    private readonly IReviewLog _reviewLog;
    private readonly IAuditLog _auditLog;
    private readonly TimeProvider _timeProvider;
    private readonly string? _systemId;
    private readonly OversightTelemetry _telemetry;

    /// <summary>Creates the protocol.</summary>
    /// <param name="reviewLog">Stores completed reviews.</param>
    /// <param name="auditLog">Receives a governance event per completed review.</param>
    /// <param name="timeProvider">Stamps the review's steps.</param>
    /// <param name="systemId">The AI system under review, stamped on the audit events; null for none.</param>
    /// <param name="meterFactory">Creates the package's meter; when null a process-wide meter is used.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is given but empty.</exception>
    public IndependentReviewProtocol(IReviewLog reviewLog, IAuditLog auditLog, TimeProvider timeProvider, string? systemId = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(reviewLog);
        ArgumentNullException.ThrowIfNull(auditLog);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentGuard.ThrowIfEmptyWhenGiven(systemId);

        _reviewLog = reviewLog;
        _auditLog = auditLog;
        _timeProvider = timeProvider;
        _systemId = systemId;
        _telemetry = OversightTelemetry.Create(meterFactory);
    }

    /// <summary>Starts a review: the reviewer sees the case facts, while the AI's recommendation stays sealed in the session.</summary>
    /// <param name="caseId">The case under review.</param>
    /// <param name="reviewerId">The reviewer.</param>
    /// <param name="recommendation">The AI's recommendation, revealed only after the reviewer's initial judgment.</param>
    /// <param name="kind">Routed review (the default) or audit of an automated decision.</param>
    /// <returns>The session.</returns>
    /// <exception cref="ArgumentException">An id or the predicted decision is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The AI's confidence is outside [0, 1], or <paramref name="kind"/> is undefined.</exception>
    public IndependentReviewSession Start(string caseId, string reviewerId, AiRecommendation recommendation, ReviewKind kind = ReviewKind.Routed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewerId);
        if (string.IsNullOrWhiteSpace(recommendation.Prediction))
        {
            throw new ArgumentException("The AI's predicted decision is empty.", nameof(recommendation));
        }

        if (!(recommendation.Confidence is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(recommendation), recommendation.Confidence, "The AI's confidence must be in [0, 1].");
        }

        if (kind is not (ReviewKind.Routed or ReviewKind.Audit))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown review kind.");
        }

        return new IndependentReviewSession(this, caseId, reviewerId, kind, recommendation, Now());
    }

    internal DateTimeOffset Now() => _timeProvider.GetUtcNow();

    internal void RecordProtocolViolation() => _telemetry.RecordProtocolViolation();

    internal async ValueTask StoreAsync(ReviewRecord record, int refusedSteps, CancellationToken cancellationToken)
    {
        var eventType = record.Kind == ReviewKind.Audit ? OversightAuditEvents.AuditCompleted : OversightAuditEvents.ReviewCompleted;
        await _auditLog.AppendAsync(new AuditEvent(eventType, record.ReviewerId, _systemId, payload: Payload(record, refusedSteps)),
            cancellationToken)
            .ConfigureAwait(false);
        await _reviewLog.AppendAsync(record, cancellationToken).ConfigureAwait(false);
        _telemetry.RecordReviewCompleted(record.IsOverride);
    }

    private static JsonElement Payload(ReviewRecord record, int refusedSteps) =>
        JsonSerializer.SerializeToElement(ReviewAuditPayload.From(record, refusedSteps), OversightJsonContext.Default.ReviewAuditPayload);
}
