using AiGovernance.Shared;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Shared.Tests.Observers;

public class ObserverCallTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task FinishingObserver_ReportsNoFailure_AndSeesTheEvent()
    {
        var seen = new List<int>();

        var failure = await ObserverCall.InvokeAsync(seen, 42, static (s, e, _) => { s.Add(e); return ValueTask.CompletedTask; }, Timeout,
            new FakeTimeProvider());

        Assert.Null(failure);
        Assert.Equal([42], seen);
    }

    [Fact]
    public async Task ObserverThrowingSynchronously_IsReturnedNotThrown()
    {
        var failure = await ObserverCall.InvokeAsync(0, 1, static (_, _, _) => throw new InvalidOperationException("sync"), Timeout,
            new FakeTimeProvider());

        Assert.Equal("sync", Assert.IsType<InvalidOperationException>(failure).Message);
    }

    [Fact]
    public async Task ObserverFaultingAsynchronously_IsReturnedNotThrown()
    {
        var failure = await ObserverCall.InvokeAsync(0, 1, static async (_, _, _) =>
        {
            await Task.Yield();
            throw new IOException("async");
        }, Timeout, new FakeTimeProvider());

        Assert.Equal("async", Assert.IsType<IOException>(failure).Message);
    }

    [Fact]
    public async Task HangingObserver_IsCancelledAndReportedAsTimeout()
    {
        var time = new FakeTimeProvider();
        var token = new TaskCompletionSource<CancellationToken>();
        var never = new TaskCompletionSource();

        var call = ObserverCall.InvokeAsync(0, 1, (_, _, ct) => { token.SetResult(ct); return new ValueTask(never.Task); }, Timeout, time).AsTask();
        Assert.False(call.IsCompleted);
        time.Advance(Timeout);
        var failure = await call;

        Assert.IsType<TimeoutException>(failure);
        Assert.True((await token.Task).IsCancellationRequested);
    }
}
