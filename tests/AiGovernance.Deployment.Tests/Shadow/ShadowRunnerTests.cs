using AiGovernance.Deployment.Shadow;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Deployment.Tests.Shadow;

public class ShadowRunnerTests
{
    private static ValueTask<int> Double(int x, CancellationToken _) => ValueTask.FromResult(2 * x);

    [Fact]
    public async Task RunAsync_CandidateThrows_CallerGetsTheBaselineResultAndTheFailureIsRecorded()
    {
        var runner = new ShadowRunner<int, int>(Double, (_, _) => throw new InvalidOperationException("candidate bug"));
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(2 * i, await runner.RunAsync(i, ct));
        }

        await runner.WhenIdleAsync(ct);
        var snapshot = runner.Snapshot();
        Assert.Equal(10, snapshot.Baseline.Requests);
        Assert.Equal(0, snapshot.Baseline.Errors);
        Assert.Equal(10, snapshot.Candidate.Requests);
        Assert.Equal(10, snapshot.Candidate.Errors);
        Assert.Equal(0, snapshot.Compared);
    }

    [Fact]
    public async Task RunAsync_CandidateThrowsAsynchronously_NeverReachesTheCaller()
    {
        var runner = new ShadowRunner<int, int>(Double, async (_, token) =>
        {
            await Task.Yield();
            throw new TimeoutException("looks like a timeout but is a candidate exception");
        });
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(84, await runner.RunAsync(42, ct));
        await runner.WhenIdleAsync(ct);
        Assert.Equal(1, runner.Snapshot().Candidate.Errors);
        Assert.Equal(0, runner.Snapshot().CandidateTimeouts);
    }

    [Fact]
    public async Task RunAsync_CandidateHangs_CallerIsNotDelayedAndTheTimeoutIsRecorded()
    {
        var time = new FakeTimeProvider();
        var options = new ShadowRunnerOptions { CandidateTimeout = TimeSpan.FromSeconds(2) };
        var runner = new ShadowRunner<int, int>(Double, async (x, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return x;
        }, options, timeProvider: time);
        var ct = TestContext.Current.CancellationToken;

        // The fake clock has not moved, so the baseline result cannot have waited for the candidate.
        Assert.Equal(6, await runner.RunAsync(3, ct));
        Assert.Equal(0, runner.Snapshot().CandidateTimeouts);

        time.Advance(TimeSpan.FromSeconds(3));
        await runner.WhenIdleAsync(ct);
        var snapshot = runner.Snapshot();
        Assert.Equal(1, snapshot.CandidateTimeouts);
        Assert.Equal(1, snapshot.Candidate.Errors);
        Assert.Equal(2000, snapshot.Candidate.Latency.QuantileMilliseconds(0.5), 2000 * 0.004);
    }

    [Fact]
    public async Task RunAsync_CandidateBlocksSynchronously_CallerStillReturns()
    {
        using var release = new ManualResetEventSlim(false);
        var runner = new ShadowRunner<int, int>(Double, (x, _) =>
        {
            release.Wait(TestContext.Current.CancellationToken);
            return ValueTask.FromResult(2 * x);
        });
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(10, await runner.RunAsync(5, ct));
        release.Set();
        await runner.WhenIdleAsync(ct);
        var snapshot = runner.Snapshot();
        Assert.Equal(1, snapshot.Compared);
        Assert.Equal(1, snapshot.Agreements);
    }

    [Fact]
    public async Task RunAsync_ConcurrencyBoundReached_FurtherRequestsAreSkippedNotQueued()
    {
        using var release = new ManualResetEventSlim(false);
        var time = new FakeTimeProvider();
        var options = new ShadowRunnerOptions { MaxConcurrentCandidates = 2, CandidateTimeout = TimeSpan.FromSeconds(1) };
        var ct = TestContext.Current.CancellationToken;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        // This candidate ignores cancellation, so it keeps its slot even after the timeout.
        var runner = new ShadowRunner<int, int>(Double, (x, _) =>
        {
            try
            {
                release.Wait(ct);
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
                throw;
            }

            return ValueTask.FromResult(x);
        }, options, timeProvider: time);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(2 * i, await runner.RunAsync(i, ct));
        }

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(failures);
        Assert.Equal(3, runner.Snapshot().Skipped);
        Assert.Equal(4, await runner.RunAsync(2, ct));
        Assert.Equal(4, runner.Snapshot().Skipped);

        release.Set();
        await runner.WhenIdleAsync(ct);
        var snapshot = runner.Snapshot();
        Assert.Equal(2, snapshot.CandidateTimeouts);
        Assert.Equal(6, snapshot.Baseline.Requests);
        Assert.Equal(2, snapshot.Candidate.Requests);
    }

    [Fact]
    public async Task RunAsync_RecordsAgreementWithThePluggableComparer()
    {
        var comparer = EqualityComparer<double>.Create((a, b) => Math.Abs(a - b) < 0.05, x => 0);
        var runner = new ShadowRunner<int, double>(
            (x, _) => ValueTask.FromResult(x / 10.0),
            (x, _) => ValueTask.FromResult((x / 10.0) + (x % 4 == 0 ? 0.5 : 0.01)),
            new ShadowRunnerOptions { MaxConcurrentCandidates = 1000 },
            comparer: comparer);
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 100; i++)
        {
            await runner.RunAsync(i, ct);
        }

        await runner.WhenIdleAsync(ct);
        var snapshot = runner.Snapshot();
        Assert.Equal(100, snapshot.Compared);
        Assert.Equal(75, snapshot.Agreements);
        Assert.Equal(0.75, snapshot.AgreementRate);
    }

    [Fact]
    public async Task RunAsync_ComparerThrows_CountsAsDisagreement()
    {
        var comparer = EqualityComparer<int>.Create((_, _) => throw new FormatException(), x => 0);
        var runner = new ShadowRunner<int, int>(Double, Double, comparer: comparer);
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(2, await runner.RunAsync(1, ct));
        await runner.WhenIdleAsync(ct);
        Assert.Equal(1, runner.Snapshot().Compared);
        Assert.Equal(0, runner.Snapshot().Agreements);
    }

    [Fact]
    public async Task RunAsync_BaselineThrows_PropagatesToCallerAndIsRecorded()
    {
        var runner = new ShadowRunner<int, int>((_, _) => throw new ArgumentException("bad input"), Double);
        var ct = TestContext.Current.CancellationToken;
        await Assert.ThrowsAsync<ArgumentException>(async () => await runner.RunAsync(1, ct));
        await runner.WhenIdleAsync(ct);
        var snapshot = runner.Snapshot();
        Assert.Equal(1, snapshot.Baseline.Errors);
        Assert.Equal(1, snapshot.Candidate.Requests);
        Assert.Equal(0, snapshot.Candidate.Errors);
        Assert.Equal(0, snapshot.Compared);
    }

    [Fact]
    public async Task RunAsync_MeasuresCandidateLatencyOnTheTimeProvider()
    {
        var time = new FakeTimeProvider();
        var delayStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = new ShadowRunner<int, int>(Double, async (x, token) =>
        {
            var delay = Task.Delay(TimeSpan.FromMilliseconds(120), time, token);
            delayStarted.SetResult();
            await delay;
            return 2 * x;
        }, timeProvider: time);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(2, await runner.RunAsync(1, ct));
        await delayStarted.Task.WaitAsync(ct);
        time.Advance(TimeSpan.FromMilliseconds(120));
        await runner.WhenIdleAsync(ct);
        var snapshot = runner.Snapshot();
        Assert.Equal(120, snapshot.Candidate.Latency.QuantileMilliseconds(0.99), 120 * 0.004);
        Assert.Equal(1, snapshot.Agreements);
    }

    [Fact]
    public void Constructor_Guards()
    {
        Assert.Equal("baseline", Assert.Throws<ArgumentNullException>(() => new ShadowRunner<int, int>(null!, Double)).ParamName);
        Assert.Equal("candidate", Assert.Throws<ArgumentNullException>(() => new ShadowRunner<int, int>(Double, null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new ShadowRunner<int, int>(Double, Double, new ShadowRunnerOptions { MaxConcurrentCandidates = 0 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new ShadowRunner<int, int>(Double, Double, new ShadowRunnerOptions { CandidateTimeout = TimeSpan.Zero })).ParamName);
    }
}
