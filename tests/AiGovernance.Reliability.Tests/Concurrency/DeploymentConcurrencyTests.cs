using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Routing;

namespace AiGovernance.Reliability.Tests.Concurrency;

/// <summary>The canary router and recorder on a request path hammered by all cores: exact totals.</summary>
public class DeploymentConcurrencyTests
{
    [Fact]
    public void CanaryRouterAndRecorder_HammeredByAllCores_CountEveryRequestExactly()
    {
        var calls = Stress.Pick(200_000, 5_000_000);
        var router = new CanaryRouter("reliability-salt", 0.1);
        var recorder = new CanaryRecorder();
        System.Threading.Tasks.Parallel.For(0, calls, new ParallelOptions { MaxDegreeOfParallelism = AuditLogConcurrencyTests.Writers }, i =>
        {
            var variant = router.Route("user-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            recorder.Record(variant, TimeSpan.FromMilliseconds(i % 250), isError: i % 97 == 0);
        });

        long expectedCandidate = 0, expectedCandidateErrors = 0, expectedErrors = 0;
        for (var i = 0; i < calls; i++)
        {
            var candidate = router.Route("user-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) == DeploymentVariant.Candidate;
            expectedCandidate += candidate ? 1 : 0;
            expectedErrors += i % 97 == 0 ? 1 : 0;
            expectedCandidateErrors += candidate && i % 97 == 0 ? 1 : 0;
        }

        var snapshot = recorder.Snapshot();
        Assert.Equal(calls, snapshot.Baseline.Requests + snapshot.Candidate.Requests);
        Assert.Equal(expectedCandidate, snapshot.Candidate.Requests);
        Assert.Equal(expectedErrors, snapshot.Baseline.Errors + snapshot.Candidate.Errors);
        Assert.Equal(expectedCandidateErrors, snapshot.Candidate.Errors);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"canary router + recorder: {calls} requests on {AuditLogConcurrencyTests.Writers} workers; {snapshot.Candidate.Requests} candidate, {expectedErrors} errors, totals exact");
    }
}
