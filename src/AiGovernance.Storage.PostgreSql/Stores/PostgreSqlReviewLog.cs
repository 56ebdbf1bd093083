using System.Data;
using System.Runtime.CompilerServices;
using AiGovernance.Oversight.Review;
using AiGovernance.Shared;
using Npgsql;

namespace AiGovernance.Storage.PostgreSql.Stores;

/// <summary>An <see cref="IReviewLog"/> in a PostgreSQL database: appends from any process on the machine, reads streamed in
/// append order with constant memory.</summary>
/// <remarks>Concurrent appends are committed together (group commit); each completes after its durable commit. Reading
/// runs one query over the table's primary key and yields each row as it is read, so 10 million reviews are analysed in
/// bounded memory.</remarks>
public sealed class PostgreSqlReviewLog : IReviewLog
{
    private readonly PostgreSqlGovernanceDatabase _database;
    private readonly GroupCommitQueue<ReviewRecord, bool> _queue;

    /// <summary>Creates the log over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is null.</exception>
    public PostgreSqlReviewLog(PostgreSqlGovernanceDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _queue = new GroupCommitQueue<ReviewRecord, bool>(CommitAsync, database.Options.MaxBatchSize);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="PostgreSqlStorageException">The database could not be written; the review was not stored.</exception>
    public async ValueTask AppendAsync(ReviewRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await _queue.SubmitAsync(record, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="PostgreSqlStorageException">The database could not be read.</exception>
    public async IAsyncEnumerable<ReviewRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand { Connection = connection };
            command.CommandText = """
                SELECT case_id, reviewer_id, kind, started_at_ticks, started_at_offset, initial_judgment_at_ticks, initial_judgment_at_offset,
                       final_decision_at_ticks, final_decision_at_offset, human_initial_decision, human_initial_confidence,
                       ai_prediction, ai_confidence, final_decision
                FROM aigov_reviews ORDER BY id;
                """;
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
        await _database.WriteAsync("append to the review log", async (connection, transaction) =>
        {
            using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var r in records)
            {
                var insert = new NpgsqlBatchCommand("""
                    INSERT INTO aigov_reviews (case_id, reviewer_id, kind, started_at_ticks, started_at_offset, initial_judgment_at_ticks,
                        initial_judgment_at_offset, final_decision_at_ticks, final_decision_at_offset, human_initial_decision,
                        human_initial_confidence, ai_prediction, ai_confidence, final_decision)
                    VALUES (@case, @reviewer, @kind, @s, @so, @i, @io, @f, @fo, @hid, @hic, @ai, @aic, @final)
                    """);
                var p = insert.Parameters;
                p.Add(new NpgsqlParameter<string>("case", r.CaseId));
                p.Add(new NpgsqlParameter<string>("reviewer", r.ReviewerId));
                p.Add(new NpgsqlParameter<int>("kind", (int)r.Kind));
                p.Add(new NpgsqlParameter<long>("s", StorageValues.Ticks(r.StartedAt)));
                p.Add(new NpgsqlParameter<int>("so", StorageValues.OffsetMinutes(r.StartedAt)));
                p.Add(new NpgsqlParameter<long>("i", StorageValues.Ticks(r.InitialJudgmentAt)));
                p.Add(new NpgsqlParameter<int>("io", StorageValues.OffsetMinutes(r.InitialJudgmentAt)));
                p.Add(new NpgsqlParameter<long>("f", StorageValues.Ticks(r.FinalDecisionAt)));
                p.Add(new NpgsqlParameter<int>("fo", StorageValues.OffsetMinutes(r.FinalDecisionAt)));
                p.Add(new NpgsqlParameter<string>("hid", r.HumanInitialDecision));
                p.Add(new NpgsqlParameter<double>("hic", r.HumanInitialConfidence));
                p.Add(new NpgsqlParameter<string>("ai", r.AiPrediction));
                p.Add(new NpgsqlParameter<double>("aic", r.AiConfidence));
                p.Add(new NpgsqlParameter<string>("final", r.FinalDecision));
                batch.BatchCommands.Add(insert);
            }

            return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        _database.Telemetry.BatchSize.Record(records.Count, new KeyValuePair<string, object?>("store", "reviews"));
        return new bool[records.Count];
    }
}
