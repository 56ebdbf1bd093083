using AiGovernance.Scorecards.Literacy;
using AiGovernance.Scorecards.Tests.Scorecard;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiGovernance.Scorecards.Tests.DependencyInjection;

public class ScorecardsBuilderExtensionsTests
{
    private sealed class FixedSource(params MetricReading[] readings) : IScorecardMetricSource
    {
        public ValueTask<IReadOnlyList<MetricReading>> GetReadingsAsync(MetricCollectionContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<MetricReading>>(readings);
    }

    private sealed class TechnicalSource : IScorecardMetricSource
    {
        public ValueTask<IReadOnlyList<MetricReading>> GetReadingsAsync(MetricCollectionContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<MetricReading>>([new("accuracy", 0.905), new("latency_p95_ms", 440)]);
    }

    private sealed class FailingSource : IScorecardMetricSource
    {
        public ValueTask<IReadOnlyList<MetricReading>> GetReadingsAsync(MetricCollectionContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("fairness store unreachable");
    }

    private static void AddExampleMetrics(ScorecardsOptions options)
    {
        foreach (var m in ScorecardExamples.Metrics)
        {
            options.AddMetric(m.Name, m.Dimension, m.Direction, m.Floor, m.Target, m.Description);
        }
    }

    [Fact]
    public void AddScorecards_CalledTwice_RegistersNothingTwice()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddScorecards().AddScorecardMetricSource<TechnicalSource>());
        var count = services.Count;
        services.AddAiGovernance(b => b.AddScorecards().AddScorecardMetricSource<TechnicalSource>());

