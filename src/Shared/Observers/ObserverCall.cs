namespace AiGovernance.Shared;

/// <summary>Calls an observer (a plug-in told about something that already happened) so that it cannot change what
/// happened: its exception is caught and returned, and a call that does not finish within the timeout is cancelled and
/// abandoned (its eventual failure observed) and reported as a <see cref="TimeoutException"/>.</summary>
internal static class ObserverCall
{
    /// <summary>Invokes <paramref name="call"/> with a token that is cancelled after <paramref name="timeout"/> on
    /// <paramref name="timeProvider"/>, waiting at most that long.</summary>
    /// <returns>null when the observer finished; otherwise what went wrong (a <see cref="TimeoutException"/> when it
    /// overran).</returns>
    public static async ValueTask<Exception?> InvokeAsync<TObserver, TEvent>(TObserver observer, TEvent e,
        Func<TObserver, TEvent, CancellationToken, ValueTask> call, TimeSpan timeout, TimeProvider timeProvider)
    {
        var cancellation = new CancellationTokenSource();
        Task task;
        try
        {
            task = call(observer, e, cancellation.Token).AsTask();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            cancellation.Dispose();
            return exception;
        }

        try
        {
            await task.WaitAsync(timeout, timeProvider).ConfigureAwait(false);
            return null;
        }
        catch (TimeoutException exception) when (!task.IsCompleted)
        {
            await cancellation.CancelAsync().ConfigureAwait(false);
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return exception;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return exception;
        }
        finally
        {
            if (task.IsCompleted)
            {
                cancellation.Dispose();
            }
        }
    }
}
