using System.Security.Cryptography;
using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.Approvals;

public class TrustedReviewerKeyTests
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void KeyId_IsSha256OfTheSubjectPublicKeyInfo()
    {
        using var signer = EcdsaApprovalSigner.Create();
        var key = new TrustedReviewerKey("r", ["role"], signer.PublicKey.Span, From, From.AddYears(1));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(signer.PublicKey.Span)), key.KeyId);
        Assert.Equal(signer.KeyId, key.KeyId);
    }

    [Fact]
    public void NonP256Key_IsRefusedNamingTheArgument()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var ex = Assert.Throws<ArgumentException>(() => new TrustedReviewerKey("r", ["role"], p384.ExportSubjectPublicKeyInfo(), From, From.AddYears(1)));
        Assert.Equal("subjectPublicKeyInfo", ex.ParamName);
        Assert.Equal("subjectPublicKeyInfo", Assert.Throws<ArgumentException>(() => new TrustedReviewerKey("r", ["role"], [1, 2, 3], From, From.AddYears(1))).ParamName);
    }

    [Fact]
    public void EmptyValidity_And_NoRoles_AreRefused()
    {
        using var signer = EcdsaApprovalSigner.Create();
        Assert.Equal("validUntil", Assert.Throws<ArgumentException>(() => new TrustedReviewerKey("r", ["role"], signer.PublicKey.Span, From, From)).ParamName);
        Assert.Equal("roles", Assert.Throws<ArgumentException>(() => new TrustedReviewerKey("r", [], signer.PublicKey.Span, From, From.AddDays(1))).ParamName);
    }

    [Fact]
    public void Registry_RefusesDuplicatesAndRevokedKeys()
    {
        using var signer = EcdsaApprovalSigner.Create();
        var registry = new TrustedReviewerKeyRegistry();
        var key = new TrustedReviewerKey("r", ["role"], signer.PublicKey.Span, From, From.AddYears(1));
        registry.Add(key);
        Assert.Throws<ArgumentException>(() => registry.Add(key));
        Assert.True(registry.Revoke(key.KeyId));
        Assert.True(registry.IsRevoked(key.KeyId));
        Assert.False(registry.Revoke("unknown"));
    }

    [Fact]
    public async Task SignerFromPkcs8_SignsVerifiablyAndHasTheSameKeyId()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = EcdsaApprovalSigner.FromPkcs8(ecdsa.ExportPkcs8PrivateKey());
        var key = new TrustedReviewerKey("r", ["role"], ecdsa.ExportSubjectPublicKeyInfo(), From, From.AddYears(1));
        var sig = await signer.SignAsync("data"u8.ToArray(), TestContext.Current.CancellationToken);

        Assert.Equal(key.KeyId, signer.KeyId);
        Assert.True(key.VerifySignature("data"u8, sig));
        Assert.False(key.VerifySignature("date"u8, sig));
        Assert.Equal("pkcs8PrivateKey", Assert.Throws<ArgumentException>(() => EcdsaApprovalSigner.FromPkcs8([0x30, 0x00])).ParamName);
    }

    [Fact]
    public async Task NonceLedger_ConcurrentDifferentStatementsWithOneNonce_ExactlyOneWins()
    {
        var ledger = new InMemoryApprovalNonceLedger(new FakeTimeProvider(From));
        var wins = 0;
        await Parallel.ForAsync(0, 64, async (i, _) =>
        {
            if (await ledger.TryRecordAsync("nonce-1", Sha256Digest.Compute(BitConverter.GetBytes(i)), From.AddDays(1), CancellationToken.None))
            {
                Interlocked.Increment(ref wins);
            }
        });

        Assert.Equal(1, wins);
        Assert.Equal(1, ledger.Count);
    }

    [Fact]
    public async Task Verifier_ConcurrentReplaysOfOneNonce_OnlyOneStatementIsValid()
    {
        using var f = new ApprovalFixture();
        var predicate = f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval);
        var envelopes = new List<DsseEnvelope>();
        for (var i = 0; i < 16; i++)
        {
            envelopes.Add(await f.SignAsync(predicate with { ExpiresAt = predicate.ExpiresAt.AddSeconds(i) }));
        }

        var expectation = new ApprovalExpectation
        {
            Gate = GateKind.Deployment, SystemId = "credit-scoring", Environment = ApprovalFixture.Environment,
            ArtifactDigest = f.Artifact.Digest, PolicyVersion = f.Policy.Version,
        };
        var results = new ApprovalVerification[envelopes.Count];
        await Parallel.ForAsync(0, envelopes.Count, async (i, ct) => results[i] = await f.Verifier.VerifyAsync(envelopes[i], expectation, ct));

        Assert.Single(results, r => r.IsValid);
        Assert.Equal(envelopes.Count - 1, results.Count(r => r.Reason == ApprovalFailureReason.ReplayedNonce));
    }
}
