using AiGovernance.Shared;

namespace AiGovernance.Oversight.Review;

/// <summary>One reviewer's review of one case under the independent-review protocol: the reviewer records an initial
/// judgment and confidence from the case facts alone, only then receives the AI's recommendation, and then records a
/// final decision.</summary>
/// <remarks>
/// <para>The recommendation is sealed inside the session; the only ways to obtain it are the return value of
/// <see cref="RecordInitialJudgment"/> and <see cref="RevealRecommendation"/>, which fails with
/// <see cref="ReviewProtocolException"/> until the initial judgment is recorded. This enforces the independent-review
/// order (collect the reviewer's own judgment first, then show the AI's recommendation) against automation bias.</para>
/// <para>Safe for concurrent use: each step is taken at most once, in order; a step out of order throws.</para>
/// </remarks>
public sealed class IndependentReviewSession
{
    private readonly IndependentReviewProtocol _protocol;
    private readonly AiRecommendation _recommendation;
    private readonly Lock _gate = new();
    private string? _initialDecision;
    private double _initialConfidence;
    private DateTimeOffset _initialJudgmentAt;
    private bool _completing;
    private int _refusedSteps;

    internal IndependentReviewSession(IndependentReviewProtocol protocol, string caseId, string reviewerId, ReviewKind kind,
        AiRecommendation recommendation, DateTimeOffset startedAt)
    {
        _protocol = protocol;
        _recommendation = recommendation;
        CaseId = caseId;
        ReviewerId = reviewerId;
        Kind = kind;
        StartedAt = startedAt;
    }

    /// <summary>The case under review.</summary>
    public string CaseId { get; }

    /// <summary>The reviewer.</summary>
    public string ReviewerId { get; }

    /// <summary>Routed review or audit of an automated decision.</summary>
    public ReviewKind Kind { get; }

    /// <summary>When the session started (the case facts were shown).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Where the session is in the protocol.</summary>
    public ReviewStage Stage { get; private set; }

    /// <summary>How many out-of-order steps were refused (for example attempts to read the recommendation first); stated in
    /// the completed review's audit event and counted on <c>aigovernance.oversight.protocol.violations</c>.</summary>
    public int RefusedSteps
    {
        get
        {
            lock (_gate)
            {
                return _refusedSteps;
            }
        }
    }

    /// <summary>The completed review, once the final decision is recorded.</summary>
    public ReviewRecord? Record { get; private set; }

    /// <summary>Records the reviewer's independent judgment and, in return, reveals the AI's recommendation.</summary>
    /// <param name="decision">The reviewer's decision from the case facts alone.</param>
    /// <param name="confidence">The reviewer's confidence in it, in [0, 1].</param>
    /// <returns>The AI's recommendation, now that the reviewer's judgment is on record.</returns>
    /// <exception cref="ArgumentException"><paramref name="decision"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is outside [0, 1].</exception>
    /// <exception cref="ReviewProtocolException">An initial judgment is already recorded.</exception>
    public AiRecommendation RecordInitialJudgment(string decision, double confidence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decision);
        ArgumentGuard.ThrowIfNotProbability(confidence);

        lock (_gate)
        {
            if (Stage != ReviewStage.AwaitingInitialJudgment)
            {
                throw Refuse($"The initial judgment for case '{CaseId}' is already recorded; it cannot be changed after the AI's recommendation " +
                    $"was revealed.");
            }

            _initialDecision = decision;
            _initialConfidence = confidence;
            _initialJudgmentAt = _protocol.Now();
            Stage = ReviewStage.AwaitingFinalDecision;
            return _recommendation;
        }
    }

    /// <summary>The AI's recommendation, available only after the reviewer's initial judgment is recorded.</summary>
    /// <returns>The recommendation.</returns>
    /// <exception cref="ReviewProtocolException">The initial judgment is not recorded yet.</exception>
    public AiRecommendation RevealRecommendation()
    {
        lock (_gate)
        {
            if (Stage == ReviewStage.AwaitingInitialJudgment)
            {
                throw Refuse($"The AI's recommendation for case '{CaseId}' is sealed until reviewer '{ReviewerId}' records an independent initial " +
                    $"judgment and confidence.");
            }

            return _recommendation;
        }
    }

    /// <summary>Records the final decision, stores the review in the review log and its governance event in the audit log.</summary>
    /// <param name="decision">The reviewer's final decision.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The completed review.</returns>
    /// <exception cref="ArgumentException"><paramref name="decision"/> is empty.</exception>
    /// <exception cref="ReviewProtocolException">The initial judgment is not recorded yet, or the review is already completed.</exception>
    public async ValueTask<ReviewRecord> CompleteAsync(string decision, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decision);
        ReviewRecord record;
        lock (_gate)
        {
            if (Stage != ReviewStage.AwaitingFinalDecision || _completing)
            {
                throw Refuse(Stage == ReviewStage.AwaitingInitialJudgment
                    ? $"The final decision for case '{CaseId}' cannot be recorded before the independent initial judgment."
                    : $"The review of case '{CaseId}' is already completed.");
            }

            _completing = true;
            record = new ReviewRecord(CaseId, ReviewerId, Kind, StartedAt, _initialJudgmentAt, _protocol.Now(),
                _initialDecision!, _initialConfidence, _recommendation.Prediction, _recommendation.Confidence, decision);
        }

        try
        {
            await _protocol.StoreAsync(record, RefusedSteps, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                _completing = false;
            }

            throw;
        }

        lock (_gate)
        {
            Record = record;
            Stage = ReviewStage.Completed;
            _completing = false;
        }

        return record;
    }

    // Called under _gate.
    private ReviewProtocolException Refuse(string message)
    {
        _refusedSteps++;
        _protocol.RecordProtocolViolation();
        return new ReviewProtocolException(Stage, message);
    }
}
