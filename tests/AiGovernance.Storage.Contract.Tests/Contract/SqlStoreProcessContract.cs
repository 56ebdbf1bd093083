using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using static AiGovernance.Storage.Contract.ContractTime;

namespace AiGovernance.Storage.Contract;

/// <summary>What a SQL store promises across real processes and against someone with direct SQL access: concurrent
/// appenders in several processes, processes killed mid-append, tampering, and rollout controllers killed, restarted and
/// racing. Derived classes provide a fresh database and raw connections.</summary>
public abstract class SqlStoreProcessContract : StoreContract
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The driver's provider argument (<c>sqlite</c> or <c>postgresql</c>).</summary>
    protected abstract string Provider { get; }

    /// <summary>The connection string of a fresh, empty database for this test.</summary>
    protected abstract string ConnectionString { get; }

    protected abstract IAuditLog OpenAuditLog(TimeProvider time);

    protected abstract DbConnection OpenConnection();

    private static int Scaled(int normal, int stress) =>
        Environment.GetEnvironmentVariable("AIGOV_STRESS") == "1" ? stress : normal;

    private async Task<List<AuditRecord>> ReadAllAsync(IAuditLog log)
    {
        var records = new List<AuditRecord>();
        await foreach (var r in log.ReadAsync(1, Ct))
        {
            records.Add(r);
        }

        return records;
    }

    [Fact]
    public async Task FourProcesses_AppendingAtOnce_LeaveOneGaplessChain()
    {
        var perProcess = Scaled(5_000, 20_000);
        var drivers = Enumerable.Range(0, 4)
            .Select(_ => DriverProcess.Start("append", Provider, ConnectionString, perProcess.ToString(CultureInfo.InvariantCulture), "8"))
            .ToArray();
        try
        {
            foreach (var driver in drivers)
            {
                Assert.Equal(0, await driver.WaitForExitAsync(ProcessTimeout));
            }

            var log = OpenAuditLog(TimeProvider.System);
            var records = await ReadAllAsync(log);
            var acked = drivers.SelectMany(d => d.Lines.Where(l => l.StartsWith("ack ", StringComparison.Ordinal)))
                .Select(l => long.Parse(l[4..], CultureInfo.InvariantCulture)).Order().ToArray();

            Assert.Equal(4 * perProcess, records.Count);
            Assert.Equal(Enumerable.Range(1, 4 * perProcess).Select(i => (long)i), records.Select(r => r.Sequence));
            Assert.Equal(records.Select(r => r.Sequence), acked);
            var verification = await AuditChain.VerifyAsync(log.ReadAsync(1, Ct), null, Ct);
            Assert.True(verification.IsValid, verification.Message);
        }
        finally
        {
            foreach (var driver in drivers)
            {
                driver.Dispose();
            }
        }
    }

    [Fact]
    public async Task ProcessKilledMidAppend_TwentyTimes_LosesNoAcknowledgedAppend()
    {
        var acknowledged = new HashSet<long>();
        for (var round = 0; round < 20; round++)
        {
            using var driver = DriverProcess.Start("append", Provider, ConnectionString, "1000000", "4");
            await driver.WaitForCountAsync(l => l.StartsWith("ack ", StringComparison.Ordinal), 20 + (round * 37 % 200), ProcessTimeout);
            driver.Kill();
            foreach (var line in driver.Lines.Where(l => l.StartsWith("ack ", StringComparison.Ordinal)))
            {
                acknowledged.Add(long.Parse(line[4..], CultureInfo.InvariantCulture));
            }
        }

        var log = OpenAuditLog(TimeProvider.System);
        var stored = (await ReadAllAsync(log)).Select(r => r.Sequence).ToHashSet();
        Assert.Subset(stored, acknowledged);
        var verification = await log.VerifyAsync(Ct);
        Assert.True(verification.IsValid, verification.Message);
        var next = await log.AppendAsync(new AuditEvent("test.after-kills", "test"), Ct);
        Assert.Equal(stored.Count + 1, next.Sequence);
        Assert.True(acknowledged.Count >= 20 * 20);
    }

    private async Task<(IAuditLog Log, SignedAuditCheckpoint Checkpoint, ECDsa Key)> TenRecordsWithCheckpointAsync()
    {
        var log = OpenAuditLog(Clock());
        for (var i = 1; i <= 10; i++)
        {
            using var payload = JsonDocument.Parse("{\"amount\":" + (i * 100).ToString(CultureInfo.InvariantCulture) + "}");
            await log.AppendAsync(new AuditEvent("approval.granted", "alice", "credit", default, payload.RootElement), Ct);
        }

        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (log, SignedAuditCheckpoint.Sign(log.Head, key, "auditor", Clock()), key);
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task PayloadEditedBySql_IsDetectedAtItsSequence()
    {
        var (log, _, key) = await TenRecordsWithCheckpointAsync();
        using (key)
        {
            await ExecuteAsync("UPDATE aigov_audit_records SET payload = '{\"amount\":1}' WHERE sequence = 4");

            var result = await log.VerifyAsync(Ct);

            Assert.Equal((false, 4L, AuditChainFailure.HashMismatch), (result.IsValid, result.FirstInvalidSequence, result.Failure));
        }
    }

    [Fact]
    public async Task RowDeletedBySql_IsDetectedAtItsSequence()
    {
        var (log, _, key) = await TenRecordsWithCheckpointAsync();
        using (key)
        {
            await ExecuteAsync("DELETE FROM aigov_audit_records WHERE sequence = 6");

            var result = await log.VerifyAsync(Ct);

            Assert.Equal((false, 6L, AuditChainFailure.SequenceMismatch), (result.IsValid, result.FirstInvalidSequence, result.Failure));
        }
    }

    [Fact]
    public async Task TwoRowsPayloadsSwappedBySql_AreDetectedAtTheFirst()
    {
        var (log, _, key) = await TenRecordsWithCheckpointAsync();
        using (key)
        {
            var records = await ReadAllAsync(log);
            var third = JsonSerializer.Serialize(records[2].Payload);
            var eighth = JsonSerializer.Serialize(records[7].Payload);
            await ExecuteAsync("UPDATE aigov_audit_records SET payload = @p WHERE sequence = 3", ("@p", eighth));
            await ExecuteAsync("UPDATE aigov_audit_records SET payload = @p WHERE sequence = 8", ("@p", third));

            var result = await log.VerifyAsync(Ct);

            Assert.Equal((false, 3L, AuditChainFailure.HashMismatch), (result.IsValid, result.FirstInvalidSequence, result.Failure));
        }
    }

    [Fact]
    public async Task TruncatedBySql_IsDetectedAgainstTheHeadThisInstanceWrote()
    {
        var (log, _, key) = await TenRecordsWithCheckpointAsync();
        using (key)
        {
            await ExecuteAsync("DELETE FROM aigov_audit_records WHERE sequence > 7");

            var result = await log.VerifyAsync(Ct);

            Assert.Equal((false, AuditChainFailure.Truncated), (result.IsValid, result.Failure));
        }
    }

    [Fact]
    public async Task EditWithEveryLaterHashRecomputed_IsCaughtByTheSignedCheckpoint()
    {
        var (log, checkpoint, key) = await TenRecordsWithCheckpointAsync();
        using (key)
        {
            // An attacker with SQL access edits record 3 and rewrites the chain from there so every link verifies.
            var records = await ReadAllAsync(log);
            var previous = records[1].Hash;
            for (var i = 2; i < records.Count; i++)
            {
                var r = records[i];
                var payload = i == 2 ? JsonDocument.Parse("{\"amount\":1}").RootElement : r.Payload;
                var hash = AuditChain.ComputeHash(r.Sequence, r.Timestamp, r.EventType, r.Actor, r.SystemId, r.ArtifactDigest, payload, previous);
                await ExecuteAsync("UPDATE aigov_audit_records SET payload = @payload, previous_hash = @previous, hash = @hash WHERE sequence = @sequence",
                    ("@payload", JsonSerializer.Serialize(payload)), ("@previous", previous.AsSpan().ToArray()), ("@hash", hash.AsSpan().ToArray()),
                    ("@sequence", r.Sequence));
                previous = hash;
            }

            var fresh = OpenAuditLog(Clock());
            var chainAlone = await fresh.VerifyAsync(Ct);
            var withCheckpoint = await AuditChain.VerifyAgainstCheckpointAsync(fresh.ReadAsync(1, Ct), checkpoint, key, Ct);

            Assert.True(chainAlone.IsValid);   // a consistent rewrite: only something kept outside the database catches it
            Assert.Equal((false, 10L, AuditChainFailure.CheckpointMismatch),
                (withCheckpoint.IsValid, withCheckpoint.FirstInvalidSequence, withCheckpoint.Failure));
            Assert.False((await log.VerifyAsync(Ct)).IsValid);   // the instance that wrote the head notices as well
        }
    }

    [Fact]
    public async Task RolloutControllerKilledAfterRollback_RestartsRolledBack_AndNeverPromotes()
    {
        using (var first = DriverProcess.Start("rollout", Provider, ConnectionString, "fraud-v2", "pod-a", "2", "start-rollback-wait"))
        {
            await first.WaitForLineAsync(l => l == "state RolledBack", ProcessTimeout);
            first.Kill();
        }

        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);   // the killed holder's lease runs out
        using var restarted = DriverProcess.Start("rollout", Provider, ConnectionString, "fraud-v2", "pod-b", "2", "evaluate");
        Assert.Equal(0, await restarted.WaitForExitAsync(ProcessTimeout));

        Assert.Contains("state RolledBack RolledBack lease True", restarted.Lines);
        Assert.DoesNotContain(restarted.Lines, l => l.StartsWith("traffic", StringComparison.Ordinal));
        Assert.Equal(["rollback"], restarted.Lines.Where(l => l == "rollback"));
    }

    [Fact]
    public async Task TwoControllers_ExactlyOneActs_AndTheLeaseMovesWhenTheHolderDies()
    {
        // A lease of 5 s: long enough that a busy machine does not let it lapse between taking it and saving the first stage.
        using var a = DriverProcess.Start("rollout", Provider, ConnectionString, "fraud-v2", "pod-a", "5", "hold");
        using var b = DriverProcess.Start("rollout", Provider, ConnectionString, "fraud-v2", "pod-b", "5", "hold");
        await a.WaitForLineAsync(l => l.StartsWith("holding", StringComparison.Ordinal), ProcessTimeout);
        await b.WaitForLineAsync(l => l.StartsWith("holding", StringComparison.Ordinal), ProcessTimeout);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        Assert.Equal(1, a.Lines.Count(l => l == "traffic 0.1") + b.Lines.Count(l => l == "traffic 0.1"));
        Assert.Equal(["holding False", "holding True"], new[] { a.Lines.First(l => l.StartsWith("holding", StringComparison.Ordinal)),
            b.Lines.First(l => l.StartsWith("holding", StringComparison.Ordinal)) }.Order(StringComparer.Ordinal));

        var (holder, standby) = a.Lines.Contains("holding True") ? (a, b) : (b, a);
        holder.Kill();
        await standby.WaitForLineAsync(l => l == "traffic 0.1", TimeSpan.FromSeconds(30));   // took over and re-applied the stage
    }
}
