using System.Security.Cryptography;
using AiGovernance.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Core.Tests.Audit;

/// <summary>Edges of signing and of verifying against a checkpoint that mutation testing found unpinned.</summary>
public sealed class SignedAuditCheckpointContractTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Sign_HeadOfAOneRecordChain_IsAccepted_AndVerifies()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var log = new InMemoryAuditLog(_time);
        await AuditTestData.AppendAsync(log, 1);

        var signed = SignedAuditCheckpoint.Sign(log.Head, key, "k", _time);
        var copy = new SignedAuditCheckpoint(signed.Checkpoint, signed.SignedAt, signed.KeyId, signed.Signature.Span);

        Assert.Equal(1, copy.Checkpoint.Sequence);
        Assert.True(copy.Verify(key));
        Assert.True(AuditChain.VerifyAgainstCheckpoint(log.Snapshot(), copy, key).IsValid);
    }

    [Fact]
    public async Task SequenceZeroWithARealHash_IsNotAChainHead_SignAndConstructorRefuseIt()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var log = new InMemoryAuditLog(_time);
        await AuditTestData.AppendAsync(log, 1);
        var notAHead = new AuditCheckpoint(0, log.Head.Hash);

        var signing = Assert.Throws<ArgumentException>(() => SignedAuditCheckpoint.Sign(notAHead, key, "k", _time));
        var constructing = Assert.Throws<ArgumentException>(() => new SignedAuditCheckpoint(notAHead, _time.GetUtcNow(), "k", [1, 2, 3]));

        Assert.Equal("checkpoint", signing.ParamName);
        Assert.Equal("checkpoint", constructing.ParamName);
        Assert.StartsWith("Only a non-empty chain head can be signed.", constructing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyHashAtARealSequence_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SignedAuditCheckpoint(new AuditCheckpoint(3, default), _time.GetUtcNow(), "k", [1]));

        Assert.Equal("checkpoint", ex.ParamName);
    }

    [Fact]
    public void Constructor_EmptySignatureOrKeyId_IsRefusedByName()
    {
        var head = new AuditCheckpoint(1, Sha256Digest.Compute("x"u8));

        var noSignature = Assert.Throws<ArgumentException>(() => new SignedAuditCheckpoint(head, _time.GetUtcNow(), "k", []));
        var noKeyId = Assert.Throws<ArgumentException>(() => new SignedAuditCheckpoint(head, _time.GetUtcNow(), " ", [1]));

        Assert.Equal("signature", noSignature.ParamName);
        Assert.StartsWith("The signature is empty.", noSignature.Message, StringComparison.Ordinal);
        Assert.Equal("keyId", noKeyId.ParamName);
    }

    [Fact]
    public void Sign_NullOrEmptyArguments_AreRefusedByName()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var head = new AuditCheckpoint(1, Sha256Digest.Compute("x"u8));

        Assert.Equal("privateKey", Assert.Throws<ArgumentNullException>(() => SignedAuditCheckpoint.Sign(head, null!, "k", _time)).ParamName);
        Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => SignedAuditCheckpoint.Sign(head, key, "k", null!)).ParamName);
        Assert.Equal("keyId", Assert.Throws<ArgumentException>(() => SignedAuditCheckpoint.Sign(head, key, "", _time)).ParamName);
        var signed = SignedAuditCheckpoint.Sign(head, key, "k", _time);
        Assert.Equal("publicKey", Assert.Throws<ArgumentNullException>(() => signed.Verify(null!)).ParamName);
    }

    [Fact]
    public void Verify_SignatureOfTheWrongLength_IsFalse()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var head = new AuditCheckpoint(1, Sha256Digest.Compute("x"u8));
        var signed = SignedAuditCheckpoint.Sign(head, key, "k", _time);

        var truncated = new SignedAuditCheckpoint(head, signed.SignedAt, "k", signed.Signature.Span[..10]);

        Assert.False(truncated.Verify(key));
    }

    [Fact]
    public async Task VerifyAgainstCheckpoint_NullArguments_AreNamed()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var log = new InMemoryAuditLog(_time);
        await AuditTestData.AppendAsync(log, 2);
        var signed = SignedAuditCheckpoint.Sign(log.Head, key, "k", _time);
        var records = log.Snapshot();

        Assert.Equal("records", Assert.Throws<ArgumentNullException>(() => AuditChain.VerifyAgainstCheckpoint(null!, signed, key)).ParamName);
        Assert.Equal("checkpoint", Assert.Throws<ArgumentNullException>(() => AuditChain.VerifyAgainstCheckpoint(records, null!, key)).ParamName);
        Assert.Equal("publicKey", Assert.Throws<ArgumentNullException>(() => AuditChain.VerifyAgainstCheckpoint(records, signed, null!)).ParamName);
        Assert.Equal("records", Assert.Throws<ArgumentNullException>(() => AuditChain.Verify(null!)).ParamName);
        Assert.Equal("record", Assert.Throws<ArgumentNullException>(() => AuditChain.HashMatches(null!)).ParamName);
        await Assert.ThrowsAsync<ArgumentNullException>("records", async () => await AuditChain.VerifyAsync(null!, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task VerifyAgainstCheckpointAsync_NullRecords_ThrowsEvenWhenTheSignatureFails()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = SignedAuditCheckpoint.Sign(new AuditCheckpoint(1, Sha256Digest.Compute("x"u8)), key, "k", _time);

        var ex = await Assert.ThrowsAsync<ArgumentNullException>(
            () => AuditChain.VerifyAgainstCheckpointAsync(null!, signed, other, TestContext.Current.CancellationToken).AsTask());

        Assert.Equal("records", ex.ParamName);
    }

    [Fact]
    public async Task CheckpointFailures_SayWhatWasFound()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var log = new InMemoryAuditLog(_time);
        await AuditTestData.AppendAsync(log, 4);
        var records = log.Snapshot();
        var signed = SignedAuditCheckpoint.Sign(log.Head, key, "k", _time);
        var signedAtTwo = SignedAuditCheckpoint.Sign(new AuditCheckpoint(2, records[2].Hash), key, "k", _time);

        var wrongKey = AuditChain.VerifyAgainstCheckpoint(records, signed, other);
        var wrongKeyAsync = await AuditChain.VerifyAgainstCheckpointAsync(records.ToAsyncEnumerable(), signed, other,
            TestContext.Current.CancellationToken);
        var truncated = AuditChain.VerifyAgainstCheckpoint(records.Take(3), signed, key);
        var rewritten = AuditChain.VerifyAgainstCheckpoint(records, signedAtTwo, key);

        Assert.Equal("the checkpoint's signature does not verify with the trusted key.", wrongKey.Message);
        Assert.Equal(wrongKey.Message, wrongKeyAsync.Message);
        Assert.Equal(
            "the log ends at sequence 3 but a signed checkpoint covers sequence 4: records were removed from the end.",
            truncated.Message);
        Assert.Equal("record 2 does not carry the hash of the signed checkpoint: records up to 2 were rewritten.", rewritten.Message);
    }
}
