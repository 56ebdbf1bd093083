using AiGovernance.Core.Audit;
using AiGovernance.Oversight;
using AiGovernance.Oversight.Analysis;
using AiGovernance.Oversight.Review;
using AiGovernance.Oversight.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The ```csharp blocks of src/AiGovernance.Oversight/README.md.</summary>
public class OversightSnippets
{
    [Fact]
    public void Registration()
    {
        var services = new ServiceCollection();

        services.AddAiGovernance(b => b
            .AddOversight(o => { o.ReviewThreshold = 0.75; o.AuditSampleRate = 0.05; o.AuditSalt = "2026-Q4"; o.SystemId = "credit-scoring"; })
            .UseJsonLinesReviewLog("reviews.jsonl"));
        // or .AddOversight(configuration.GetSection("Oversight"))

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<OversightOptions>>().Value;
        Assert.Equal((0.75, 0.05, "2026-Q4"), (options.ReviewThreshold, options.AuditSampleRate, options.AuditSalt));
        Assert.Single(services, d => d.ServiceType == typeof(IReviewLog)); // the JSON-lines log replaced the in-memory one
    }

    [Fact]
    public async Task RoutingReviewAndOverrideAnalysis()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddAiGovernance(b => b.AddOversight(o => { o.AuditSampleRate = 0.05; o.AuditSalt = "2026-Q4"; }));
        using var provider = services.BuildServiceProvider();
        var router = provider.GetRequiredService<ReviewRouter>();
        var protocol = provider.GetRequiredService<IndependentReviewProtocol>();
        var reviewLog = provider.GetRequiredService<IReviewLog>();
        var options = provider.GetRequiredService<IOptions<OversightOptions>>().Value;

        // Routing: 400 cases, every fourth one uncertain.
        var (queued, audited) = (0, 0);
        for (var i = 0; i < 400; i++)
        {
            var caseId = $"case-{i}";
            double[] probabilities = i % 4 == 0 ? [0.6, 0.4] : [0.95, 0.05];

            var decision = router.Route(caseId, probabilities);   // ReadOnlySpan<double>, or a single confidence
            if (decision.RequiresHumanReview) { /* queue for a reviewer */ }
            else if (decision.SelectedForAudit) { /* decide automatically, then queue for post-hoc audit */ }

            queued += decision.RequiresHumanReview ? 1 : 0;
            audited += decision.SelectedForAudit ? 1 : 0;
            Assert.Equal(decision.SelectedForAudit, router.Route(caseId, probabilities).SelectedForAudit); // reproducible
        }

        Assert.Equal(100, queued);
        Assert.InRange(audited, 5, 35);                                // ≈ 5 % of the 300 automatic decisions

        // Independent review: one reviewer agrees with the AI on 120 routed cases (automation bias).
        for (var i = 0; i < 120; i++)
        {
            var caseId = $"case-{i * 4}";
            var reviewerId = $"reviewer-{i % 3}";
            if (i == 0)
            {
                var session = protocol.Start(caseId, reviewerId, new AiRecommendation("deny", 0.62));   // facts only
                var ai = session.RecordInitialJudgment("approve", confidence: 0.7);                       // only now is the AI's answer revealed
                var record = await session.CompleteAsync("approve");                                      // review log + audit log

                Assert.Equal("deny", ai.Prediction);
                Assert.True(record.IsOverride);
                Assert.False(record.ChangedMind);
                continue;
            }

            var agreeing = protocol.Start(caseId, reviewerId, new AiRecommendation("approve", 0.65));
            Assert.Throws<ReviewProtocolException>(() => agreeing.RevealRecommendation()); // not before the reviewer's own judgment
            time.Advance(TimeSpan.FromMinutes(3));
            agreeing.RecordInitialJudgment("approve", confidence: 0.8);
            await agreeing.CompleteAsync("approve");
        }

        var report = await OverrideAnalyzer.AnalyzeAsync(reviewLog.ReadAsync(), options.Analysis);
        foreach (var warning in report.Warnings)
        {
            Console.WriteLine($"{warning.Kind}: {warning.Message}");
        }

        Assert.Equal(120, report.ReviewCount);
        Assert.Equal(1.0 / 120, report.Overall!.Value.Rate, 1e-12);
        Assert.Contains(report.Warnings, w => w.Kind == OversightWarningKind.AutomationBias);
        Assert.True((await provider.GetRequiredService<IAuditLog>().VerifyAsync(TestContext.Current.CancellationToken)).IsValid);
    }
}
