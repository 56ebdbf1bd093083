using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Samples.GatedService.Api;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Samples.GatedService.Tests;

public sealed class ReviewTests
{
    [Fact]
    public async Task UncertainCase_IsReviewedIndependently_AndTheCompletedReviewIsLoggedAndAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var factory = GatedServiceFactory.Create(dir, GatedServiceFactory.FastRollout);
        using var client = factory.CreateClient(GatedServiceFactory.ReviewerKeys["rev-1"]);
        using var other = factory.CreateClient(GatedServiceFactory.ReviewerKeys["rev-2"]);
        var predictions = await Traffic.PredictManyAsync(client, 0, 100, ct);
        var uncertain = predictions.First(p => p.SentToReview);
        var caseId = uncertain.RequestId;
        var url = $"/reviews/{caseId}";

        // Nothing to judge before the review starts; the listed case carries facts, not the AI's answer.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"{url}/judgment", new { decision = "approve", confidence = 0.6 }, ct)).StatusCode);
        var started = await client.PostAsJsonAsync($"{url}/start", new { reviewerId = "rev-1" }, ct);
        started.EnsureSuccessStatusCode();
        var session = (await started.Content.ReadFromJsonAsync<ReviewStartedResponse>(ct))!;
        Assert.Equal("human-review", session.Kind);
        Assert.Equal(uncertain.ApplicantId, session.Application.ApplicantId);
        Assert.Equal("AwaitingInitialJudgment", session.Stage);
        Assert.Equal(HttpStatusCode.Conflict, (await other.PostAsJsonAsync($"{url}/start", new { reviewerId = "rev-2" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"{url}/judgment", new { decision = "approve", confidence = 0.6 }, ct)).StatusCode);

        // The final decision cannot come before the reviewer's own judgment.
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"{url}/decision", new { decision = "approve" }, ct)).StatusCode);

        var opposite = uncertain.Decision == "approve" ? "decline" : "approve";
        var judgment = await client.PostAsJsonAsync($"{url}/judgment", new { decision = opposite, confidence = 0.6 }, ct);
        judgment.EnsureSuccessStatusCode();
        var revealed = (await judgment.Content.ReadFromJsonAsync<JudgmentRecordedResponse>(ct))!;
        Assert.Equal(uncertain.Decision, revealed.AiDecision);
        Assert.Equal(Math.Max(uncertain.ProbabilityOfDefault, 1 - uncertain.ProbabilityOfDefault), revealed.AiConfidence, 12);
        Assert.True(revealed.Disagrees);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"{url}/judgment", new { decision = uncertain.Decision, confidence = 0.9 }, ct)).StatusCode);

        var completed = await client.PostAsJsonAsync($"{url}/decision", new { decision = uncertain.Decision }, ct);
        completed.EnsureSuccessStatusCode();
        var record = (await completed.Content.ReadFromJsonAsync<ReviewCompletedResponse>(ct))!;
        Assert.False(record.IsOverride);
        Assert.True(record.ChangedMind);

        using var queue = JsonDocument.Parse(await client.GetStringAsync("/reviews?take=1000", ct));
        Assert.DoesNotContain(queue.RootElement.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseId").GetString() == caseId);
        Assert.Single(await factory.Services.GetRequiredService<AiGovernance.Oversight.Review.IReviewLog>().ReadAsync(ct).ToListAsync(ct));
        var auditLog = factory.Services.GetRequiredService<IAuditLog>();
        var reviewEvent = Assert.Single(await auditLog.ReadAsync(cancellationToken: ct).Where(r => r.EventType == "oversight.review.completed").ToListAsync(ct));
        Assert.Equal("rev-1", reviewEvent.Actor);
        Assert.Equal("credit-scoring", reviewEvent.SystemId);
        Assert.True((await auditLog.VerifyAsync(ct)).IsValid);
    }

    [Fact]
    public async Task ReviewEndpoints_RejectBadBodies_With400()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var factory = GatedServiceFactory.Create(dir, GatedServiceFactory.FastRollout);
        using var client = factory.CreateClient(GatedServiceFactory.ReviewerKeys["rev-1"]);
        var uncertain = (await Traffic.PredictManyAsync(client, 0, 100, ct)).First(p => p.SentToReview);
        var url = $"/reviews/{uncertain.RequestId}";

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"{url}/start", new { reviewerId = "" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/reviews/no-such-case/start", new { reviewerId = "rev-1" }, ct)).StatusCode);
        (await client.PostAsJsonAsync($"{url}/start", new { reviewerId = "rev-1" }, ct)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"{url}/judgment", new { decision = "maybe", confidence = 0.5 }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"{url}/judgment", new { decision = "approve", confidence = 1.5 }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{url}/decision", new StringContent("{", System.Text.Encoding.UTF8, "application/json"), ct)).StatusCode);
    }
}
