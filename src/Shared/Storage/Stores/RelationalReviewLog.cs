using System.Data;
using System.Runtime.CompilerServices;
using AiGovernance.Oversight.Review;

namespace AiGovernance.Shared;

/// <summary>The review log over either SQL database: group-committed appends, reads streamed in append order with constant
/// memory (one query over the primary key, each row yielded as it is read).</summary>
internal sealed class RelationalReviewLog
{
    private const string InsertSql = """
        INSERT INTO aigov_reviews (case_id, reviewer_id, kind, started_at_ticks, started_at_offset, initial_judgment_at_ticks,
            initial_judgment_at_offset, final_decision_at_ticks, final_decision_at_offset, human_initial_decision,
            human_initial_confidence, ai_prediction, ai_confidence, final_decision)
        VALUES (@case, @reviewer, @kind, @s, @so, @i, @io, @f, @fo, @hid, @hic, @ai, @aic, @final)
        """;

    private static readonly string[] InsertParameters =
        ["@case", "@reviewer", "@kind", "@s", "@so", "@i", "@io", "@f", "@fo", "@hid", "@hic", "@ai", "@aic", "@final"];

    private readonly IRelationalGovernanceDatabase _database;
    private readonly GroupCommitQueue<ReviewRecord, bool> _queue;

    public RelationalReviewLog(IRelationalGovernanceDatabase database)
    {
        _database = database;
        _queue = new GroupCommitQueue<ReviewRecord, bool>(CommitAsync, database.MaxBatchSize);
    }

    public async ValueTask AppendAsync(ReviewRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await _queue.SubmitAsync(record, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<ReviewRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = StorageCommands.Create(connection, null, """
                SELECT case_id, reviewer_id, kind, started_at_ticks, started_at_offset, initial_judgment_at_ticks, initial_judgment_at_offset,
                       final_decision_at_ticks, final_decision_at_offset, human_initial_decision, human_initial_confidence,
                       ai_prediction, ai_confidence, final_decision
                FROM aigov_reviews ORDER BY id;
                """);
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return new ReviewRecord(
                        reader.GetString(0),
                        reader.GetString(1),
                        (ReviewKind)reader.GetInt32(2),
                        StorageValues.Instant(reader.GetInt64(3), reader.GetInt32(4)),
                        StorageValues.Instant(reader.GetInt64(5), reader.GetInt32(6)),
                        StorageValues.Instant(reader.GetInt64(7), reader.GetInt32(8)),
                        reader.GetString(9),
                        reader.GetDouble(10),
                        reader.GetString(11),
                        reader.GetDouble(12),
                        reader.GetString(13));
                }
            }
        }
    }

    private async Task<bool[]> CommitAsync(IReadOnlyList<ReviewRecord> records, CancellationToken cancellationToken)
    {
        var rows = new object?[records.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            var r = records[i];
            rows[i] =
            [
                r.CaseId, r.ReviewerId, (int)r.Kind,
                StorageValues.Ticks(r.StartedAt), StorageValues.OffsetMinutes(r.StartedAt),
                StorageValues.Ticks(r.InitialJudgmentAt), StorageValues.OffsetMinutes(r.InitialJudgmentAt),
                StorageValues.Ticks(r.FinalDecisionAt), StorageValues.OffsetMinutes(r.FinalDecisionAt),
                r.HumanInitialDecision, r.HumanInitialConfidence, r.AiPrediction, r.AiConfidence, r.FinalDecision,
            ];
        }

        await _database.WriteTransactionAsync("append to the review log", async (connection, transaction) =>
        {
            await _database.ExecuteForEachRowAsync(connection, transaction, InsertSql, InsertParameters, rows, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        _database.Telemetry.BatchSize.Record(records.Count, new KeyValuePair<string, object?>("store", "reviews"));
        return new bool[records.Count];
    }
}
