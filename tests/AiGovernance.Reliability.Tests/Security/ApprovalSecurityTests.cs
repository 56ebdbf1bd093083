using System.Security.Cryptography;
using System.Text;
using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Decisions;

namespace AiGovernance.Reliability.Tests.Security;

/// <summary>Signed approvals under attack: revoked keys, keys of the wrong curve, confusable reviewer ids and a clock
/// skewed by ±10 minutes. The gate fails closed on every path.</summary>
public class ApprovalSecurityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RevokedKey_ApprovalSignedAfterRevocation_IsRejectedAndTheGateBlocks()
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        var revokedAt = bench.Clock.GetUtcNow();
        Assert.True(bench.Keys.Revoke(bench.Signer("alice").KeyId));
        bench.Clock.Advance(TimeSpan.FromHours(1));

        var approvals = await bench.HighRiskSetAsync();
        var verification = (await bench.Verifier.VerifyAsync(approvals[0], bench.Expectation, TestContext.Current.CancellationToken));
        Assert.Equal(ApprovalFailureReason.KeyRevoked, verification.Reason);
        Assert.True(bench.Keys.TryGetRevocation(bench.Signer("alice").KeyId, out var recorded));
        Assert.Equal(revokedAt, recorded);
        Assert.Contains(revokedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), verification.Detail, StringComparison.Ordinal);

        var decision = await bench.Gate.EvaluateAsync(bench.Request(approvals), Ct);
        Assert.False(decision.IsAllowed);
        Assert.Contains(decision.InvalidApprovals, i => i.Reason == ApprovalFailureReason.KeyRevoked);
        Assert.Contains(decision.MissingApprovals, m => m.Kind == ApprovalKinds.TechnicalValidation);
    }

    [Fact]
    public async Task RevokedKey_ApprovalsIssuedBeforeRevocation_AreRejectedToo_BecauseIssueTimeIsTheSignersClaim()
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        var approvals = await bench.HighRiskSetAsync();
        Assert.True((await bench.Gate.EvaluateAsync(bench.Request(approvals), Ct)).IsAllowed);

        // A genuine approval from before the revocation, and one a thief back-dates to before it.
        bench.Clock.Advance(TimeSpan.FromMinutes(30));
        bench.Keys.Revoke(bench.Signer("alice").KeyId);
        bench.Clock.Advance(TimeSpan.FromMinutes(30));
        var backdated = await bench.SignAsync(bench.Predicate(issuedAt: ApprovalFixture.Start.AddDays(-1)));

        Assert.Equal(ApprovalFailureReason.KeyRevoked, (await bench.Verifier.VerifyAsync(approvals[0], bench.Expectation, TestContext.Current.CancellationToken)).Reason);
        Assert.Equal(ApprovalFailureReason.KeyRevoked, (await bench.Verifier.VerifyAsync(backdated, bench.Expectation, TestContext.Current.CancellationToken)).Reason);
        var again = await bench.Gate.EvaluateAsync(bench.Request(approvals), Ct);
        Assert.False(again.IsAllowed);
        Assert.Equal(2, bench.Audit.Count);
        Assert.True((await bench.Audit.VerifyAsync(Ct)).IsValid);
    }

    [Fact]
    public void Revocation_KeepsTheEarliestTime_BarsReAdding_AndWorksBeforeRegistration()
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        var keyId = bench.Signer("bob").KeyId;
        Assert.True(bench.Keys.Revoke(keyId, ApprovalFixture.Start.AddDays(-2)));
        Assert.True(bench.Keys.Revoke(keyId, ApprovalFixture.Start.AddDays(-1)));
        Assert.True(bench.Keys.TryGetRevocation(keyId, out var at));
        Assert.Equal(ApprovalFixture.Start.AddDays(-2), at);

        using var future = EcdsaApprovalSigner.Create();
        Assert.False(bench.Keys.Revoke(future.KeyId));
        var key = new TrustedReviewerKey("frank", [ReviewerRoles.Executive], future.PublicKey.Span, ApprovalFixture.Start.AddDays(-1), ApprovalFixture.Start.AddDays(1));
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => bench.Keys.Add(key)).ParamName);
        Assert.Equal("keyId", Assert.Throws<ArgumentException>(() => bench.Keys.Revoke(" ")).ParamName);
    }

    [Fact]
    public async Task Revocation_DuringConcurrentVerification_NoVerificationStartedAfterItSucceeds()
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        var envelope = await bench.SignAsync(bench.Predicate());
        var revoked = 0;
        long afterRevocationValid = 0, afterRevocationChecked = 0, beforeValid = 0;
        var workers = Math.Max(4, Environment.ProcessorCount * 2);
        var perWorkerAfter = Stress.Pick(50, 2_000);
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            tasks[w] = Task.Run(async () =>
            {
                var after = 0;
                while (after < perWorkerAfter)
                {
                    var startedAfter = Volatile.Read(ref revoked) == 1;
                    var valid = (await bench.Verifier.VerifyAsync(envelope, bench.Expectation)).IsValid;
                    if (startedAfter)
                    {
                        after++;
                        Interlocked.Increment(ref afterRevocationChecked);
                        if (valid)
                        {
                            Interlocked.Increment(ref afterRevocationValid);
                        }
                    }
                    else if (valid)
                    {
                        Interlocked.Increment(ref beforeValid);
                    }
                }
            }, Ct);
        }

        while (Interlocked.Read(ref beforeValid) < workers * 5)
        {
            await Task.Delay(1, Ct);
        }

        bench.Keys.Revoke(bench.Signer("alice").KeyId);
        Volatile.Write(ref revoked, 1);
        await Task.WhenAll(tasks);

        Assert.Equal(0, afterRevocationValid);
        Assert.Equal(workers * (long)perWorkerAfter, afterRevocationChecked);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"revocation race: {workers} workers; {beforeValid} valid verifications before, {afterRevocationChecked} started after revocation, 0 accepted");
    }

    public static TheoryData<string> WrongKeys() => ["P-384", "P-521", "RSA-2048", "P-256-explicit", "garbage"];

    [Theory]
    [MemberData(nameof(WrongKeys))]
    public void WrongCurveOrKeyType_IsRefusedAtRegistration_WithAClearError(string kind)
    {
        var spki = PublicKeyOf(kind);
        var ex = Assert.Throws<ArgumentException>(() =>
            new TrustedReviewerKey("frank", [ReviewerRoles.Executive], spki, ApprovalFixture.Start, ApprovalFixture.Start.AddDays(1)));
        Assert.Equal("subjectPublicKeyInfo", ex.ParamName);
        Assert.Contains("P-256", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(spki), ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P-384")]
    [InlineData("P-521")]
    [InlineData("RSA-2048")]
    [InlineData("P-256-explicit")]
    public void WrongCurveOrKeyType_PrivateKeyIsRefusedBySigner_WithoutEchoingIt(string kind)
    {
        var pkcs8 = PrivateKeyOf(kind);
        var ex = Assert.Throws<ArgumentException>(() => EcdsaApprovalSigner.FromPkcs8(pkcs8));
        Assert.Equal("pkcs8PrivateKey", ex.ParamName);
        Assert.DoesNotContain(Convert.ToBase64String(pkcs8), ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(pkcs8), ex.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("P-384")]
    [InlineData("P-521")]
    public async Task EnvelopeSignedWithAWrongCurveKey_FailsVerification_NeverThrows(string curve)
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        using var key = ECDsa.Create(curve == "P-384" ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP521);
        var payload = new ApprovalStatement(bench.Artifact, bench.Predicate()).ToPayload();
        var signature = key.SignData(Dsse.PreAuthenticationEncoding(Dsse.InTotoPayloadType, payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        var unnamed = new DsseEnvelope(Dsse.InTotoPayloadType, payload, [new DsseSignature(null, signature)]);
        var claimingAlice = new DsseEnvelope(Dsse.InTotoPayloadType, payload, [new DsseSignature(bench.Signer("alice").KeyId, signature)]);
        Assert.Equal(ApprovalFailureReason.UnknownKey, (await bench.Verifier.VerifyAsync(unnamed, bench.Expectation, TestContext.Current.CancellationToken)).Reason);
        Assert.Equal(ApprovalFailureReason.BadSignature, (await bench.Verifier.VerifyAsync(claimingAlice, bench.Expectation, TestContext.Current.CancellationToken)).Reason);
        var decision = await bench.Gate.EvaluateAsync(bench.Request([unnamed, claimingAlice]), Ct);
        Assert.False(decision.IsAllowed);
    }

    /// <summary>Look-alikes of "alice" and other ids that must never be registrable.</summary>
    private static readonly (string Id, string What)[] s_confusables =
    [
        ("\u0430lice", "Cyrillic а (U+0430)"),
        ("alic\u0435", "Cyrillic е (U+0435)"),
        ("\uFF41lice", "full-width a (U+FF41)"),
        ("al\u200Dice", "zero-width joiner"),
        ("al\u200Bice", "zero-width space"),
        ("alice\u00AD", "soft hyphen"),
        ("a\u0308lice", "combining diaeresis (NFD)"),
        ("\u00E4lice", "ä precomposed (NFC)"),
        ("\u212Blice", "Ångström sign (NFKC changes it)"),
        ("al\u0131ce", "dotless ı"),
        ("alice\u202E", "right-to-left override"),
        ("alice\uFEFF", "byte-order mark"),
        ("alice ", "trailing space"),
        (" alice", "leading space"),
        ("alice\n", "line feed"),
        ("alice\u0000", "NUL"),
        ("ali\uD800ce", "lone surrogate"),
        (".alice", "leading punctuation"),
        ("alice\uD83D\uDE00", "emoji"),
        (new string('a', TrustedReviewerKey.MaxReviewerIdLength + 1), "too long"),
    ];

    public static TheoryData<int, string> ConfusableIds()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < s_confusables.Length; i++)
        {
            data.Add(i, s_confusables[i].What);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ConfusableIds))]
    public void ConfusableReviewerIds_CannotBeRegistered(int index, string what)
    {
        var reviewerId = s_confusables[index].Id;
        using var signer = EcdsaApprovalSigner.Create();
        Assert.False(TrustedReviewerKey.IsValidReviewerId(reviewerId), what);
        var ex = Assert.Throws<ArgumentException>(() =>
            new TrustedReviewerKey(reviewerId, [ReviewerRoles.ModelValidator], signer.PublicKey.Span, ApprovalFixture.Start, ApprovalFixture.Start.AddDays(1)));
        Assert.Equal("reviewerId", ex.ParamName);
    }

    [Theory]
    [InlineData("ALICE")]
    [InlineData("Alice")]
    [InlineData("aLiCe")]
    public void ReviewerIdDifferingOnlyInCase_CannotBeRegisteredBesideTheOriginal(string reviewerId)
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        using var signer = EcdsaApprovalSigner.Create();
        var key = new TrustedReviewerKey(reviewerId, [ReviewerRoles.ModelValidator], signer.PublicKey.Span, ApprovalFixture.Start, ApprovalFixture.Start.AddDays(1));
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => bench.Keys.Add(key)).ParamName);

        // The same reviewer may still hold a second key (rotation).
        using var rotated = EcdsaApprovalSigner.Create();
        bench.Keys.Add(new TrustedReviewerKey("alice", [ReviewerRoles.ModelValidator], rotated.PublicKey.Span, ApprovalFixture.Start, ApprovalFixture.Start.AddDays(1)));
    }

    /// <summary>The confusables that can be written into a statement (a lone surrogate cannot be encoded as JSON).</summary>
    public static TheoryData<int, string> SignableConfusableIds()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < s_confusables.Length; i++)
        {
            if (s_confusables[i].What != "lone surrogate")
            {
                data.Add(i, s_confusables[i].What);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SignableConfusableIds))]
    public async Task ApprovalClaimingAConfusableOfAnotherReviewer_IsRejected_AndQuotedSafely(int index, string what)
    {
        var claimedId = s_confusables[index].Id;
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        var forged = await bench.SignAsync(bench.Predicate(reviewer: claimedId), signer: "mallory");
        var verification = (await bench.Verifier.VerifyAsync(forged, bench.Expectation, TestContext.Current.CancellationToken));
        Assert.Equal(ApprovalFailureReason.ReviewerMismatch, verification.Reason);
        Assert.True(verification.Detail.Length < 300, what);
        foreach (var c in verification.Detail)
        {
            Assert.False(char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format || char.IsSurrogate(c), $"{what}: detail carries U+{(int)c:X4}");
        }

        // With Mallory's own approval, the dual-validator requirement still sees one reviewer only.
        var own = await bench.SignAsync(bench.Predicate(reviewer: "mallory"));
        var decision = await bench.Gate.EvaluateAsync(bench.Request([forged, own]), Ct);
        Assert.False(decision.IsAllowed);
        Assert.DoesNotContain(decision.AcceptedApprovals, a => a.ReviewerId != "mallory");
    }

    [Fact]
    public void ValidReviewerIds_AreExactlyTheSafeAsciiSet_AndStableUnderNfkc()
    {
        var random = new Random(20261126);
        var accepted = 0;
        var cases = Stress.Pick(20_000, 400_000);
        for (var i = 0; i < cases; i++)
        {
            var length = random.Next(0, 12);
            var chars = new char[length];
            for (var j = 0; j < length; j++)
            {
                chars[j] = random.Next(4) switch
                {
                    0 => (char)random.Next(0x20, 0x7F),
                    1 => "abcXYZ019._-@+"[random.Next(14)],
                    2 => (char)random.Next(0x80, 0x3000),
                    _ => (char)random.Next(0xFE00, 0x10000),
                };
            }

            var id = new string(chars);
            if (!TrustedReviewerKey.IsValidReviewerId(id))
            {
                continue;
            }

            accepted++;
            Assert.True(Ascii.IsValid(id), id);
            Assert.Equal(id, id.Normalize(NormalizationForm.FormKC));
            Assert.True(char.IsAsciiLetterOrDigit(id[0]));
        }

        Assert.InRange(accepted, 1, cases);
        TestContext.Current.TestOutputHelper?.WriteLine($"reviewer ids: {cases} random strings, {accepted} accepted, all ASCII and NFKC-stable");
    }

    [Theory]
    [InlineData(-10 * 60 - 1, true)]
    [InlineData(-10 * 60, true)]
    [InlineData(0, true)]
    [InlineData(9 * 60 + 59, true)]
    [InlineData(10 * 60, true)]
    [InlineData(10 * 60 + 1, false)]
    [InlineData(60 * 60, false)]
    public async Task ClockSkew_IssuedUpToTenMinutesInTheFuture_Counts_BeyondIsNotYetValid(int issuerAheadSeconds, bool accepted)
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        var issued = bench.Clock.GetUtcNow().AddSeconds(issuerAheadSeconds);
        var envelope = await bench.SignAsync(bench.Predicate(issuedAt: issued));
        var verification = (await bench.Verifier.VerifyAsync(envelope, bench.Expectation, TestContext.Current.CancellationToken));
        Assert.Equal(accepted ? ApprovalFailureReason.None : ApprovalFailureReason.NotYetValid, verification.Reason);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(9 * 60, false)]
    [InlineData(11 * 60, false)]
    public async Task ClockSkew_NeverExtendsExpiry(int secondsPastExpiry, bool accepted)
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        // Issued by an approver whose clock runs 10 minutes ahead, valid for one hour.
        var envelope = await bench.SignAsync(bench.Predicate(issuedAt: bench.Clock.GetUtcNow().AddMinutes(10), lifetime: TimeSpan.FromHours(1)));
        Assert.True((await bench.Verifier.VerifyAsync(envelope, bench.Expectation, TestContext.Current.CancellationToken)).IsValid);
        bench.Clock.Advance(TimeSpan.FromMinutes(70) + TimeSpan.FromSeconds(secondsPastExpiry));
        var verification = (await bench.Verifier.VerifyAsync(envelope, bench.Expectation, TestContext.Current.CancellationToken));
        Assert.Equal(accepted ? ApprovalFailureReason.None : ApprovalFailureReason.Expired, verification.Reason);
        var decision = await bench.Gate.EvaluateAsync(bench.Request([envelope]), Ct);
        Assert.False(decision.IsAllowed);
    }

    [Fact]
    public async Task ClockSkewedApprovals_ThroughTheGate_AllowOnlyWithinTheSkew()
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        var approvals = await bench.HighRiskSetAsync();
        approvals[4] = await bench.SignAsync(bench.Predicate("erin", ReviewerRoles.Executive, ApprovalKinds.ExecutiveSponsor, issuedAt: bench.Clock.GetUtcNow().AddMinutes(11)));
        var early = await bench.Gate.EvaluateAsync(bench.Request(approvals), Ct);
        Assert.False(early.IsAllowed);
        Assert.Contains(early.InvalidApprovals, i => i.Reason == ApprovalFailureReason.NotYetValid);

        bench.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await bench.Gate.EvaluateAsync(bench.Request(approvals), Ct)).IsAllowed);
    }

    [Fact]
    public async Task ThrowingVerifier_TheGateBlocksAndStillRecordsTheDecision()
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        var gate = new GovernanceGate(bench.Policy, new ThrowingVerifier(), bench.Audit, bench.Clock);
        var decision = await gate.EvaluateAsync(bench.Request(await bench.HighRiskSetAsync()), Ct);
        Assert.False(decision.IsAllowed);
        Assert.Equal(5, decision.InvalidApprovals.Count);
        Assert.All(decision.InvalidApprovals, i => Assert.Equal(ApprovalFailureReason.VerificationError, i.Reason));
        Assert.All(decision.InvalidApprovals, i => Assert.DoesNotContain("secret", i.Detail, StringComparison.Ordinal));
        Assert.Equal(1, bench.Audit.Count);
        await Assert.ThrowsAsync<DeploymentBlockedException>(async () => await gate.EnforceAsync(bench.Request(await bench.HighRiskSetAsync()), Ct));
    }

    internal static byte[] PublicKeyOf(string kind)
    {
        switch (kind)
        {
            case "P-384":
            {
                using var k = ECDsa.Create(ECCurve.NamedCurves.nistP384);
                return k.ExportSubjectPublicKeyInfo();
            }

            case "P-521":
            {
                using var k = ECDsa.Create(ECCurve.NamedCurves.nistP521);
                return k.ExportSubjectPublicKeyInfo();
            }

            case "RSA-2048":
            {
                using var k = RSA.Create(2048);
                return k.ExportSubjectPublicKeyInfo();
            }

            case "P-256-explicit":
            {
                using var named = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                using var k = ECDsa.Create(named.ExportExplicitParameters(false));
                return k.ExportSubjectPublicKeyInfo();
            }

            default:
                return RandomNumberGenerator.GetBytes(91);
        }
    }

    internal static byte[] PrivateKeyOf(string kind)
    {
        if (kind == "RSA-2048")
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportPkcs8PrivateKey();
        }

        if (kind == "P-256-explicit")
        {
            using var named = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var ex = ECDsa.Create(named.ExportExplicitParameters(true));
            return ex.ExportPkcs8PrivateKey();
        }

        using var k = ECDsa.Create(kind == "P-384" ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP521);
        return k.ExportPkcs8PrivateKey();
    }

    private sealed class ThrowingVerifier : IApprovalVerifier
    {
        public ValueTask<ApprovalVerification> VerifyAsync(DsseEnvelope envelope, ApprovalExpectation expectation, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret backend detail");
    }
}
