using System.Net.Http.Json;
using System.Text.Json;
using AiGovernance.Core.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Samples.GatedService.Tests;

public sealed class RolloutTests
{
    [Fact]
    public async Task Evaluate_CandidateWithHigherErrorRate_IsRolledBackAutomatically_AndTrafficReturnsToBaseline()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var factory = GatedServiceFactory.Create(dir, GatedServiceFactory.FastRollout);
        using var client = factory.CreateClient();

        var predictions = await Traffic.PredictManyAsync(client, 0, 600, ct);
        var candidateIndex = 0;
        foreach (var p in predictions)
        {
            // Baseline decisions are all right; every second candidate decision is wrong (50% vs 0% errors).
            var correct = p.Variant == "baseline" || candidateIndex++ % 2 == 0;
            await Traffic.OutcomeAsync(client, p, correct, ct);
        }

        var rollout = await Traffic.EvaluateAsync(client, ct);

        Assert.Equal("rollback", rollout.Outcome);
        Assert.Equal("RolledBack", rollout.State);
        Assert.Equal(0.0, rollout.TrafficFraction);
        Assert.Equal("RollbackImmediately", rollout.LastAnalysis!.Decision);
        Assert.Equal(0.0, rollout.LastAnalysis.ErrorRate!.BaselineRate);
        Assert.InRange(rollout.LastAnalysis.ErrorRate.CandidateRate, 0.49, 0.51);
        Assert.True(rollout.LastAnalysis.ErrorRate.Significant);
        Assert.StartsWith("Automatic rollback.", rollout.Reason, StringComparison.Ordinal);

        // Rolled back: every applicant, including those bucketed into the canary before, now gets the baseline.
        var after = await Traffic.PredictManyAsync(client, 0, 300, ct, round: 1);
        Assert.All(after, r => Assert.Equal("baseline", r.Variant));
        Assert.Contains(predictions, r => r.Variant == "candidate");

        // Evaluating again changes nothing (the rollback is final and recorded once).
        var again = await Traffic.EvaluateAsync(client, ct);
        Assert.Equal("hold", again.Outcome);
        Assert.Equal("RolledBack", again.State);

        var auditLog = factory.Services.GetRequiredService<IAuditLog>();
        var transitions = await auditLog.ReadAsync(cancellationToken: ct)
            .Where(r => r.EventType == "deployment.rollout.transition")
            .Select(r => r.Payload!.Value)
            .ToListAsync(ct);
        var rollback = Assert.Single(transitions, t => t.GetProperty("to").GetString() == "RolledBack");
        Assert.Equal("Canary", rollback.GetProperty("from").GetString());
        Assert.Equal("RollbackImmediately", rollback.GetProperty("decision").GetString());
        Assert.True((await auditLog.VerifyAsync(ct)).IsValid);
    }

    [Fact]
    public async Task Evaluate_HealthyCandidate_IsPromotedToTheNextStage_OnceTheStageHasRunLongEnough()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var factory = GatedServiceFactory.Create(dir, GatedServiceFactory.FastRollout);
        using var client = factory.CreateClient();

        var predictions = await Traffic.PredictManyAsync(client, 0, 600, ct);
        var baselineIndex = 0;
        foreach (var p in predictions)
        {
            // The candidate is never wrong; the baseline is wrong one time in ten.
            var correct = p.Variant == "candidate" || baselineIndex++ % 10 != 0;
            await Traffic.OutcomeAsync(client, p, correct, ct);
        }

        // Before the stage's minimum duration (1 hour) the analysis passes but the stage holds.
        var early = await Traffic.EvaluateAsync(client, ct);
        Assert.Equal("hold", early.Outcome);
        Assert.Equal(1, early.Stage);
        Assert.Equal("ProceedToFullRollout", early.LastAnalysis!.Decision);
        Assert.Contains("minimum", early.Reason, StringComparison.Ordinal);

        factory.Time.Advance(TimeSpan.FromMinutes(61));
        var promoted = await Traffic.EvaluateAsync(client, ct);

        Assert.Equal("promote", promoted.Outcome);
        Assert.Equal("Canary", promoted.State);
        Assert.Equal(2, promoted.Stage);
        Assert.Equal(0.5, promoted.TrafficFraction);
        Assert.Equal(GatedServiceFactory.Start.AddMinutes(61), promoted.StageStartedAt);

        // The next stage serves half the traffic by the same stable buckets: every earlier canary applicant stays in.
        var next = await Traffic.PredictManyAsync(client, 0, 600, ct, round: 1);
        for (var i = 0; i < next.Count; i++)
        {
            if (predictions[i].Variant == "candidate")
            {
                Assert.Equal("candidate", next[i].Variant);
            }
        }

        Assert.InRange(next.Count(r => r.Variant == "candidate"), 240, 360);
        using var view = JsonDocument.Parse(await client.GetStringAsync("/rollout", ct));
        Assert.Equal(2, view.RootElement.GetProperty("stage").GetInt32());
        Assert.Equal(4, view.RootElement.GetProperty("stageCount").GetInt32());
        Assert.True(view.RootElement.GetProperty("gate").GetProperty("candidateApproved").GetBoolean());
    }

    [Fact]
    public async Task Evaluate_TooFewLabelledOutcomes_Holds()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var factory = GatedServiceFactory.Create(dir, GatedServiceFactory.FastRollout);
        using var client = factory.CreateClient();
        await Traffic.PredictManyAsync(client, 0, 100, ct);   // no outcomes: the canary has nothing to compare

        factory.Time.Advance(TimeSpan.FromHours(2));
        var rollout = await Traffic.EvaluateAsync(client, ct);

        Assert.Equal("hold", rollout.Outcome);
        Assert.Equal("Hold", rollout.LastAnalysis!.Decision);
        Assert.Equal(0, rollout.LastAnalysis.CandidateRequests);
        Assert.Equal(1, rollout.Stage);
        Assert.Equal(0.2, (await client.GetFromJsonAsync<Api.RolloutView>("/rollout", ct))!.TrafficFraction);
    }
}
