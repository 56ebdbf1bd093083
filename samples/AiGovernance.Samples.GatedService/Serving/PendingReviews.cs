using System.Collections.Concurrent;
using AiGovernance.Samples.GatedService.Models;

namespace AiGovernance.Samples.GatedService.Serving;

/// <summary>A case waiting for a person: routed for review (uncertain score) or sampled for post-hoc audit. The AI's
/// answer is deliberately not part of the queue entry, so reviewers judge the facts first (independent review).</summary>
public sealed record ReviewCase(string CaseId, string Kind, CreditApplication Application, string ModelVersion, DateTimeOffset QueuedAt);

/// <summary>The in-memory queue of cases waiting for human review or audit.</summary>
public sealed class PendingReviews
{
    public const string HumanReview = "human-review";
    public const string Audit = "audit";

    private readonly ConcurrentQueue<ReviewCase> _cases = new();

    public int Count => _cases.Count;

    public void Enqueue(ReviewCase reviewCase) => _cases.Enqueue(reviewCase);

    public IReadOnlyList<ReviewCase> Peek(int max) => [.. _cases.Take(max)];
}
