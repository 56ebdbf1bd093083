using System.Security.Cryptography;
using System.Text.Json;
using AiGovernance.Core.Audit;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Reliability.Tests.Security;

/// <summary>An attacker with write access to the log, but not to the checkpoint signing key.</summary>
public class AuditTrailAttackTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RewrittenLogWithEveryLaterHashRecomputed_PassesChainCheck_ButFailsSignedCheckpoint()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var honest = await WriteLog(approver: i => $"approver-{i}");
        var checkpoint = SignedAuditCheckpoint.Sign(honest.Head, key, "audit-key-1", new FakeTimeProvider(T0.AddHours(1)));

        // The attacker replays the whole history through the library itself, changing one approver: every hash is recomputed.
        var forged = await WriteLog(approver: i => i == 3 ? "attacker" : $"approver-{i}");
        Assert.True(AuditChain.Verify(forged.Snapshot()).IsValid);
        Assert.NotEqual(honest.Head.Hash, forged.Head.Hash);

        var result = AuditChain.VerifyAgainstCheckpoint(forged.Snapshot(), checkpoint, key);
        Assert.False(result.IsValid);
        Assert.Equal(AuditChainFailure.CheckpointMismatch, result.Failure);
        Assert.True(AuditChain.VerifyAgainstCheckpoint(honest.Snapshot(), checkpoint, key).IsValid);
    }

    [Fact]
    public async Task RewrittenLogFile_IsDetectedByTheSignedCheckpoint()
    {
        using var files = new TestFiles();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = files.File("audit.jsonl");
        var forgedPath = files.File("forged.jsonl");
        SignedAuditCheckpoint checkpoint;
        using (var log = new FileAuditLog(path, new FakeTimeProvider(T0)))
        {
            for (var i = 0; i < 10; i++)
            {
                await log.AppendAsync(Approval($"approver-{i}"), TestContext.Current.CancellationToken);
            }

            checkpoint = SignedAuditCheckpoint.Sign(log.Head, key, "audit-key-1", new FakeTimeProvider(T0));
        }

        using (var forged = new FileAuditLog(forgedPath, new FakeTimeProvider(T0)))
        {
            for (var i = 0; i < 10; i++)
            {
                await forged.AppendAsync(Approval(i == 6 ? "attacker" : $"approver-{i}"), TestContext.Current.CancellationToken);
            }
        }

        File.Copy(forgedPath, path, overwrite: true);
        Assert.True((await FileAuditLog.VerifyFileAsync(path, cancellationToken: TestContext.Current.CancellationToken)).IsValid);
        var result = await FileAuditLog.VerifyFileAgainstCheckpointAsync(path, checkpoint, key, TestContext.Current.CancellationToken);
        Assert.False(result.IsValid);
        Assert.Equal(AuditChainFailure.CheckpointMismatch, result.Failure);
    }

    [Fact]
    public async Task TruncatedLog_IsDetectedByTheSignedCheckpoint()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var log = await WriteLog(i => $"approver-{i}");
        var checkpoint = SignedAuditCheckpoint.Sign(log.Head, key, "k", new FakeTimeProvider(T0));
        var result = AuditChain.VerifyAgainstCheckpoint(log.Snapshot().Take(7), checkpoint, key);
        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task CheckpointForgedWithTheAttackersOwnKey_IsRejected()
    {
        using var trusted = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = await WriteLog(i => i == 3 ? "attacker" : $"approver-{i}");
        var checkpoint = SignedAuditCheckpoint.Sign(forged.Head, attacker, "audit-key-1", new FakeTimeProvider(T0));
        var result = AuditChain.VerifyAgainstCheckpoint(forged.Snapshot(), checkpoint, trusted);
        Assert.False(result.IsValid);
        Assert.Equal(AuditChainFailure.CheckpointSignatureInvalid, result.Failure);
    }

    [Theory]
    [InlineData("P-384")]
    [InlineData("P-521")]
    public async Task CheckpointKeysOfTheWrongCurve_FailVerificationWithoutThrowing(string curve)
    {
        var named = curve == "P-384" ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP521;
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(named);
        var log = await WriteLog(i => $"approver-{i}");
        var signedWithP256 = SignedAuditCheckpoint.Sign(log.Head, p256, "k", new FakeTimeProvider(T0));
        var signedWithOther = SignedAuditCheckpoint.Sign(log.Head, other, "k", new FakeTimeProvider(T0));

        Assert.False(signedWithP256.Verify(other));
        Assert.False(signedWithOther.Verify(p256));
        Assert.Equal(AuditChainFailure.CheckpointSignatureInvalid, AuditChain.VerifyAgainstCheckpoint(log.Snapshot(), signedWithP256, other).Failure);
    }

    [Fact]
    public async Task MalformedSignatureBytes_AreRejectedOrFailVerification_NeverThrowCrypto()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var log = await WriteLog(i => $"approver-{i}");
        var good = SignedAuditCheckpoint.Sign(log.Head, key, "k", new FakeTimeProvider(T0));
        var cases = 0;
        var property = Prop.ForAll(Gen.Choose(0, 200).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n)).ToArbitrary(), bytes =>
        {
            Interlocked.Increment(ref cases);
            try
            {
                var tampered = new SignedAuditCheckpoint(good.Checkpoint, good.SignedAt, good.KeyId, bytes);
                return !tampered.Verify(key) || bytes.AsSpan().SequenceEqual(good.Signature.Span);
            }
            catch (ArgumentException e)
            {
                return bytes.Length == 0 && e.ParamName == "signature";
            }
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(Stress.Pick(500, 20_000)).WithQuietOnSuccess(true), property);

        // Single-bit flips of the genuine signature, and of the signed time.
        var signature = good.Signature.ToArray();
        for (var bit = 0; bit < signature.Length * 8; bit += 5)
        {
            var flipped = (byte[])signature.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(new SignedAuditCheckpoint(good.Checkpoint, good.SignedAt, good.KeyId, flipped).Verify(key));
            cases++;
        }

        Assert.False(new SignedAuditCheckpoint(good.Checkpoint, good.SignedAt.AddMinutes(10), good.KeyId, signature).Verify(key));
        Assert.False(new SignedAuditCheckpoint(good.Checkpoint, good.SignedAt, "other-key", signature).Verify(key));
        TestContext.Current.TestOutputHelper?.WriteLine($"checkpoint signatures: {cases} malformed or tampered signatures, none accepted");
    }

    [Fact]
    public async Task CheckpointAndVerificationOutput_NeverContainPrivateKeyMaterialOrPayloads()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        var privateHex = Convert.ToHexString(parameters.D!);
        var privateBase64 = Convert.ToBase64String(parameters.D!);
        var log = await WriteLog(i => $"approver-{i}");
        var checkpoint = SignedAuditCheckpoint.Sign(log.Head, key, "k", new FakeTimeProvider(T0));
        var forged = await WriteLog(i => i == 2 ? "attacker" : $"approver-{i}");
        var result = AuditChain.VerifyAgainstCheckpoint(forged.Snapshot(), checkpoint, key);
        var texts = new[] { checkpoint.ToString(), result.ToString(), result.Message, new AuditLogCorruptedException(result).ToString() };
        foreach (var text in texts)
        {
            Assert.DoesNotContain(privateHex, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(privateBase64, text, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
        }
    }

    private static AuditEvent Approval(string approver) =>
        new("approval.granted", approver, "credit-model", payload: JsonSerializer.SerializeToElement(new { ticket = "SECRET-TICKET-42" }));

    private static async Task<InMemoryAuditLog> WriteLog(Func<int, string> approver)
    {
        var log = new InMemoryAuditLog(new FakeTimeProvider(T0));
        for (var i = 0; i < 10; i++)
        {
            await log.AppendAsync(Approval(approver(i)), TestContext.Current.CancellationToken);
        }

        return log;
    }
}
