using System.Security.Cryptography;
using AiGovernance.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Core.Tests.Audit;

public class SignedAuditCheckpointTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Checkpoint_DetectsRewriteWithEveryLaterHashRecomputed()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var log = new InMemoryAuditLog(_time);
        await AuditTestData.AppendAsync(log, 6);
        var checkpoint = SignedAuditCheckpoint.Sign(log.Head, key, "audit-2026", _time);
        await AuditTestData.AppendAsync(log, 2);

        var rewritten = Rewrite(log.Snapshot(), index: 2);
        Assert.True(AuditChain.Verify(rewritten).IsValid, "the attacker's chain is internally consistent");

        var result = AuditChain.VerifyAgainstCheckpoint(rewritten, checkpoint, key);
        Assert.False(result.IsValid);
        Assert.Equal(AuditChainFailure.CheckpointMismatch, result.Failure);
        Assert.Equal(6, result.FirstInvalidSequence);
        Assert.True(AuditChain.VerifyAgainstCheckpoint(log.Snapshot(), checkpoint, key).IsValid);
    }

    [Fact]
    public async Task Checkpoint_OtherKeyOrForgedHead_FailsSignature()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var log = new InMemoryAuditLog(_time);
        await AuditTestData.AppendAsync(log, 3);
        var checkpoint = SignedAuditCheckpoint.Sign(log.Head, key, "audit-2026", _time);

        Assert.True(checkpoint.Verify(key));
        Assert.False(checkpoint.Verify(other));
        var forged = new SignedAuditCheckpoint(new AuditCheckpoint(2, log.Snapshot()[1].Hash), checkpoint.SignedAt, checkpoint.KeyId, checkpoint.Signature.Span);
        Assert.False(forged.Verify(key));
        Assert.Equal(AuditChainFailure.CheckpointSignatureInvalid, AuditChain.VerifyAgainstCheckpoint(log.Snapshot(), checkpoint, other).Failure);
    }

    [Fact]
    public async Task CheckpointAsync_OtherKey_FailsSignature_AndTheTrustedKeyPasses()
    {
        // Mutation testing found the asynchronous path's signature check untested: inverting it survived every test.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var log = new InMemoryAuditLog(_time);
        await AuditTestData.AppendAsync(log, 3);
        var checkpoint = SignedAuditCheckpoint.Sign(log.Head, key, "audit-2026", _time);

        var forged = await AuditChain.VerifyAgainstCheckpointAsync(log.Snapshot().ToAsyncEnumerable(), checkpoint, other,
            TestContext.Current.CancellationToken);
        var genuine = await AuditChain.VerifyAgainstCheckpointAsync(log.Snapshot().ToAsyncEnumerable(), checkpoint, key,
            TestContext.Current.CancellationToken);

        Assert.Equal(AuditChainFailure.CheckpointSignatureInvalid, forged.Failure);
        Assert.Equal(3, forged.FirstInvalidSequence);
        Assert.True(genuine.IsValid);
        Assert.Equal(3, genuine.VerifiedCount);
    }

    [Fact]
    public async Task CheckpointAsync_NullArguments_AreNamed()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var log = new InMemoryAuditLog(_time);
        await AuditTestData.AppendAsync(log, 1);
        var checkpoint = SignedAuditCheckpoint.Sign(log.Head, key, "k", _time);
        var records = log.Snapshot().ToAsyncEnumerable();

        Assert.Equal("records", (await Assert.ThrowsAsync<ArgumentNullException>(
            () => AuditChain.VerifyAgainstCheckpointAsync(null!, checkpoint, key, TestContext.Current.CancellationToken).AsTask())).ParamName);
        Assert.Equal("checkpoint", (await Assert.ThrowsAsync<ArgumentNullException>(
            () => AuditChain.VerifyAgainstCheckpointAsync(records, null!, key, TestContext.Current.CancellationToken).AsTask())).ParamName);
        Assert.Equal("publicKey", (await Assert.ThrowsAsync<ArgumentNullException>(
            () => AuditChain.VerifyAgainstCheckpointAsync(records, checkpoint, null!, TestContext.Current.CancellationToken).AsTask())).ParamName);
    }

    [Fact]
    public async Task Checkpoint_TruncationBelowItsSequence_Detected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var log = new InMemoryAuditLog(_time);
        await AuditTestData.AppendAsync(log, 5);
        var checkpoint = SignedAuditCheckpoint.Sign(log.Head, key, "k", _time);

        var result = AuditChain.VerifyAgainstCheckpoint(log.Snapshot().Take(4), checkpoint, key);
        Assert.Equal(AuditChainFailure.Truncated, result.Failure);
    }

    [Fact]
    public async Task FileLog_VerifiedAgainstCheckpoint()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = Path.Combine(Path.GetTempPath(), "aigov-ckpt-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            SignedAuditCheckpoint checkpoint;
            using (var log = new FileAuditLog(path, _time))
            {
                await AuditTestData.AppendAsync(log, 4);
                checkpoint = SignedAuditCheckpoint.Sign(log.Head, key, "k", _time);
            }

            var result = await FileAuditLog.VerifyFileAgainstCheckpointAsync(path, checkpoint, key, TestContext.Current.CancellationToken);
            Assert.True(result.IsValid, result.Message);
            Assert.Equal(4, result.VerifiedCount);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Sign_EmptyHead_Rejected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ex = Assert.Throws<ArgumentException>(() => SignedAuditCheckpoint.Sign(new AuditCheckpoint(0, AuditChain.Genesis), key, "k", _time));
        Assert.Equal("checkpoint", ex.ParamName);
    }

    /// <summary>What an attacker with write access does: edit one record and recompute every hash after it.</summary>
    private static List<AuditRecord> Rewrite(IReadOnlyList<AuditRecord> records, int index)
    {
        var result = new List<AuditRecord>();
        var previous = AuditChain.Genesis;
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i] with { PreviousHash = previous };
            if (i == index)
            {
                r = r with { Actor = "attacker" };
            }

            r = r with { Hash = AuditChain.ComputeHash(r.Sequence, r.Timestamp, r.EventType, r.Actor, r.SystemId, r.ArtifactDigest, r.Payload, r.PreviousHash) };
            previous = r.Hash;
            result.Add(r);
        }

        return result;
    }
}
