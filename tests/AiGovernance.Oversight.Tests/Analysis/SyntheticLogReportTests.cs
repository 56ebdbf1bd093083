using AiGovernance.Oversight.Analysis;

namespace AiGovernance.Oversight.Tests.Analysis;

/// <summary>A synthetic month of reviews with every oversight problem at once, and the healthy month beside it.</summary>
public class SyntheticLogReportTests(ITestOutputHelper output)
{
    /// <summary>Ten reviewers over 20 days: four never override, the others override rarely, less as the day goes on and
    /// far less on busy days; reviewers who change their mind move to the AI; audits find 15% of automated decisions wrong.</summary>
    internal static SyntheticReviews Troubled()
    {
        var random = new Random(2026);
        var log = new SyntheticReviews();
        for (var day = 0; day < 20; day++)
        {
            var (perHour, lastHour, pressure) = day < 5 ? (30, 17, 0.3) : day < 10 ? (10, 12, 1.0) : (10, 17, 1.0);
            for (var r = 0; r < 10; r++)
            {
                for (var hour = 8; hour <= lastHour; hour++)
                {
                    var p = r < 4 ? 0 : (0.04 - (0.0033 * (hour - 8))) * pressure;
                    for (var i = 0; i < perHour; i++)
                    {
                        log.Routed($"r{r}", day, hour, random.NextDouble() < p, aiConfidence: 0.5 + (0.25 * random.NextDouble()), minute: i);
                    }
                }
            }
        }

        for (var i = 0; i < 30; i++)
        {
            log.TwoStage("deny", i < 27 ? "approve" : "escalate", day: 10 + (i % 10), hour: 8 + (i % 10), reviewer: $"r{4 + (i % 6)}");
        }

        return log.Audits(200, 30);
    }

    [Fact]
    public void TroubledLog_RaisesEverySeedWarningAndEveryWarningBeyondIt()
    {
        var report = OverrideAnalyzer.Analyze(Troubled().Records);
        output.WriteLine(report.ToString());

        Assert.Equal(
            [
                OversightWarningKind.AutomationBias, OversightWarningKind.RubberStamping, OversightWarningKind.ReviewerInconsistency,
                OversightWarningKind.Fatigue, OversightWarningKind.WorkloadPressure, OversightWarningKind.DeferenceToAi,
                OversightWarningKind.AuditErrorRate,
            ],
            report.Warnings.Select(w => w.Kind));
    }

    [Fact]
    public void HealthyLog_Summary()
    {
        var report = OverrideAnalyzer.Analyze(SyntheticReviews.Healthy().Records);
        output.WriteLine(report.ToString());

        Assert.Empty(report.Warnings);
    }
}
