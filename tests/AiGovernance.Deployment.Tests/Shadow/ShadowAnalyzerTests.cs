using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Shadow;
using AiGovernance.Deployment.Tests.Canary;
using AiGovernance.Statistics;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Deployment.Tests.Shadow;

public class ShadowAnalyzerTests
{
    private static ShadowSnapshot Snapshot(long requests, long runs, long failures, double candidateMedianMs, long compared, long agreements, long skipped = 0) =>
        new(SyntheticTraffic.Variant(requests, 0, 40, 1), SyntheticTraffic.Variant(runs, failures, candidateMedianMs, 2), 0, skipped, compared, agreements);

    [Fact]
    public void HealthyShadow_MeetsTheSeedCriteria()
    {
        var analysis = ShadowAnalyzer.Analyze(Snapshot(5000, 5000, 0, 60, 5000, 4900), new ShadowCriteria { ValidationPerformance = 0.91 }, productionPerformance: 0.89);

        Assert.True(analysis.MeetsCriteria, string.Join("\n", analysis.Reasons));
        Assert.Equal(1.0, analysis.VolumeProcessed);
        Assert.Equal(0.98, analysis.AgreementRate);
        var wilson = ConfidenceInterval.Wilson(4900, 5000);
        Assert.Equal(wilson, analysis.AgreementInterval);
        Assert.True(analysis.AgreementInterval.Lower < 0.98 && analysis.AgreementInterval.Upper > 0.98);
        Assert.InRange(analysis.CandidateP95, 60 * Math.Exp(0.3 * 1.5), 60 * Math.Exp(0.3 * 1.8));
        Assert.True(analysis.CandidateP99 > analysis.CandidateP95);
    }

    [Fact]
    public void AnyCandidateFailure_FailsTheHundredPercentCriterion()
    {
        var analysis = ShadowAnalyzer.Analyze(Snapshot(5000, 5000, 1, 60, 4999, 4999));
        Assert.False(analysis.MeetsCriteria);
        Assert.StartsWith("Candidate failures: 1 of 5000 runs", analysis.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void SkippedVolume_FailsTheVolumeCriterion()
    {
        var analysis = ShadowAnalyzer.Analyze(Snapshot(5000, 4500, 0, 60, 4500, 4500, skipped: 500));
        Assert.False(analysis.MeetsCriteria);
        Assert.Equal(0.9, analysis.VolumeProcessed);
        Assert.StartsWith("Processed: 90.00% of requests shadowed, 500 skipped", analysis.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void SlowCandidate_FailsTheP95Criterion()
    {
        var analysis = ShadowAnalyzer.Analyze(Snapshot(5000, 5000, 0, 180, 5000, 5000));
        Assert.False(analysis.MeetsCriteria);
        Assert.StartsWith("Candidate latency P95", analysis.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void PerformanceMoreThanFivePercentFromValidation_OrUnmeasured_Fails()
    {
        var criteria = new ShadowCriteria { ValidationPerformance = 0.90 };
        var off = ShadowAnalyzer.Analyze(Snapshot(5000, 5000, 0, 60, 5000, 5000), criteria, productionPerformance: 0.84);
        var unmeasured = ShadowAnalyzer.Analyze(Snapshot(5000, 5000, 0, 60, 5000, 5000), criteria);
        Assert.False(off.MeetsCriteria);
        Assert.Contains("gap 6.67%", off.Reasons[0], StringComparison.Ordinal);
        Assert.False(unmeasured.MeetsCriteria);
    }

    [Fact]
    public void NoTraffic_FailsClosed()
    {
        var analysis = ShadowAnalyzer.Analyze(new ShadowSnapshot(VariantSnapshot.Empty, VariantSnapshot.Empty, 0, 0, 0, 0));
        Assert.False(analysis.MeetsCriteria);
        Assert.True(double.IsNaN(analysis.AgreementRate));
        Assert.Equal(new Interval(0, 1), analysis.AgreementInterval);
    }

    [Fact]
    public async Task EndToEnd_ShadowRunnerThenAnalysis()
    {
        // A fake clock: latencies come from the TimeProvider, and the wall clock of a loaded CI machine must not decide the
        // P95 criterion (no timed assertions in unit tests).
        var runner = new ShadowRunner<int, bool>(
            (x, _) => ValueTask.FromResult(x % 2 == 0),
            (x, _) => ValueTask.FromResult(x % 2 == 0 || x % 10 == 1),
            new ShadowRunnerOptions { MaxConcurrentCandidates = 100_000 },
            timeProvider: new FakeTimeProvider());
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 2000; i++)
        {
            await runner.RunAsync(i, ct);
        }

        await runner.WhenIdleAsync(ct);
        var analysis = ShadowAnalyzer.Analyze(runner.Snapshot());
        Assert.Equal(2000, analysis.TotalRequests);
        Assert.Equal(0.9, analysis.AgreementRate);
        Assert.True(analysis.MeetsCriteria, string.Join("\n", analysis.Reasons));
    }
}
