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
    [Fact]
    public void NullReviewerId_NamesArgument()
    {
        using var signer = EcdsaApprovalSigner.Create();
        Assert.Equal("reviewerId", Assert.Throws<ArgumentNullException>(() => new TrustedReviewerKey(null!, ["role"], signer.PublicKey.Span, From, From.AddDays(1))).ParamName);
    }

    [Fact]
    public void UnsafeReviewerId_IsRefusedSayingWhatAnIdMayHold()
    {
        using var signer = EcdsaApprovalSigner.Create();
        var ex = Assert.Throws<ArgumentException>(() => new TrustedReviewerKey("dave smith", ["role"], signer.PublicKey.Span, From, From.AddDays(1)));
        Assert.Equal("reviewerId", ex.ParamName);
        Assert.StartsWith("A reviewer id must be 1 to 128 ASCII letters, digits or . _ - @ +, starting with a letter or digit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullRoles_NamesArgument()
    {
        using var signer = EcdsaApprovalSigner.Create();
        Assert.Equal("roles", Assert.Throws<ArgumentNullException>(() => new TrustedReviewerKey("r", null!, signer.PublicKey.Span, From, From.AddDays(1))).ParamName);
    }

    [Fact]
    public void BlankRole_IsRefusedNamingRoles()
    {
        using var signer = EcdsaApprovalSigner.Create();
        Assert.Equal("roles", Assert.Throws<ArgumentException>(() => new TrustedReviewerKey("r", ["role", " "], signer.PublicKey.Span, From, From.AddDays(1))).ParamName);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("dave.smith_2-x@example.com+ci")]
    [InlineData("a.")]
    [InlineData("a_")]
    [InlineData("a-")]
    [InlineData("a@")]
    [InlineData("a+")]
    public void ReviewerId_AsciiLettersDigitsAndPunctuationAfterTheFirst_IsValid(string id) => Assert.True(TrustedReviewerKey.IsValidReviewerId(id));

    [Fact]
    public void ReviewerId_OfExactlyTheMaximumLength_IsValid() =>
        Assert.True(TrustedReviewerKey.IsValidReviewerId(new string('a', TrustedReviewerKey.MaxReviewerIdLength)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".a")]
    [InlineData("@a")]
    [InlineData("dave smith")]
    [InlineData("dave/smith")]
    [InlineData("d\u0430ve")]
    [InlineData("da\u200Bve")]
    public void ReviewerId_EmptyLeadingPunctuationSpacesOrLookAlikes_IsInvalid(string? id) =>
        Assert.False(TrustedReviewerKey.IsValidReviewerId(id));

    [Fact]
    public void ReviewerId_LongerThanTheMaximum_IsInvalid() =>
        Assert.False(TrustedReviewerKey.IsValidReviewerId(new string('a', TrustedReviewerKey.MaxReviewerIdLength + 1)));

    [Fact]
    public void Brainpool256Key_IsRefused_ThoughItIs256Bits()
    {
        using var brainpool = ECDsa.Create(ECCurve.NamedCurves.brainpoolP256r1);
        Assert.Equal(256, brainpool.KeySize);
        var ex = Assert.Throws<ArgumentException>(() => new TrustedReviewerKey("r", ["role"], brainpool.ExportSubjectPublicKeyInfo(), From, From.AddDays(1)));
        Assert.Equal("subjectPublicKeyInfo", ex.ParamName);
    }

    [Fact]
    public void P256KeyWithTrailingBytes_IsRefused()
    {
        using var signer = EcdsaApprovalSigner.Create();
        byte[] padded = [.. signer.PublicKey.Span, 0];
        var ex = Assert.Throws<ArgumentException>(() => new TrustedReviewerKey("r", ["role"], padded, From, From.AddDays(1)));
        Assert.Equal("subjectPublicKeyInfo", ex.ParamName);
    }

    [Fact]
    public async Task MalformedSignature_DoesNotVerify()
    {
        using var signer = EcdsaApprovalSigner.Create();
        var key = new TrustedReviewerKey("r", ["role"], signer.PublicKey.Span, From, From.AddDays(1));
        var valid = await signer.SignAsync("data"u8.ToArray(), TestContext.Current.CancellationToken);

        Assert.True(key.VerifySignature("data"u8, valid));
        Assert.False(key.VerifySignature("data"u8, []));
        Assert.False(key.VerifySignature("data"u8, valid.AsSpan(0, valid.Length - 1)));
        Assert.False(key.VerifySignature("data"u8, [0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00]));
    }
}
