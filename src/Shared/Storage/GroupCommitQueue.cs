using System.Collections.Concurrent;

namespace AiGovernance.Shared;

/// <summary>Group commit: concurrent submissions are batched into one database transaction, and each submission completes
/// only after the commit that holds it.</summary>
/// <remarks>No background thread: the first submitter to get the writer slot drains everything queued (up to the batch
/// limit) and commits it; submitters whose items were committed by someone else just return. A submission cancelled
/// before a writer took it is never written; one cancelled afterwards waits for (and reports) its commit.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "SemaphoreSlim holds no unmanaged resource unless AvailableWaitHandle is read, which this type never does.")]
internal sealed class GroupCommitQueue<TItem, TResult>
{
    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task<TResult[]>> _commit;
    private readonly int _maxBatch;

    public GroupCommitQueue(Func<IReadOnlyList<TItem>, CancellationToken, Task<TResult[]>> commit, int maxBatch)
    {
        _commit = commit;
        _maxBatch = maxBatch;
    }

    public async Task<TResult> SubmitAsync(TItem item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(item);
        _queue.Enqueue(pending);
        while (!pending.Completion.Task.IsCompleted)
        {
            try
            {
                await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (pending.TryCancel())
            {
                throw;
            }
            catch (OperationCanceledException)
            {
                // A writer already took the item: its outcome is the commit's.
                return await pending.Completion.Task.ConfigureAwait(false);
            }

            try
            {
                if (!pending.Completion.Task.IsCompleted)
                {
                    await WriteBatchAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                _writer.Release();
            }
        }

        return await pending.Completion.Task.ConfigureAwait(false);
    }

    private async Task WriteBatchAsync()
    {
        var batch = new List<Pending>();
        while (batch.Count < _maxBatch && _queue.TryDequeue(out var next))
        {
            if (next.TryTake())
            {
                batch.Add(next);
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        TResult[] results;
        try
        {
            var items = new TItem[batch.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = batch[i].Item;
            }

            // Other submitters' items are in the batch: the caller's cancellation must not abort their commit.
            results = await _commit(items, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            foreach (var p in batch)
            {
                p.Completion.TrySetException(exception);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(results[i]);
        }
    }

    private sealed class Pending(TItem item)
    {
        private int _state;   // 0 queued, 1 taken by a writer, 2 cancelled

        public TItem Item { get; } = item;

        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool TryTake() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        public bool TryCancel()
        {
            if (Interlocked.CompareExchange(ref _state, 2, 0) != 0)
            {
                return false;
            }

            Completion.TrySetCanceled();
            return true;
        }
    }
}
