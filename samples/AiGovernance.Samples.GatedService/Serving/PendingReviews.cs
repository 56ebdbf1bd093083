using System.Collections.Concurrent;
using AiGovernance.Oversight.Review;
using AiGovernance.Samples.GatedService.Models;

namespace AiGovernance.Samples.GatedService.Serving;

/// <summary>A case waiting for a person: routed for review (uncertain score) or sampled for post-hoc audit. The AI's
/// answer is deliberately not part of the listed case, so reviewers judge the facts first (independent review).</summary>
public sealed record ReviewCase(string CaseId, string Kind, CreditApplication Application, string ModelVersion, DateTimeOffset QueuedAt);

/// <summary>The cases waiting for human review or audit, with the AI recommendation kept aside until the reviewer has
/// recorded an initial judgment, and the review sessions in progress.</summary>
public sealed class PendingReviews
{
    public const string HumanReview = "human-review";
    public const string Audit = "audit";

    private readonly ConcurrentDictionary<string, Entry> _cases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IndependentReviewSession> _sessions = new(StringComparer.Ordinal);
    private long _sequence;

    public int Count => _cases.Count;

    public void Enqueue(ReviewCase reviewCase, AiRecommendation recommendation) =>
        _cases.TryAdd(reviewCase.CaseId, new Entry(reviewCase, recommendation, Interlocked.Increment(ref _sequence)));

    /// <summary>The oldest <paramref name="max"/> cases, facts only.</summary>
    public IReadOnlyList<ReviewCase> Peek(int max) => [.. _cases.Values.OrderBy(e => e.Sequence).Take(max).Select(e => e.Case)];

    public bool TryGet(string caseId, out ReviewCase reviewCase, out AiRecommendation recommendation)
    {
        var found = _cases.TryGetValue(caseId, out var entry);
        reviewCase = entry.Case;
        recommendation = entry.Recommendation;
        return found;
    }

    /// <summary>Starts the review of a queued case, or returns the session already started for it.</summary>
    public IndependentReviewSession StartOrGet(string caseId, Func<IndependentReviewSession> start) => _sessions.GetOrAdd(caseId, _ => start());

    public bool TryGetSession(string caseId, out IndependentReviewSession session) => _sessions.TryGetValue(caseId, out session!);

    /// <summary>Removes a case whose review is complete.</summary>
    public void Complete(string caseId)
    {
        _sessions.TryRemove(caseId, out _);
        _cases.TryRemove(caseId, out _);
    }

    private readonly record struct Entry(ReviewCase Case, AiRecommendation Recommendation, long Sequence);
}
