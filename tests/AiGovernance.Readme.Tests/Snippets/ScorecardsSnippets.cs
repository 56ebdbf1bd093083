using AiGovernance.Scorecards;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The ```csharp blocks of src/AiGovernance.Scorecards/README.md.</summary>
public class ScorecardsSnippets
{
    /// <summary>A stand-in for the README's metric source: it would read the latest drift report.</summary>
    private sealed class DriftMetricSource : IScorecardMetricSource
    {
        public ValueTask<IReadOnlyList<MetricReading>> GetReadingsAsync(MetricCollectionContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<MetricReading>>([new MetricReading("accuracy", 0.91)]);
    }

    [Fact]
    public void BalancedScorecard()
    {
        MetricReading[] readingsQ1 = [new("accuracy", 0.88), new("latency_p95_ms", 500), new("cost_savings", 100_000), new("demographic_parity_gap", 0.08), new("override_rate", 0.20)];
        MetricReading[] readingsQ2 = [new("accuracy", 0.92), new("latency_p95_ms", 350), new("cost_savings", 250_000), new("demographic_parity_gap", 0.05), new("override_rate", 0.10)];

        var scorecard = new BalancedScorecard(
        [
            new ScorecardMetric("accuracy", ScorecardDimension.Technical, MetricDirection.HigherIsBetter, floor: 0.80, target: 0.95),
            new ScorecardMetric("latency_p95_ms", ScorecardDimension.Technical, MetricDirection.LowerIsBetter, floor: 800, target: 200),
            new ScorecardMetric("cost_savings", ScorecardDimension.Business, MetricDirection.HigherIsBetter, 0, 400_000),
            new ScorecardMetric("demographic_parity_gap", ScorecardDimension.Risk, MetricDirection.LowerIsBetter, 0.20, 0.02),
            new ScorecardMetric("override_rate", ScorecardDimension.Adoption, MetricDirection.LowerIsBetter, 0.40, 0.05),
        ]);

        var q1 = scorecard.Evaluate("Credit decisioning", "2025-Q1", readingsQ1);
        var q2 = scorecard.Evaluate("Credit decisioning", "2025-Q2", readingsQ2, previous: q1);
        Console.WriteLine(q2.ToMarkdown());   // or ToPlainText(), ToJson() (source-generated, AOT-safe)

        // Q1 technical = mean(0.08/0.15, 0.3/0.6) = 0.5167; business 0.25; risk 0.12/0.18; adoption 0.2/0.35.
        var expectedQ1 = (0.25 * ((0.08 / 0.15) + 0.5) / 2) + (0.35 * 0.25) + (0.25 * (0.12 / 0.18)) + (0.15 * (0.2 / 0.35));
        Assert.Equal(expectedQ1, q1.OverallHealth!.Value, 1e-12);
        Assert.True(q2.OverallHealth > q1.OverallHealth);
        Assert.Contains(q1.Weaknesses, w => w.Dimension == ScorecardDimension.Business);
        Assert.Contains("2025-Q2", q2.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Roi()
    {
        var inputs = new RoiInputs
        {
            DevelopmentCost = 500_000,
            AnnualInfrastructureCost = 120_000,
            AnnualOperationalCost = 80_000,
            AnnualRevenueImpact = 300_000,
            AnnualCostSavings = 250_000,
            // Years = 3, DiscountRate = 0.10 by default
            ProbabilityOfSuccess = 0.7,
        };
        var roi = RoiCalculator.Calculate(inputs);
        // roi.Npv 370,398.20  roi.Irr 0.4872  roi.Roi 0.5  roi.PaybackPeriodYears 1.43  roi.DiscountedPaybackPeriodYears 1.63
        // roi.ExpectedNpv = 0.7·NPV − 0.3·development cost (a failed project spends development and is abandoned)
        var table = RoiCalculator.Sensitivity(inputs);   // NPV under −20 %..+20 % benefits × costs; table.ToMarkdown()

        Assert.Equal(370_398.20, roi.Npv, 0.005);
        Assert.Equal(0.4872, roi.Irr!.Value, 0.00005);
        Assert.Equal(0.5, roi.Roi, 1e-12);
        Assert.Equal(1.43, roi.PaybackPeriodYears!.Value, 0.005);
        Assert.Equal(1.63, roi.DiscountedPaybackPeriodYears!.Value, 0.005);
        Assert.Equal((0.7 * roi.Npv) - (0.3 * 500_000), roi.ExpectedNpv, 1e-6);
        Assert.Contains("|", table.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AiGovernance:Scorecards:Metrics:0:Name"] = "accuracy",
            ["AiGovernance:Scorecards:Metrics:0:Dimension"] = "Technical",
            ["AiGovernance:Scorecards:Metrics:0:Direction"] = "HigherIsBetter",
            ["AiGovernance:Scorecards:Metrics:0:Floor"] = "0.8",
            ["AiGovernance:Scorecards:Metrics:0:Target"] = "0.95",
        }).Build();

        services.AddAiGovernance(b => b
            .AddScorecards(configuration.GetSection("AiGovernance:Scorecards"))   // or .AddScorecards(o => o.AddMetric(...))
            .AddScorecardMetricSource<DriftMetricSource>());

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var report = await provider.GetRequiredService<ScorecardEvaluator>().EvaluateAsync("Credit decisioning", "2026-Q4",
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0.11 / 0.15, report.OverallHealth!.Value, 1e-12);   // only the technical dimension is measured
        Assert.NotEmpty(report.Warnings);                                 // the three unmeasured dimensions are reported
    }
}
