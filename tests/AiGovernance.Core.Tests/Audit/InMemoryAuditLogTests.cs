using AiGovernance.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Core.Tests.Audit;

public class InMemoryAuditLogTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Append_NullEvent_ThrowsArgumentNull_AndAppendsNothing()
    {
        // Found by mutation testing (eng/mutation.sh): removing the null guard went unnoticed.
        var log = new InMemoryAuditLog(_time);

        var thrown = await Assert.ThrowsAsync<ArgumentNullException>(async () => await log.AppendAsync(null!, TestContext.Current.CancellationToken));

        Assert.Equal("auditEvent", thrown.ParamName);
        Assert.Equal(0, log.Count);
    }

    [Fact]
    public async Task Append_AlreadyCancelled_ThrowsAndAppendsNothing()
    {
        var log = new InMemoryAuditLog(_time);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await log.AppendAsync(AuditTestData.Event(1), new CancellationToken(true)));

        Assert.Equal(0, log.Count);
    }

    [Fact]
    public async Task BadArguments_AreRefusedByName()
    {
        var log = new InMemoryAuditLog(_time);

        Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => new InMemoryAuditLog(null!)).ParamName);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("fromSequence",
            async () => await log.ReadAsync(0, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Read_CancelledWhileEnumerating_StopsWithOperationCanceled()
    {
        // Found by mutation testing (eng/mutation.sh): removing the per-record cancellation check went unnoticed.
        var log = new InMemoryAuditLog(_time);
        for (var i = 1; i <= 3; i++)
        {
            await log.AppendAsync(AuditTestData.Event(i), TestContext.Current.CancellationToken);
        }

        using var cancellation = new CancellationTokenSource();
        var read = new List<long>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var record in log.ReadAsync(cancellationToken: cancellation.Token))
            {
                read.Add(record.Sequence);
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal([1L], read);
    }

    [Fact]
    public async Task Append_ChainsRecords_AndStampsTimeFromTimeProvider()
    {
        var log = new InMemoryAuditLog(_time);
        var first = await log.AppendAsync(AuditTestData.Event(1), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = await log.AppendAsync(AuditTestData.Event(2), TestContext.Current.CancellationToken);

        Assert.Equal(1, first.Sequence);
        Assert.Equal(AuditChain.Genesis, first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(_time.GetUtcNow(), second.Timestamp);
        Assert.Equal(new AuditCheckpoint(2, second.Hash), log.Head);
        Assert.True((await log.VerifyAsync(TestContext.Current.CancellationToken)).IsValid);
    }

    [Fact]
    public async Task ConcurrentAppends_EightTasksOfFiveThousand_AllPresentAndChainVerifies()
    {
        var log = new InMemoryAuditLog(TimeProvider.System);
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                await log.AppendAsync(AuditTestData.Event((t * 5_000) + i), TestContext.Current.CancellationToken);
            }
        })).ToArray();
        await Task.WhenAll(tasks);

        var records = log.Snapshot();
        Assert.Equal(40_000, records.Count);
        Assert.Equal(40_000, records.Select(r => r.ArtifactDigest).Distinct().Count());
        var result = await log.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(40_000, result.VerifiedCount);
    }

    [Fact]
    public async Task Verify_EditedPayload_DetectedAtThatSequence()
    {
        var records = await RecordsAsync(5);
        records[2] = records[2] with { Payload = AuditTestData.Event(99).Payload };

        var result = AuditChain.Verify(records);
        Assert.False(result.IsValid);
        Assert.Equal(3, result.FirstInvalidSequence);
        Assert.Equal(AuditChainFailure.HashMismatch, result.Failure);
        Assert.Equal(2, result.VerifiedCount);
    }

    [Fact]
    public async Task Verify_EditWithRecomputedHash_BreaksTheNextLink()
    {
        var records = await RecordsAsync(5);
        var edited = records[2] with { Actor = "attacker" };
        records[2] = edited with { Hash = AuditChain.ComputeHash(edited.Sequence, edited.Timestamp, edited.EventType, edited.Actor, edited.SystemId, edited.ArtifactDigest, edited.Payload, edited.PreviousHash) };

        var result = AuditChain.Verify(records);
        Assert.Equal(4, result.FirstInvalidSequence);
        Assert.Equal(AuditChainFailure.PreviousHashMismatch, result.Failure);
    }

    [Fact]
    public async Task Verify_DeletedRecord_DetectedAtItsSequence()
    {
        var records = await RecordsAsync(5);
        records.RemoveAt(1);

        var result = AuditChain.Verify(records);
        Assert.Equal(2, result.FirstInvalidSequence);
        Assert.Equal(AuditChainFailure.SequenceMismatch, result.Failure);
    }

    [Fact]
    public async Task Verify_SwappedRecords_DetectedAtFirstSwappedPosition()
    {
        var records = await RecordsAsync(5);
        (records[3], records[2]) = (records[2], records[3]);

        var result = AuditChain.Verify(records);
        Assert.Equal(3, result.FirstInvalidSequence);
        Assert.Equal(AuditChainFailure.SequenceMismatch, result.Failure);
    }

    [Fact]
    public async Task Verify_TruncatedAgainstHead_Detected()
    {
        var log = new InMemoryAuditLog(_time);
        await AuditTestData.AppendAsync(log, 5);
        var records = log.Snapshot().Take(3).ToList();

        Assert.True(AuditChain.Verify(records).IsValid);
        var result = AuditChain.Verify(records, log.Head);
        Assert.Equal(AuditChainFailure.Truncated, result.Failure);
        Assert.Equal(4, result.FirstInvalidSequence);
    }

    [Fact]
    public async Task Read_FromSequence_ReturnsTail()
    {
        var log = new InMemoryAuditLog(_time);
        await AuditTestData.AppendAsync(log, 5);
        var tail = new List<long>();
        await foreach (var record in log.ReadAsync(4, TestContext.Current.CancellationToken))
        {
            tail.Add(record.Sequence);
        }

        Assert.Equal([4L, 5L], tail);
    }

    private async Task<List<AuditRecord>> RecordsAsync(int count)
    {
        var log = new InMemoryAuditLog(_time);
        await AuditTestData.AppendAsync(log, count);
        return [.. log.Snapshot()];
    }
}
