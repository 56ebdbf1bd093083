namespace AiGovernance.Oversight.Review;

/// <summary>Where completed reviews are kept for override analysis.</summary>
/// <remarks>Implementations are safe for concurrent appends and lose none of them; reading streams the records in
/// append order, so a log larger than memory can be analysed in one pass.</remarks>
public interface IReviewLog
{
    /// <summary>Appends a completed review.</summary>
    /// <param name="record">The review.</param>
    /// <param name="cancellationToken">Cancels the append before it is written.</param>
    /// <returns>A task that completes when the record is stored.</returns>
    ValueTask AppendAsync(ReviewRecord record, CancellationToken cancellationToken = default);

    /// <summary>Streams the stored reviews in append order.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The reviews.</returns>
    IAsyncEnumerable<ReviewRecord> ReadAsync(CancellationToken cancellationToken = default);
}