        Assert.Equal(count, services.Count);
        Assert.Single(services, d => d.ServiceType == typeof(BalancedScorecard));
        Assert.Single(services, d => d.ServiceType == typeof(ScorecardEvaluator));
        Assert.Single(services, d => d.ServiceType == typeof(AiLiteracyAssessment));
        Assert.Single(services, d => d.ServiceType == typeof(IScorecardMetricSource));
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IValidateOptions<ScorecardsOptions>)));
    }

    [Fact]
    public void AddScorecardMetricSource_SameInstanceTwice_AddsItOnce()
    {
        var source = new FixedSource();
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddScorecards().AddScorecardMetricSource(source).AddScorecardMetricSource(source));
        Assert.Single(services, d => d.ServiceType == typeof(IScorecardMetricSource));
    }

    [Fact]
    public void AddScorecards_Defaults_AreTheDocumentedDefaults()
    {
        using var provider = new ServiceCollection().AddAiGovernance(b => b.AddScorecards()).BuildServiceProvider();
        var scorecard = provider.GetRequiredService<BalancedScorecard>();
        Assert.Equal(DimensionWeights.Default, scorecard.Weights);
        Assert.Equal(0.6, scorecard.WeaknessThreshold);
        Assert.Empty(scorecard.Metrics);
        Assert.Same(AiLiteracyAssessment.Default, provider.GetRequiredService<AiLiteracyAssessment>());
        Assert.Same(WorkshopCurriculum.Default, provider.GetRequiredService<WorkshopCurriculum>());
    }

    [Fact]
    public void AddScorecards_WeightsNotSummingToOne_FailValidation()
    {
        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b.AddScorecards(o => o.AdoptionWeight = 0.25))
            .BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ScorecardsOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains("must sum to 1", StringComparison.Ordinal));
    }

    [Fact]
    public void AddScorecards_OutOfRangeAndBadMetrics_FailValidation()
    {
        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b.AddScorecards(o =>
            {
                o.WeaknessThreshold = 1.5;
                o.AddMetric("latency", ScorecardDimension.Technical, MetricDirection.LowerIsBetter, floor: 100, target: 500);
                o.AddMetric("usage", ScorecardDimension.Adoption, MetricDirection.HigherIsBetter, 0, 1);
                o.AddMetric("usage", ScorecardDimension.Adoption, MetricDirection.HigherIsBetter, 0, 1);
                o.AddMetric("", ScorecardDimension.Adoption, MetricDirection.HigherIsBetter, 0, 1);
                o.Literacy.RoleCompetencies["analyst"] = [];
            }))
            .BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ScorecardsOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains("WeaknessThreshold", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'latency'", StringComparison.Ordinal) && f.Contains("below its floor", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'usage' is defined twice", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Name", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Literacy:", StringComparison.Ordinal));
    }

    [Fact]
    public void AddScorecards_SeveralInvalidOptions_StartupListsEveryError()
    {
        var services = new ServiceCollection().AddAiGovernance(b => b.AddScorecards(o =>
        {
            o.TechnicalWeight = 0.9;
            o.WeaknessThreshold = -0.1;
            o.Literacy.NeedsTrainingThreshold = 2;
        }));

        var failures = StartupValidation.Failures(services);

        Assert.Contains(failures, f => f.Contains("must sum to 1", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("WeaknessThreshold", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("NeedsTrainingThreshold", StringComparison.Ordinal));
    }

    [Fact]
    public void AddScorecards_FromConfiguration_BindsWeightsMetricsAndRoles()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scorecards:TechnicalWeight"] = "0.3",
            ["Scorecards:BusinessWeight"] = "0.3",
            ["Scorecards:RiskWeight"] = "0.3",
            ["Scorecards:AdoptionWeight"] = "0.1",
            ["Scorecards:WeaknessThreshold"] = "0.5",
            ["Scorecards:Metrics:0:Name"] = "accuracy",
            ["Scorecards:Metrics:0:Dimension"] = "Technical",
            ["Scorecards:Metrics:0:Direction"] = "HigherIsBetter",
            ["Scorecards:Metrics:0:Floor"] = "0.8",
            ["Scorecards:Metrics:0:Target"] = "0.95",
            ["Scorecards:Metrics:1:Name"] = "override_rate",
            ["Scorecards:Metrics:1:Dimension"] = "Adoption",
            ["Scorecards:Metrics:1:Direction"] = "LowerIsBetter",
            ["Scorecards:Metrics:1:Floor"] = "0.4",
            ["Scorecards:Metrics:1:Target"] = "0.05",
            ["Scorecards:Literacy:NeedsTrainingThreshold"] = "0.75",
            ["Scorecards:Literacy:RoleCompetencies:data_steward:0"] = "Profile training data",
            ["Scorecards:Literacy:RoleCompetencies:data_steward:1"] = "Trace data lineage",
        }).Build();

        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b.AddScorecards(configuration.GetSection("Scorecards")))
            .BuildServiceProvider();
        var scorecard = provider.GetRequiredService<BalancedScorecard>();
        Assert.Equal(new DimensionWeights(0.3, 0.3, 0.3, 0.1), scorecard.Weights);
        Assert.Equal(0.5, scorecard.WeaknessThreshold);
        Assert.Equal(["accuracy", "override_rate"], scorecard.Metrics.Select(m => m.Name));
        Assert.Equal(MetricDirection.LowerIsBetter, scorecard.Metrics[1].Direction);
        Assert.Equal(0.05, scorecard.Metrics[1].Target);

        var literacy = provider.GetRequiredService<AiLiteracyAssessment>();
        Assert.Equal(0.75, literacy.NeedsTrainingThreshold);
        Assert.Equal(["Profile training data", "Trace data lineage"], literacy.RoleCompetencies["data_steward"]);
        Assert.Single(literacy.RoleCompetencies);
    }

    [Fact]
    public void AddScorecards_ConfiguredMetricWithoutDimension_FailsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scorecards:Metrics:0:Name"] = "accuracy",
            ["Scorecards:Metrics:0:Direction"] = "HigherIsBetter",
            ["Scorecards:Metrics:0:Floor"] = "0.8",
            ["Scorecards:Metrics:0:Target"] = "0.95",
        }).Build();
        using var provider = new ServiceCollection().AddAiGovernance(b => b.AddScorecards(configuration.GetSection("Scorecards"))).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ScorecardsOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains("Dimension", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScorecardEvaluator_CollectsFromEveryRegisteredSource()
    {
        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b
                .AddScorecards(AddExampleMetrics)
                .AddScorecardMetricSource<TechnicalSource>()
                .AddScorecardMetricSource(new FixedSource(
                    new("cost_savings", 120_000), new("time_saved_hours", 900),
                    new("demographic_parity_gap", 0.11), new("open_audit_findings", 2),
                    new("usage_rate", 0.62), new("override_rate", 0.26))))
            .BuildServiceProvider();
        var evaluator = provider.GetRequiredService<ScorecardEvaluator>();

        var report = await evaluator.EvaluateAsync("Credit decisioning", "2025-Q1", cancellationToken: TestContext.Current.CancellationToken);
        var expected = new BalancedScorecard(ScorecardExamples.Metrics).Evaluate("Credit decisioning", "2025-Q1", ScorecardExamples.Q1);

        Assert.Equal(expected.OverallHealth!.Value, report.OverallHealth!.Value, 12);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public async Task ScorecardEvaluator_FailingSource_BecomesAWarning()
    {
        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b
                .AddScorecards(AddExampleMetrics)
                .AddScorecardMetricSource<TechnicalSource>()
                .AddScorecardMetricSource<FailingSource>())
            .BuildServiceProvider();
        var evaluator = provider.GetRequiredService<ScorecardEvaluator>();

        var report = await evaluator.EvaluateAsync("Credit decisioning", "2025-Q1", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0.65, report.OverallHealth!.Value, 12);
        Assert.StartsWith("Metric source 'FailingSource' failed (InvalidOperationException: fairness store unreachable)", report.Warnings[0], StringComparison.Ordinal);
        Assert.Equal(3, report.Dimensions.Count(d => !d.IsMeasured));
    }

    [Fact]
    public async Task ScorecardEvaluator_Cancelled_Throws()
    {
        var evaluator = new ScorecardEvaluator(new BalancedScorecard(ScorecardExamples.Metrics), [new TechnicalSource()]);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var cancelling = new ScorecardEvaluator(new BalancedScorecard(ScorecardExamples.Metrics), [new CancellingSource()]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelling.EvaluateAsync("s", "p", cancellationToken: cts.Token).AsTask());
        Assert.NotNull(await evaluator.EvaluateAsync("s", "p", cancellationToken: TestContext.Current.CancellationToken));
    }

    private sealed class CancellingSource : IScorecardMetricSource
    {
        public ValueTask<IReadOnlyList<MetricReading>> GetReadingsAsync(MetricCollectionContext context, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult<IReadOnlyList<MetricReading>>([]);
        }
    }
}
