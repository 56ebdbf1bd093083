using AiGovernance.Oversight.Review;
using static AiGovernance.Storage.Contract.ContractTime;

namespace AiGovernance.Storage.Contract;

/// <summary>What every <see cref="IReviewLog"/> promises: no append lost, reads in append order with every field.</summary>
public abstract class ReviewLogContract : StoreContract
{
    protected abstract ValueTask<IReviewLog> CreateAsync();

    protected static ReviewRecord Review(int i)
    {
        var offset = TimeSpan.FromMinutes(i % 3 == 0 ? 0 : 90);
        var started = new DateTimeOffset(2026, 11, 26, 9, 0, 0, offset).AddSeconds(i);
        return new ReviewRecord("case-" + i, "rev-" + (i % 4), i % 5 == 0 ? ReviewKind.Audit : ReviewKind.Routed,
            started, started.AddSeconds(30), started.AddSeconds(45).AddTicks(i),
            i % 2 == 0 ? "approve" : "decline", 0.1 + (i % 9) / 10.0, "approve", 0.5 + (i % 5) / 10.0, i % 3 == 0 ? "decline" : "approve");
    }

    [Fact]
    public async Task Reviews_ReadBackInAppendOrder_WithEveryField()
    {
        var log = await CreateAsync();
        for (var i = 1; i <= 20; i++)
        {
            await log.AppendAsync(Review(i), Ct);
        }

        var read = new List<ReviewRecord>();
        await foreach (var r in log.ReadAsync(Ct))
        {
            read.Add(r);
        }

        Assert.Equal(20, read.Count);
        for (var i = 0; i < 20; i++)
        {
            var e = Review(i + 1);
            var a = read[i];
            Assert.Equal((e.CaseId, e.ReviewerId, e.Kind, e.HumanInitialDecision, e.AiPrediction, e.FinalDecision),
                (a.CaseId, a.ReviewerId, a.Kind, a.HumanInitialDecision, a.AiPrediction, a.FinalDecision));
            Assert.Equal((e.StartedAt, e.StartedAt.Offset, e.InitialJudgmentAt, e.FinalDecisionAt, e.FinalDecisionAt.Offset),
                (a.StartedAt, a.StartedAt.Offset, a.InitialJudgmentAt, a.FinalDecisionAt, a.FinalDecisionAt.Offset));
            Assert.Equal((e.HumanInitialConfidence, e.AiConfidence), (a.HumanInitialConfidence, a.AiConfidence));
        }
    }

    [Fact]
    public async Task ConcurrentAppends_LoseNothing()
    {
        var log = await CreateAsync();

        await Task.WhenAll(Enumerable.Range(1, 300).Select(i => log.AppendAsync(Review(i), Ct).AsTask()));

        var cases = new List<string>();
        await foreach (var r in log.ReadAsync(Ct))
        {
            cases.Add(r.CaseId);
        }

        Assert.Equal(Enumerable.Range(1, 300).Select(i => "case-" + i).Order(StringComparer.Ordinal), cases.Order(StringComparer.Ordinal));
    }
}
