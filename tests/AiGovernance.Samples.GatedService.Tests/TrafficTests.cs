using System.Net.Http.Json;
using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Bucketing;
using AiGovernance.Oversight.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Samples.GatedService.Tests;

public sealed class TrafficTests
{
    [Fact]
    public async Task Predict_SplitsTrafficByStableBucketing_RoutesUncertainCasesToReview_AndKeepsTheAuditChainValid()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var factory = GatedServiceFactory.Create(dir, GatedServiceFactory.FastRollout);
        using var client = factory.CreateClient();

        const int n = 1000;
        var responses = await Traffic.PredictManyAsync(client, 0, n, ct);

        // The split follows the configured first stage (20%) and is exactly the SHA-256 bucketing of the applicant id.
        var candidates = responses.Count(r => r.Variant == "candidate");
        Assert.InRange(candidates, 160, 240);
        foreach (var r in responses)
        {
            var expected = StableBucketing.IsInCandidate(r.ApplicantId, GatedServiceFactory.RolloutName, 0.2) ? "candidate" : "baseline";
            Assert.Equal(expected, r.Variant);
            Assert.Equal(r.Variant == "candidate" ? "2.0.0" : "1.0.0", r.Model.Version);
            Assert.Equal(r.Variant == "candidate" ? "baseline" : "candidate", r.ShadowVariant);
        }

        // Same key, same variant: the first 100 applicants again.
        var again = await Traffic.PredictManyAsync(client, 0, 100, ct, round: 1);
        for (var i = 0; i < again.Count; i++)
        {
            Assert.Equal(responses[i].Variant, again[i].Variant);
            Assert.Equal(responses[i].ProbabilityOfDefault, again[i].ProbabilityOfDefault);
            Assert.NotEqual(responses[i].RequestId, again[i].RequestId);
        }

        // Uncertain cases (highest class probability below the 0.75 threshold) and only those go to human review.
        var all = responses.Concat(again).ToList();
        var sampler = new AuditSampler(0.05, "2026-Q4");   // the configured rate and salt: automated decisions only
        foreach (var r in all)
        {
            var confidence = Math.Max(r.ProbabilityOfDefault, 1 - r.ProbabilityOfDefault);
            Assert.Equal(confidence < 0.75, r.SentToReview);
            Assert.Equal(!r.SentToReview && sampler.IsSelected(r.RequestId), r.SelectedForAudit);
            Assert.Equal(r.ProbabilityOfDefault >= 0.5 ? "decline" : "approve", r.Decision);
        }

        var reviews = all.Count(r => r.SentToReview);
        var audits = all.Count(r => r.SelectedForAudit);
        Assert.InRange(reviews, 1, all.Count - 1);
        Assert.InRange(audits, 1, all.Count / 10);   // 5% of the automated decisions, by a stable hash of the request id
        using var queue = JsonDocument.Parse(await client.GetStringAsync("/reviews?take=1000", ct));
        Assert.Equal(reviews + audits, queue.RootElement.GetProperty("pending").GetInt32());
        var queued = queue.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(reviews, queued.Count(c => c.GetProperty("kind").GetString() == "human-review"));
        Assert.All(queued, c => Assert.False(c.TryGetProperty("decision", out _)));   // reviewers see facts, not the AI's answer

        // The audit log lives in the test's data directory; its hash chain verifies (gate decision, canary start).
        var auditLog = factory.Services.GetRequiredService<IAuditLog>();
        var verification = await auditLog.VerifyAsync(ct);
        Assert.True(verification.IsValid, verification.Message);
        Assert.True(verification.VerifiedCount >= 2);
        Assert.True(File.Exists(factory.DatabasePath));
        var events = await auditLog.ReadAsync(cancellationToken: ct).Select(r => r.EventType).ToListAsync(ct);
        Assert.Equal(["gate.deployment.decided", "deployment.rollout.transition"], events.Take(2));
    }

    [Fact]
    public async Task Outcome_IsRecordedOncePerPrediction()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var factory = GatedServiceFactory.Create(dir, GatedServiceFactory.FastRollout);
        using var client = factory.CreateClient();
        var prediction = await Traffic.PredictAsync(client, Traffic.Applicant(1), ct);

        var first = await Traffic.OutcomeAsync(client, prediction, correct: false, ct);
        Assert.False(first.Correct);
        Assert.Equal(prediction.Variant, first.Variant);

        var second = await client.PostAsJsonAsync("/outcome", new { requestId = prediction.RequestId, defaulted = true }, ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ServeCandidateFalse_StartsWithoutApprovals_AndServesBaselineOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        var settings = new Dictionary<string, string?>(GatedServiceFactory.FastRollout) { ["GatedService:ServeCandidate"] = "false" };
        await using var factory = GatedServiceFactory.Create(dir, settings);
        using var client = factory.CreateClient();

        var responses = await Traffic.PredictManyAsync(client, 0, 200, ct);

        Assert.All(responses, r => Assert.Equal("baseline", r.Variant));
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "governance", "trusted-reviewer-keys.json")));
        var rollout = await client.GetFromJsonAsync<Api.RolloutView>("/rollout", ct);
        Assert.Equal("Shadow", rollout!.State);
        Assert.False(rollout.Gate.CandidateApproved);
    }
}
