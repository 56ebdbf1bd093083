#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup], not IDisposable.
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Gates.Approvals;
using AiGovernance.Oversight.Review;
using AiGovernance.Storage.PostgreSql;
using AiGovernance.Storage.PostgreSql.Stores;
using AiGovernance.Storage.Sqlite;
using AiGovernance.Storage.Sqlite.Stores;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AiGovernance.Benchmarks;

/// <summary>A throw-away database of each kind: a SQLite file in a temporary folder, a fresh database on the PostgreSQL
/// server named by <c>AIGOV_POSTGRES</c> (start one with <c>eval "$(eng/postgres.sh start)"</c>).</summary>
internal sealed class BenchmarkDatabase : IDisposable
{
    private readonly string? _folder;
    private readonly string? _admin;
    private readonly string? _name;

    public BenchmarkDatabase(string provider)
    {
        Provider = provider;
        if (provider == "sqlite")
        {
            _folder = Path.Combine(Path.GetTempPath(), "aigov-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
            ConnectionString = "Data Source=" + Path.Combine(_folder, "governance.db");
            Sqlite = new SqliteGovernanceDatabase(new SqliteStorageOptions { ConnectionString = ConnectionString }, TimeProvider.System);
            Sqlite.InitializeAsync().GetAwaiter().GetResult();
            return;
        }

        _admin = Environment.GetEnvironmentVariable("AIGOV_POSTGRES")
            ?? throw new InvalidOperationException("Set AIGOV_POSTGRES (eval \"$(eng/postgres.sh start)\") for the PostgreSQL benchmarks.");
        _name = "aigov_bench_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(_admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {_name};", connection);
            create.ExecuteNonQuery();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name, MaxPoolSize = 64 }.ConnectionString;
        Postgres = new PostgreSqlGovernanceDatabase(new PostgreSqlStorageOptions { ConnectionString = ConnectionString }, TimeProvider.System);
        Postgres.InitializeAsync().GetAwaiter().GetResult();
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public SqliteGovernanceDatabase? Sqlite { get; }

    public PostgreSqlGovernanceDatabase? Postgres { get; }

    public IAuditLog AuditLog() => Sqlite is { } s ? new SqliteAuditLog(s, TimeProvider.System) : new PostgreSqlAuditLog(Postgres!, TimeProvider.System);

    public IApprovalNonceLedger NonceLedger() =>
        Sqlite is { } s ? new SqliteApprovalNonceLedger(s, TimeProvider.System) : new PostgreSqlApprovalNonceLedger(Postgres!, TimeProvider.System);

    public IReviewLog ReviewLog() => Sqlite is { } s ? new SqliteReviewLog(s) : new PostgreSqlReviewLog(Postgres!);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Postgres?.Dispose();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }

        if (_name is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_admin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE);", connection);
            drop.ExecuteNonQuery();
        }
    }
}

/// <summary>Durable audit appends from 8 concurrent writers (group commit). Target: PostgreSQL ≥ 2,000/s, SQLite ≥ 1,000/s,
/// i.e. a mean per append of at most 0.5 ms and 1 ms.</summary>
[MemoryDiagnoser]
public class AuditAppendBenchmarks
{
    private const int Appends = 2_000;
    private const int Writers = 8;
    private readonly AuditEvent _event = new("gate.deployment.decided", "ci", "credit-scoring");
    private BenchmarkDatabase _database = null!;
    private IAuditLog _log = null!;

    [Params("sqlite", "postgresql")]
    public string Provider { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _database = new BenchmarkDatabase(Provider);
        _log = _database.AuditLog();
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(OperationsPerInvoke = Appends)]
    public async Task AppendWithEightWriters()
    {
        var writers = new Task[Writers];
        for (var w = 0; w < Writers; w++)
        {
            writers[w] = Task.Run(async () =>
            {
                for (var i = 0; i < Appends / Writers; i++)
                {
                    await _log.AppendAsync(_event);
                }
            });
        }

        await Task.WhenAll(writers);
    }
}

/// <summary>One nonce check (a durable upsert) at a time. Target: p99 ≤ 2 ms; the P95 and Max columns bound it.</summary>
[Config(typeof(PercentileConfig))]
public class NonceCheckBenchmarks
{
    private BenchmarkDatabase _database = null!;
    private IApprovalNonceLedger _ledger = null!;
    private readonly Sha256Digest _statement = Sha256Digest.Compute("statement"u8);
    private long _next;

    [Params("sqlite", "postgresql")]
    public string Provider { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _database = new BenchmarkDatabase(Provider);
        _ledger = _database.NonceLedger();
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark]
    public ValueTask<bool> RecordNewNonce() =>
        _ledger.TryRecordAsync("n-" + Interlocked.Increment(ref _next), _statement, DateTimeOffset.UnixEpoch.AddYears(100));

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
    }
}

/// <summary>Streaming one million reviews out of each store (override analysis reads them this way). Target: ≤ 3 s.</summary>
[MemoryDiagnoser]
public class ReviewStreamBenchmarks
{
    private const int Reviews = 1_000_000;
    private BenchmarkDatabase _database = null!;
    private IReviewLog _log = null!;

    [Params("sqlite", "postgresql")]
    public string Provider { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _database = new BenchmarkDatabase(Provider);
        _log = _database.ReviewLog();
        var started = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        const string Columns = """
            case_id, reviewer_id, kind, started_at_ticks, started_at_offset, initial_judgment_at_ticks, initial_judgment_at_offset,
            final_decision_at_ticks, final_decision_at_offset, human_initial_decision, human_initial_confidence, ai_prediction, ai_confidence, final_decision
            """;
        if (Provider == "sqlite")
        {
            // Loading is setup, not the measured path: one transaction, one prepared insert.
            using var connection = new SqliteConnection(_database.ConnectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO aigov_reviews ({Columns}) VALUES ($c, $r, 0, $t, 0, $t, 0, $t, 0, 'approve', 0.7, 'approve', 0.8, 'approve');";
            var c = insert.Parameters.Add("$c", SqliteType.Text);
            var r = insert.Parameters.Add("$r", SqliteType.Text);
            var t = insert.Parameters.Add("$t", SqliteType.Integer);
            for (var i = 0; i < Reviews; i++)
            {
                c.Value = "case-" + i;
                r.Value = "rev-" + (i % 100);
                t.Value = started.UtcTicks + i * TimeSpan.TicksPerSecond;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return;
        }

        using var pg = new NpgsqlConnection(_database.ConnectionString);
        pg.Open();
        using (var copy = pg.BeginBinaryImport($"COPY aigov_reviews ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < Reviews; i++)
            {
                var ticks = started.UtcTicks + i * TimeSpan.TicksPerSecond;
                copy.StartRow();
                copy.Write("case-" + i);
                copy.Write("rev-" + (i % 100));
                copy.Write(0);
                copy.Write(ticks);
                copy.Write(0);
                copy.Write(ticks);
                copy.Write(0);
                copy.Write(ticks);
                copy.Write(0);
                copy.Write("approve");
                copy.Write(0.7);
                copy.Write("approve");
                copy.Write(0.8);
                copy.Write("approve");
            }

            copy.Complete();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark]
    public async Task<int> StreamOneMillion()
    {
        var count = 0;
        await foreach (var _ in _log.ReadAsync())
        {
            count++;
        }

        return count == Reviews ? count : throw new InvalidOperationException($"Read {count} reviews, expected {Reviews}.");
    }
}
