using System.Data;
using System.Runtime.CompilerServices;
using AiGovernance.Oversight.Review;
using AiGovernance.Shared;
using Microsoft.Data.Sqlite;

namespace AiGovernance.Storage.Sqlite.Stores;

/// <summary>An <see cref="IReviewLog"/> in a SQLite database: appends from any process on the machine, reads streamed in
/// append order with constant memory.</summary>
/// <remarks>Concurrent appends are committed together (group commit); each completes after its durable commit. Reading
/// runs one query over the table's primary key and yields each row as it is read, so 10 million reviews are analysed in
/// bounded memory.</remarks>
public sealed class SqliteReviewLog : IReviewLog
{
    private static readonly string[] ParameterNames =
        ["$case", "$reviewer", "$kind", "$s", "$so", "$i", "$io", "$f", "$fo", "$hid", "$hic", "$ai", "$aic", "$final"];

    private readonly SqliteGovernanceDatabase _database;
    private readonly GroupCommitQueue<ReviewRecord, bool> _queue;

    /// <summary>Creates the log over <paramref name="database"/>.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is null.</exception>
    public SqliteReviewLog(SqliteGovernanceDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _queue = new GroupCommitQueue<ReviewRecord, bool>(CommitAsync, database.Options.MaxBatchSize);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="SqliteStorageException">The database could not be written; the review was not stored.</exception>
    public async ValueTask AppendAsync(ReviewRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await _queue.SubmitAsync(record, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="SqliteStorageException">The database could not be read.</exception>
    public async IAsyncEnumerable<ReviewRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
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
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO aigov_reviews (case_id, reviewer_id, kind, started_at_ticks, started_at_offset, initial_judgment_at_ticks,
                    initial_judgment_at_offset, final_decision_at_ticks, final_decision_at_offset, human_initial_decision,
                    human_initial_confidence, ai_prediction, ai_confidence, final_decision)
                VALUES ($case, $reviewer, $kind, $s, $so, $i, $io, $f, $fo, $hid, $hic, $ai, $aic, $final);
                """;
            var parameters = ParameterNames.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
            foreach (var r in records)
            {
                object[] values =
                [
                    r.CaseId, r.ReviewerId, (int)r.Kind,
                    StorageValues.Ticks(r.StartedAt), StorageValues.OffsetMinutes(r.StartedAt),
                    StorageValues.Ticks(r.InitialJudgmentAt), StorageValues.OffsetMinutes(r.InitialJudgmentAt),
                    StorageValues.Ticks(r.FinalDecisionAt), StorageValues.OffsetMinutes(r.FinalDecisionAt),
                    r.HumanInitialDecision, r.HumanInitialConfidence, r.AiPrediction, r.AiConfidence, r.FinalDecision,
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i];
                    parameters[i].SqliteType = values[i] switch { string => SqliteType.Text, double => SqliteType.Real, _ => SqliteType.Integer };
                }

                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
        _database.Telemetry.BatchSize.Record(records.Count, new KeyValuePair<string, object?>("store", "reviews"));
        return new bool[records.Count];
    }
}
