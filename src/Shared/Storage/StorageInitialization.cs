namespace AiGovernance.Shared;

/// <summary>The once-only start of a governance database (open, migrate): concurrent callers share one run, later callers
/// get its outcome, and a failed or cancelled run is started again by the next caller.</summary>
/// <param name="start">Starts the run; it completes on its own (callers' cancellation only stops their waiting).</param>
internal sealed class StorageInitialization(Func<Task> start)
{
    private readonly Lock _gate = new();
    private Task? _run;

    /// <summary>Whether a run has succeeded (read without the lock, for the per-call fast path).</summary>
    public bool IsCompletedSuccessfully => Volatile.Read(ref _run) is { IsCompletedSuccessfully: true };

    /// <summary>Waits for the current run, starting one when none has run or the last failed.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        Task run;
        lock (_gate)
        {
            if (_run is null || _run.IsFaulted || _run.IsCanceled)
            {
                _run = start();
            }

            run = _run;
        }

        return run.WaitAsync(cancellationToken);
    }
}
