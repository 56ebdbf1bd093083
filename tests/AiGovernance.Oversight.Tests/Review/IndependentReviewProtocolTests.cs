using AiGovernance.Core.Audit;
using AiGovernance.Oversight.Review;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Oversight.Tests.Review;

public class IndependentReviewProtocolTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryReviewLog _reviews = new();
    private readonly InMemoryAuditLog _audit;
    private readonly IndependentReviewProtocol _protocol;

    public IndependentReviewProtocolTests()
    {
        _audit = new InMemoryAuditLog(_clock);
        _protocol = new IndependentReviewProtocol(_reviews, _audit, _clock, "credit-scoring");
    }

    [Fact]
    public void RevealRecommendation_BeforeInitialJudgment_Fails()
    {
        var session = _protocol.Start("case-1", "alice", new AiRecommendation("deny", 0.62));

        var ex = Assert.Throws<ReviewProtocolException>(() => session.RevealRecommendation());
        Assert.Equal(ReviewStage.AwaitingInitialJudgment, ex.Stage);
        Assert.Equal(ReviewStage.AwaitingInitialJudgment, session.Stage);
    }

    [Fact]
    public async Task CompleteAsync_BeforeInitialJudgment_Fails()
    {
        var session = _protocol.Start("case-1", "alice", new AiRecommendation("deny", 0.62));

        await Assert.ThrowsAsync<ReviewProtocolException>(() => session.CompleteAsync("deny", TestContext.Current.CancellationToken).AsTask());
        Assert.Equal(0, _reviews.Count);
    }

    [Fact]
    public void RecordInitialJudgment_RevealsRecommendation_AndCannotBeRepeated()
    {
        var session = _protocol.Start("case-1", "alice", new AiRecommendation("deny", 0.62));

        var revealed = session.RecordInitialJudgment("approve", 0.7);

        Assert.Equal(new AiRecommendation("deny", 0.62), revealed);
        Assert.Equal(revealed, session.RevealRecommendation());
        Assert.Equal(ReviewStage.AwaitingFinalDecision, session.Stage);
        Assert.Throws<ReviewProtocolException>(() => session.RecordInitialJudgment("deny", 0.9));
    }

    [Fact]
    public async Task CompleteAsync_RecordsEveryFieldWithTimestampsAndFlags()
    {
        var session = _protocol.Start("case-1", "alice", new AiRecommendation("deny", 0.62));
        _clock.Advance(TimeSpan.FromMinutes(3));
        session.RecordInitialJudgment("approve", 0.7);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var record = await session.CompleteAsync("deny", TestContext.Current.CancellationToken);

        Assert.Equal("case-1", record.CaseId);
        Assert.Equal("alice", record.ReviewerId);
        Assert.Equal(ReviewKind.Routed, record.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero), record.StartedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 3, 0, TimeSpan.Zero), record.InitialJudgmentAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 4, 0, TimeSpan.Zero), record.FinalDecisionAt);
        Assert.Equal("approve", record.HumanInitialDecision);
        Assert.Equal(0.7, record.HumanInitialConfidence);
        Assert.Equal("deny", record.AiPrediction);
        Assert.Equal(0.62, record.AiConfidence);
        Assert.Equal("deny", record.FinalDecision);
        Assert.True(record.Disagreement);
        Assert.True(record.ChangedMind);
        Assert.True(record.ChangedTowardAi);
        Assert.False(record.IsOverride);
        Assert.Equal(ReviewStage.Completed, session.Stage);
        Assert.Same(record, session.Record);
        Assert.Same(record, Assert.Single(_reviews.Snapshot()));
    }

    [Fact]
    public async Task CompleteAsync_AppendsGovernanceEventToAuditLog()
    {
        var session = _protocol.Start("case-7", "bob", new AiRecommendation("approve", 0.7), ReviewKind.Audit);
        session.RecordInitialJudgment("deny", 0.9);
        await session.CompleteAsync("deny", TestContext.Current.CancellationToken);

        var auditRecord = Assert.Single(_audit.Snapshot());
        Assert.Equal("oversight.audit.completed", auditRecord.EventType);
        Assert.Equal("bob", auditRecord.Actor);
        Assert.Equal("credit-scoring", auditRecord.SystemId);
        var payload = auditRecord.Payload!.Value;
        Assert.Equal("case-7", payload.GetProperty("caseId").GetString());
        Assert.True(payload.GetProperty("override").GetBoolean());
        Assert.False(payload.GetProperty("changedMind").GetBoolean());
        Assert.True((await _audit.VerifyAsync(TestContext.Current.CancellationToken)).IsValid);
    }

    [Fact]
    public async Task CompleteAsync_Twice_Fails()
    {
        var session = _protocol.Start("case-1", "alice", new AiRecommendation("deny", 0.62));
        session.RecordInitialJudgment("deny", 0.8);
        await session.CompleteAsync("deny", TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<ReviewProtocolException>(() => session.CompleteAsync("approve", TestContext.Current.CancellationToken).AsTask());
        Assert.Equal(ReviewStage.Completed, ex.Stage);
        Assert.Equal(1, _reviews.Count);
    }

    [Fact]
    public void RecordInitialJudgment_ConfidenceOutOfRange_NamesArgument()
    {
        var session = _protocol.Start("case-1", "alice", new AiRecommendation("deny", 0.62));
        Assert.Equal("confidence", Assert.Throws<ArgumentOutOfRangeException>(() => session.RecordInitialJudgment("deny", 1.5)).ParamName);
        Assert.Equal(ReviewStage.AwaitingInitialJudgment, session.Stage);
    }

    [Fact]
    public void Start_InvalidArguments_NameThem()
    {
        Assert.Equal("caseId", Assert.Throws<ArgumentException>(() => _protocol.Start("", "a", new AiRecommendation("x", 0.5))).ParamName);
        Assert.Equal("reviewerId", Assert.Throws<ArgumentException>(() => _protocol.Start("c", " ", new AiRecommendation("x", 0.5))).ParamName);
        Assert.Equal("recommendation", Assert.Throws<ArgumentException>(() => _protocol.Start("c", "a", new AiRecommendation("", 0.5))).ParamName);
        Assert.Equal("recommendation", Assert.Throws<ArgumentOutOfRangeException>(() => _protocol.Start("c", "a", new AiRecommendation("x", 2))).ParamName);
    }

    [Fact]
    public async Task Sessions_CompletedConcurrently_AllLogged()
    {
        await Parallel.ForAsync(0, 500, TestContext.Current.CancellationToken, async (i, ct) =>
        {
            var session = _protocol.Start($"case-{i}", $"r{i % 7}", new AiRecommendation("approve", 0.6));
            session.RecordInitialJudgment(i % 3 == 0 ? "deny" : "approve", 0.8);
            await session.CompleteAsync("approve", ct);
        });

        Assert.Equal(500, _reviews.Count);
        Assert.Equal(500, _audit.Count);
        Assert.Equal(500, _reviews.Snapshot().Select(r => r.CaseId).Distinct().Count());
    }

    [Fact]
    public async Task RefusedSteps_CountedOnMeterAndStatedInAuditEvent()
    {
        using var meters = new TestMeterFactory();
        var protocol = new IndependentReviewProtocol(_reviews, _audit, _clock, meterFactory: meters);
        var session = protocol.Start("case-1", "alice", new AiRecommendation("deny", 0.62));

        Assert.Throws<ReviewProtocolException>(() => session.RevealRecommendation());
        Assert.Throws<ReviewProtocolException>(() => session.RevealRecommendation());
        session.RecordInitialJudgment("approve", 0.6);
        await session.CompleteAsync("approve", TestContext.Current.CancellationToken);

        Assert.Equal(2, session.RefusedSteps);
        Assert.Equal(2, meters.Total("aigovernance.oversight.protocol.violations"));
        Assert.Equal(1, meters.Total("aigovernance.oversight.reviews.completed|outcome=override"));
        Assert.Equal(2, Assert.Single(_audit.Snapshot()).Payload!.Value.GetProperty("refusedSteps").GetInt32());
    }
}
