using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Monitoring.Fairness;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Tests.Responses;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Tests.Fairness;

public class FairnessMonitorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>100 rows per group; <paramref name="selectedA"/> and <paramref name="selectedB"/> selected, half of all rows positive.</summary>
    private static (bool[] Actual, bool[] Predicted, string[] Groups) Decisions(int selectedA, int selectedB)
    {
        var actual = new List<bool>();
        var predicted = new List<bool>();
        var groups = new List<string>();
        foreach (var (group, selected) in new[] { ("A", selectedA), ("B", selectedB) })
        {
            for (var i = 0; i < 100; i++)
            {
                actual.Add(i % 2 == 0);
                predicted.Add(i < selected);
                groups.Add(group);
            }
        }

        return (actual.ToArray(), predicted.ToArray(), groups.ToArray());
    }

    [Fact]
    public void Evaluate_ParityGapAboveLimit_FlagsParityAndDisparateImpact()
    {
        var (actual, predicted, groups) = Decisions(60, 30);
        var report = new FairnessMonitor(timeProvider: _time).Evaluate("gender", actual, predicted, groups);

        Assert.Equal(0.6, report.SelectionRates["A"], 12);
        Assert.Equal(0.3, report.SelectionRates["B"], 12);
        Assert.Equal(0.3, report.DemographicParityDifference, 12);
        var parity = Assert.Single(report.Violations, v => v.Metric == FairnessMetric.DemographicParityDifference);
        Assert.Equal(0.1, parity.Limit);
        Assert.Contains(report.Violations, v => v.Metric == FairnessMetric.DisparateImpactRatio && Math.Abs(v.Observed - 0.5) < 1e-12);
        Assert.Equal(_time.GetUtcNow(), report.GeneratedAt);
    }

    [Fact]
    public void Evaluate_EqualRates_Compliant()
    {
        var (actual, predicted, groups) = Decisions(50, 50);
        var report = new FairnessMonitor().Evaluate("gender", actual, predicted, groups);
        Assert.False(report.HasViolations);
        Assert.Equal(Severity.Low, report.ToDriftEvent("hiring").Severity);
    }

    [Fact]
    public void Evaluate_SingleGroup_NoViolationButWarning()
    {
        var (actual, predicted, _) = Decisions(60, 30);
        var report = new FairnessMonitor().Evaluate("gender", actual, predicted, Enumerable.Repeat("A", actual.Length).ToArray());
        Assert.False(report.HasViolations);
        Assert.NotEmpty(report.Warnings);
    }

    [Fact]
    public async Task Violation_RoutedThroughTheResponseWorkflow()
    {
        var (actual, predicted, groups) = Decisions(60, 30);
        var report = new FairnessMonitor(new FairnessLimits { ViolationSeverity = Severity.Critical }).Evaluate("gender", actual, predicted, groups);
        var handler = new DriftResponseWorkflowTests.RecordingHandler(Severity.High);
        var audit = new InMemoryAuditLog(_time);
        var workflow = new DriftResponseWorkflow([handler], audit, _time, new DriftSeverityPolicy());

        var result = await workflow.HandleAsync(report.ToDriftEvent("hiring"), TestContext.Current.CancellationToken);

        Assert.Equal(Severity.Critical, result.Plan.Severity);
        var context = Assert.Single(handler.Received);
        Assert.Equal(DriftEventKind.Fairness, context.Event.Kind);
        Assert.Equal("gender", context.Event.Subject);
        Assert.Contains("Demographic parity difference", context.Event.Summary, StringComparison.Ordinal);
        Assert.Equal("Fairness", audit.Snapshot()[0].Payload!.Value.GetProperty("kind").GetString());
    }

    [Fact]
    public void Report_JsonRoundTrip_AndMarkdown()
    {
        var (actual, predicted, groups) = Decisions(60, 30);
        var report = new FairnessMonitor(timeProvider: _time).Evaluate("gender", actual, predicted, groups);

        var back = FairnessMonitoringReport.FromJson(report.ToJson());

        Assert.Equal(report.Violations, back.Violations);
        Assert.Equal(report.SelectionRates, back.SelectionRates);
        Assert.Equal(report.DemographicParityDifference, back.DemographicParityDifference);
        Assert.Contains("Status: **VIOLATED**", report.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LimitOutOfRange_NamesArgument() =>
        Assert.Equal("limits", Assert.Throws<ArgumentException>(() => new FairnessMonitor(new FairnessLimits { MinDisparateImpactRatio = 1.5 })).ParamName);

    [Fact]
    public void Constructor_SeveralMetricOptionsOutOfRange_ListsEveryOne()
    {
        var options = new AiGovernance.Statistics.FairnessOptions
        {
            MinimumGroupSize = 0, DisparateImpactThreshold = double.NaN, BootstrapResamples = 2_000_000, ConfidenceLevel = 0.4,
        };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FairnessMonitor(metricOptions: options));

        Assert.Equal("metricOptions", ex.ParamName);
        foreach (var member in new[] { "MinimumGroupSize", "DisparateImpactThreshold", "BootstrapResamples", "ConfidenceLevel" })
        {
            Assert.Contains(member, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Constructor_MetricOptionsAtTheirBounds_AreAccepted() =>
        _ = new FairnessMonitor(metricOptions: new AiGovernance.Statistics.FairnessOptions
        {
            MinimumGroupSize = 1, DisparateImpactThreshold = 1, BootstrapResamples = 0, ConfidenceLevel = 0.9999,
        });
}
