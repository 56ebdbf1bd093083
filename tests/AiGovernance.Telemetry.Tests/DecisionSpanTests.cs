using System.Diagnostics;
using AiGovernance.Core;
using AiGovernance.Deployment;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Routing;
using AiGovernance.Gates;
using AiGovernance.Monitoring;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Oversight;
using AiGovernance.Oversight.Routing;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace AiGovernance.Telemetry.Tests;

/// <summary>Gate decisions, canary analyses, drift runs and review routing each make a span on their package's activity
/// source, carrying the decision and its reason (bounded and escaped) as attributes, as OpenTelemetry's in-memory exporter
/// receives them.</summary>
public sealed class DecisionSpanTests : IDisposable
{
    private const string Decision = "aigovernance.decision";
    private const string Reason = "aigovernance.decision.reason";
    private const string Hostile = "evil\u001b]0;pwned\u0007\nforged line";

    private readonly List<Activity> _spans = [];
    private readonly TracerProvider _tracer;

    public DecisionSpanTests()
    {
        _tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource(GatesTelemetry.ActivitySourceName, DeploymentTelemetry.ActivitySourceName, MonitoringTelemetry.ActivitySourceName,
                OversightTelemetry.ActivitySourceName)
            .AddInMemoryExporter(_spans)
            .Build()!;
    }

    [Fact]
    public async Task GateDecision_Blocked_CarriesBlockedAndTheMissingApprovals()
    {
        using var f = new ApprovalFixture();
        var decision = await f.Gate.EvaluateAsync(f.Request([], RiskTier.Medium), TestContext.Current.CancellationToken);

        var span = Single("aigovernance.gates.decide", s => Equals(s.GetTagItem("aigovernance.system"), decision.SystemId));
        Assert.False(decision.IsAllowed);
        Assert.Equal("blocked", span.GetTagItem(Decision));
        Assert.Equal(string.Join("; ", decision.Reasons), span.GetTagItem(Reason));
        Assert.Equal("deployment", span.GetTagItem("aigovernance.gate"));
    }

    [Fact]
    public async Task GateDecision_Allowed_CarriesAllowedAndThePolicy()
    {
        using var f = new ApprovalFixture();
        var decision = await f.Gate.EvaluateAsync(f.Request(await f.HighRiskSetAsync()), TestContext.Current.CancellationToken);

        var span = Single("aigovernance.gates.decide", s => Equals(s.GetTagItem(Decision), "allowed"));
        Assert.True(decision.IsAllowed);
        Assert.Equal("5 valid approval(s) satisfy policy policy-7 for tier High", span.GetTagItem(Reason));
    }

    [Fact]
    public void CanaryAnalysis_CarriesTheDecisionReasonsAndCounts()
    {
        var recorder = new CanaryRecorder();
        for (var i = 0; i < 37; i++)
        {
            recorder.Record(DeploymentVariant.Baseline, TimeSpan.FromMilliseconds(20));
            recorder.Record(DeploymentVariant.Candidate, TimeSpan.FromMilliseconds(25), isError: i % 2 == 0);
        }

        var analysis = CanaryAnalyzer.Analyze(new CanaryObservation(recorder.Snapshot(), 0.5) { Design = RoutingDesign.PerRequest });

        var span = Single("aigovernance.deployment.canary.analyze", s => Equals(s.GetTagItem("aigovernance.canary.baseline.requests"), 37L));
        Assert.Equal(CanaryDecision.Hold, analysis.Decision);
        Assert.Equal("hold", span.GetTagItem(Decision));
        Assert.Equal(string.Join("; ", analysis.Reasons), span.GetTagItem(Reason));
        Assert.StartsWith("Insufficient data: baseline 37 and candidate 37 requests", (string)span.GetTagItem(Reason)!, StringComparison.Ordinal);
    }

    [Fact]
    public void DriftRun_CarriesDriftAndTheDriftedColumns_EscapedAndBounded()
    {
        var longHostileName = Hostile + new string('x', 5_000);
        var detector = new DataDriftDetector();
        var reference = detector.Fit(Table(longHostileName, shift: 0));

        var report = detector.Compare(reference, Table(longHostileName, shift: 0.5));

        var span = Single("aigovernance.monitoring.drift.compare", s => Equals(s.GetTagItem("aigovernance.drift.columns"), 2));
        var reason = (string)span.GetTagItem(Reason)!;
        Assert.True(report.DatasetDrift);
        Assert.Equal("drift", span.GetTagItem(Decision));
        Assert.StartsWith("2 of 2 columns drifted", reason, StringComparison.Ordinal);
        Assert.Contains("income", reason, StringComparison.Ordinal);
        Assert.Contains("evil\\u001b]0;pwned\\u0007\\u000aforged line", reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', reason);
        Assert.DoesNotContain('\n', reason);
        Assert.True(reason.Length <= 1024, $"reason has {reason.Length} characters");
        Assert.Equal(2, span.GetTagItem("aigovernance.drift.drifted_columns"));
    }

    [Fact]
    public void ReviewRouting_CarriesTheRouteAndWhy_WithTheCaseIdEscaped()
    {
        var router = new ReviewRouter(new OversightOptions { ReviewThreshold = 0.75, AuditSampleRate = 0 });

        var routed = router.Route("case-" + Hostile, 0.6);

        var span = Single("aigovernance.oversight.route", s => ((string?)s.GetTagItem("aigovernance.case"))?.StartsWith("case-evil", StringComparison.Ordinal) == true);
        Assert.True(routed.RequiresHumanReview);
        Assert.Equal("human_review", span.GetTagItem(Decision));
        Assert.Equal("confidence 0.6 below the review threshold 0.75", span.GetTagItem(Reason));
        Assert.Equal("case-evil\\u001b]0;pwned\\u0007\\u000aforged line", span.GetTagItem("aigovernance.case"));
    }

    public void Dispose() => _tracer.Dispose();

    private static TabularData Table(string hostileColumn, double shift)
    {
        var a = new double[1_000];
        var b = new double[1_000];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = (i / 1_000.0) + shift;
            b[i] = ((i * 7 % 1_000) / 1_000.0) + shift;
        }

        return TabularData.CreateBuilder().AddNumeric("income", a).AddNumeric(hostileColumn, b).Build();
    }

    private Activity Single(string name, Func<Activity, bool> mine)
    {
        _tracer.ForceFlush();
        lock (_spans)
        {
            return Assert.Single(_spans, s => s.DisplayName == name && mine(s));
        }
    }
}
