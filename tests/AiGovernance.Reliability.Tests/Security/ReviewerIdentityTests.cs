using AiGovernance.Oversight.Analysis;
using AiGovernance.Oversight.Review;

namespace AiGovernance.Reliability.Tests.Security;

/// <summary>Reviewer ids that look alike: identity is ordinal (no normalisation), and the review log keeps ids exactly.</summary>
public class ReviewerIdentityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string> Confusables => new()
    {
        { "alice", "\u0430lice" },          // Cyrillic a
        { "\u00E1lice", "a\u0301lice" },    // NFC vs NFD
        { "bob", "bob\u200B" },             // zero-width space
        { "carol", "\uFF43arol" },          // full-width c
        { "dave", "dave\u202E" },           // right-to-left override
    };

    [Theory]
    [MemberData(nameof(Confusables))]
    public async Task ConfusableReviewerIds_RoundTripExactlyThroughTheReviewLog(string genuine, string lookalike)
    {
        using var files = new TestFiles();
        var path = files.File("reviews.jsonl");
        using (var log = new JsonLinesReviewLog(path))
        {
            await log.AppendAsync(Review("c1", genuine), TestContext.Current.CancellationToken);
            await log.AppendAsync(Review("c2", lookalike), TestContext.Current.CancellationToken);
        }

        using var reopened = new JsonLinesReviewLog(path);
        var ids = new List<string>();
        await foreach (var r in reopened.ReadAsync(TestContext.Current.CancellationToken))
        {
            ids.Add(r.ReviewerId);
        }

        Assert.Equal([genuine, lookalike], ids);
    }

    [Theory]
    [MemberData(nameof(Confusables))]
    public void ConfusableReviewerIds_AreDistinctReviewersInTheAnalysis(string genuine, string lookalike)
    {
        var report = OverrideAnalyzer.Analyze([Review("c1", genuine), Review("c2", lookalike)], new OverrideAnalysisOptions { MinimumReviewsPerReviewer = 1 });
        Assert.Equal(2, report.ByReviewer.Count);
        Assert.Contains(report.ByReviewer, r => r.ReviewerId == genuine);
        Assert.Contains(report.ByReviewer, r => r.ReviewerId == lookalike);
    }

    private static ReviewRecord Review(string caseId, string reviewer) =>
        new(caseId, reviewer, ReviewKind.Routed, T0, T0, T0, "deny", 0.8, "approve", 0.7, "deny");
}
