using System.Runtime.CompilerServices;

namespace AiGovernance.Oversight.Review;

/// <summary>A review log held in memory: for tests and short-lived processes.</summary>
/// <remarks>Thread-safe: appends are serialised by a lock; reads work on a snapshot.</remarks>
public sealed class InMemoryReviewLog : IReviewLog
{
    private readonly Lock _gate = new();
    private readonly List<ReviewRecord> _records = [];

    /// <summary>The number of stored reviews.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public ValueTask AppendAsync(ReviewRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _records.Add(record);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ReviewRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var record in Snapshot())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>A copy of every stored review, in append order.</summary>
    /// <returns>The reviews.</returns>
    public IReadOnlyList<ReviewRecord> Snapshot()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }
}
