using System.Security.Cryptography;
using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using static AiGovernance.Storage.Contract.ContractTime;

namespace AiGovernance.Storage.Contract;

/// <summary>What every <see cref="IAuditLog"/> promises. Derived classes create the store under test.</summary>
public abstract class AuditLogContract : StoreContract
{
    protected Microsoft.Extensions.Time.Testing.FakeTimeProvider Time { get; } = Clock();

    /// <summary>Creates an empty log (a fresh database or file) stamped by <see cref="Time"/>.</summary>
    protected abstract ValueTask<IAuditLog> CreateAsync();

    protected static AuditEvent Event(int i) =>
        new("model.registered", "ci-" + i, "credit-scoring", Sha256Digest.Compute(BitConverter.GetBytes(i)),
            JsonDocument.Parse("{\"n\":" + i + ",\"note\":\"écart \\u2028 ✓\",\"nested\":{\"a\":[1,2.5,null,true]}}").RootElement);

    [Fact]
    public async Task ConcurrentAppends_GetGaplessSequences_AndTheChainVerifies()
    {
        var log = await CreateAsync();

        var records = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => log.AppendAsync(Event(i), Ct).AsTask()));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), records.Select(r => r.Sequence).Order());
        var read = await ToListAsync(log.ReadAsync(1, Ct));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), read.Select(r => r.Sequence));
        Assert.Equal(new AuditCheckpoint(200, read[^1].Hash), log.Head);
        var verification = await log.VerifyAsync(Ct);
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(200, verification.VerifiedCount);
    }

    [Fact]
    public async Task Records_ReadBackWithEveryField()
    {
        var log = await CreateAsync();
        var appended = await log.AppendAsync(Event(7), Ct);
        await log.AppendAsync(new AuditEvent("gate.decided", "svc"), Ct);

        var read = await ToListAsync(log.ReadAsync(1, Ct));

        Assert.Equal(2, read.Count);
        var first = read[0];
        Assert.Equal((appended.Sequence, appended.Timestamp, appended.EventType, appended.Actor, appended.SystemId, appended.ArtifactDigest),
            (first.Sequence, first.Timestamp, first.EventType, first.Actor, first.SystemId, first.ArtifactDigest));
        Assert.Equal(JsonSerializer.Serialize(appended.Payload!.Value), JsonSerializer.Serialize(first.Payload!.Value));
        Assert.Equal((appended.PreviousHash, appended.Hash), (first.PreviousHash, first.Hash));
        Assert.True(AuditChain.HashMatches(first));
        Assert.Null(read[1].SystemId);
        Assert.True(read[1].ArtifactDigest.IsEmpty);
        Assert.Null(read[1].Payload);
    }

    [Fact]
    public async Task Read_FromASequence_ReturnsTheRestInOrder()
    {
        var log = await CreateAsync();
        for (var i = 1; i <= 10; i++)
        {
            await log.AppendAsync(Event(i), Ct);
        }

        var tail = await ToListAsync(log.ReadAsync(7, Ct));

        Assert.Equal([7L, 8, 9, 10], tail.Select(r => r.Sequence));
    }

    [Fact]
    public async Task SignedCheckpoint_VerifiesAfterTheLogGrew()
    {
        var log = await CreateAsync();
        for (var i = 1; i <= 5; i++)
        {
            await log.AppendAsync(Event(i), Ct);
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var checkpoint = SignedAuditCheckpoint.Sign(log.Head, key, "auditor", Time);
        await log.AppendAsync(Event(6), Ct);

        var result = await AuditChain.VerifyAgainstCheckpointAsync(log.ReadAsync(1, Ct), checkpoint, key, Ct);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(6, result.VerifiedCount);
    }

    [Fact]
    public async Task CancelledAppend_WritesNothing()
    {
        var log = await CreateAsync();
        await log.AppendAsync(Event(1), Ct);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await log.AppendAsync(Event(2), cancelled.Token));
        var next = await log.AppendAsync(Event(3), Ct);

        Assert.Equal(2, next.Sequence);
        Assert.Equal(2, (await ToListAsync(log.ReadAsync(1, Ct))).Count);
    }

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
