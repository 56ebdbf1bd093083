using AiGovernance.Shared;

namespace AiGovernance.Shared.Tests.Storage;

public sealed class StorageInitializationTests
{
    [Fact]
    public async Task WaitAsync_ConcurrentCallers_ShareOneRun()
    {
        var runs = 0;
        var release = new TaskCompletionSource();
        var initialization = new StorageInitialization(() =>
        {
            Interlocked.Increment(ref runs);
            return release.Task;
        });

        var first = initialization.WaitAsync(CancellationToken.None);
        var second = initialization.WaitAsync(CancellationToken.None);
        Assert.False(initialization.IsCompletedSuccessfully);
        release.SetResult();
        await Task.WhenAll(first, second);

        await initialization.WaitAsync(CancellationToken.None);
        Assert.Equal(1, runs);
        Assert.True(initialization.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitAsync_AfterAFailedRun_StartsAnother()
    {
        var runs = 0;
        var initialization = new StorageInitialization(() =>
            Interlocked.Increment(ref runs) == 1 ? Task.FromException(new InvalidOperationException("down")) : Task.CompletedTask);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => initialization.WaitAsync(CancellationToken.None));
        Assert.Equal("down", failure.Message);
        Assert.False(initialization.IsCompletedSuccessfully);

        await initialization.WaitAsync(CancellationToken.None);
        Assert.Equal(2, runs);
        Assert.True(initialization.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitAsync_CallerCancelled_StopsWaitingButTheRunGoesOn()
    {
        var release = new TaskCompletionSource();
        var initialization = new StorageInitialization(() => release.Task);
        using var cancel = new CancellationTokenSource();

        var waiting = initialization.WaitAsync(cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        release.SetResult();
        await initialization.WaitAsync(CancellationToken.None);
        Assert.True(initialization.IsCompletedSuccessfully);
    }
}
