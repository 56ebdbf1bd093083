using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.Approvals;

/// <summary>The verifier's contract at its edges: guard clauses name their argument, each refusal says exactly what was
/// wrong (the reviewer reads <see cref="ApprovalVerification.Detail"/>), and every time bound is exact — inclusive where the
/// documentation says so, exclusive elsewhere.</summary>
public class DsseApprovalVerifierTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ApprovalVerification> VerifyAsync(ApprovalFixture f, ApprovalPredicate predicate, ModelArtifact? artifact = null,
        string? signer = null, ApprovalExpectation? expectation = null) =>
        await f.Verifier.VerifyAsync(await f.SignAsync(predicate, artifact, signer), expectation ?? f.Expectation, Ct);

    private static async Task AssertRefusedAsync(ApprovalFixture f, ApprovalPredicate predicate, ApprovalFailureReason reason, string detail,
        ModelArtifact? artifact = null, string? signer = null, ApprovalExpectation? expectation = null)
    {
        var result = await VerifyAsync(f, predicate, artifact, signer, expectation);
        Assert.Equal((reason, detail), (result.Reason, result.Detail));
        Assert.False(result.IsValid);
    }

    private static ApprovalPredicate Legal(ApprovalFixture f) => f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval);

    [Fact]
    public void Constructor_Guards_NameTheirArgument()
    {
        var clock = new FakeTimeProvider();
        var keys = new TrustedReviewerKeyRegistry(clock);
        var nonces = new InMemoryApprovalNonceLedger(clock);
        Assert.Equal("keys", Assert.Throws<ArgumentNullException>(() => new DsseApprovalVerifier(null!, nonces, clock)).ParamName);
        Assert.Equal("nonces", Assert.Throws<ArgumentNullException>(() => new DsseApprovalVerifier(keys, null!, clock)).ParamName);
        Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => new DsseApprovalVerifier(keys, nonces, null!)).ParamName);
        Assert.Equal("clockSkew", Assert.Throws<ArgumentOutOfRangeException>(() => new DsseApprovalVerifier(keys, nonces, clock, TimeSpan.FromTicks(-1))).ParamName);
        Assert.Equal("maxApprovalLifetime", Assert.Throws<ArgumentOutOfRangeException>(
            () => new DsseApprovalVerifier(keys, nonces, clock, maxApprovalLifetime: TimeSpan.Zero)).ParamName);
        Assert.Equal("maxEnvelopeBytes", Assert.Throws<ArgumentOutOfRangeException>(() => new DsseApprovalVerifier(keys, nonces, clock, maxEnvelopeBytes: 0)).ParamName);
    }

    [Fact]
    public async Task KeySigningForAnotherReviewer_SaysWhoseKeyItIs()
    {
        using var f = new ApprovalFixture();
        await AssertRefusedAsync(f, Legal(f), ApprovalFailureReason.ReviewerMismatch,
            "The statement names reviewer dave but the key belongs to bob.", signer: "bob");
    }

    [Fact]
    public async Task RoleTheKeyDoesNotCarry_NamesTheRole()
    {
        using var f = new ApprovalFixture();
        await AssertRefusedAsync(f, f.Predicate("bob", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval), ApprovalFailureReason.RoleNotHeld,
            "Reviewer bob does not hold the role legal-counsel.");
    }

    [Fact]
    public async Task OtherArtifact_NamesTheDigestExpected()
    {
        using var f = new ApprovalFixture();
        await AssertRefusedAsync(f, Legal(f), ApprovalFailureReason.SubjectDigestMismatch,
            $"The approval does not cover artifact sha256:{f.Artifact.Digest}.", artifact: f.OtherArtifact);
    }

    [Fact]
    public async Task OtherGate_NamesBothGates()
    {
        using var f = new ApprovalFixture();
        await AssertRefusedAsync(f, Legal(f) with { Gate = GateKind.UseCase }, ApprovalFailureReason.WrongGate,
            "The approval is for the use-case gate, not deployment.");
    }

    [Fact]
    public async Task OtherSystem_NamesBothSystems()
    {
        using var f = new ApprovalFixture();
        await AssertRefusedAsync(f, Legal(f) with { SystemId = "fraud-detection" }, ApprovalFailureReason.WrongSystem,
            "The approval is for system fraud-detection, not credit-scoring.");
    }

    [Fact]
    public async Task OtherEnvironment_NamesBothEnvironments()
    {
        using var f = new ApprovalFixture();
        await AssertRefusedAsync(f, Legal(f) with { Environment = "staging" }, ApprovalFailureReason.WrongEnvironment,
            "The approval is for environment staging, not production.");
    }

    [Fact]
    public async Task OtherPolicyVersion_NamesBothVersions()
    {
        using var f = new ApprovalFixture();
        await AssertRefusedAsync(f, Legal(f) with { PolicyVersion = "policy-6" }, ApprovalFailureReason.PolicyVersionMismatch,
            "The approval was given under policy policy-6, not policy-7.");
    }

    [Fact]
    public async Task IssuedBeyondTheClockSkew_NamesTheIssueTime()
    {
        using var f = new ApprovalFixture();
        await AssertRefusedAsync(f, f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval, issuedAt: ApprovalFixture.Start.AddHours(1)),
            ApprovalFailureReason.NotYetValid, "The approval is issued at 2026-11-26T13:00:00.0000000+00:00, in the future.");
    }

    [Fact]
    public async Task IssuedExactlyAtTheClockSkew_IsValid()
    {
        using var f = new ApprovalFixture();
        var result = await VerifyAsync(f, f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval, issuedAt: ApprovalFixture.Start + f.Skew));
        Assert.Equal(ApprovalFailureReason.None, result.Reason);
    }

    [Fact]
    public async Task Expired_NamesTheExpiry()
    {
        using var f = new ApprovalFixture();
        var envelope = await f.SignAsync(f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval, lifetime: TimeSpan.FromHours(1)));
        f.Clock.Advance(TimeSpan.FromHours(1));

        var result = await f.Verifier.VerifyAsync(envelope, f.Expectation, Ct);

        Assert.Equal((ApprovalFailureReason.Expired, "The approval expired at 2026-11-26T13:00:00.0000000+00:00."), (result.Reason, result.Detail));
    }

    [Fact]
    public async Task ValidityLongerThanTheMaximum_NamesBoth()
    {
        using var f = new ApprovalFixture();
        await AssertRefusedAsync(f, f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval, lifetime: TimeSpan.FromDays(366)),
            ApprovalFailureReason.ValidityTooLong, "The approval is valid for 366.00:00:00, longer than the maximum 365.00:00:00.");
    }

    [Fact]
    public async Task ValidityOfExactlyTheMaximum_IsValid()
    {
        using var f = new ApprovalFixture();
        var result = await VerifyAsync(f, f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval, lifetime: TimeSpan.FromDays(365)));
        Assert.Equal(ApprovalFailureReason.None, result.Reason);
    }

    [Fact]
    public async Task IssuedBeforeTheReviewCameDue_NamesBothTimes()
    {
        using var f = new ApprovalFixture();
        var due = f.Expectation with { NotIssuedBefore = ApprovalFixture.Start.AddMinutes(1) };
        await AssertRefusedAsync(f, Legal(f), ApprovalFailureReason.IssuedBeforeReviewWasDue,
            "The approval was issued at 2026-11-26T12:00:00.0000000+00:00, before the review came due at 2026-11-26T12:01:00.0000000+00:00.",
            expectation: due);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task IssuedWhenOrAfterTheReviewCameDue_IsValid(int minutesBeforeIssue)
    {
        using var f = new ApprovalFixture();
        var due = f.Expectation with { NotIssuedBefore = ApprovalFixture.Start.AddMinutes(minutesBeforeIssue) };
        var result = await VerifyAsync(f, Legal(f), expectation: due);
        Assert.Equal(ApprovalFailureReason.None, result.Reason);
    }

    [Fact]
    public async Task EnvelopeSize_CountsPayloadTypePayloadSignatureAndKeyIdBytes()
    {
        using var f = new ApprovalFixture();
        var envelope = await f.SignAsync(Legal(f));
        var signature = Assert.Single(envelope.Signatures);
        var size = envelope.PayloadType.Length + envelope.Payload.Length + signature.Signature.Length + signature.KeyId!.Length;

        var tight = new DsseApprovalVerifier(f.Keys, f.Nonces, f.Clock, maxEnvelopeBytes: size - 1);
        var refused = await tight.VerifyAsync(envelope, f.Expectation, Ct);
        Assert.Equal(ApprovalFailureReason.EnvelopeTooLarge, refused.Reason);
        Assert.Equal($"The envelope has 1 signatures and {size} bytes; at most 16 signatures and {size - 1} bytes are accepted.", refused.Detail);

        var exact = new DsseApprovalVerifier(f.Keys, f.Nonces, f.Clock, maxEnvelopeBytes: size);
        Assert.Equal(ApprovalFailureReason.None, (await exact.VerifyAsync(envelope, f.Expectation, Ct)).Reason);
    }
    private static async Task<(DsseEnvelope Envelope, EcdsaApprovalSigner Signer)> SignWithKeyValidAsync(ApprovalFixture f, DateTimeOffset from,
        DateTimeOffset until)
    {
        var signer = EcdsaApprovalSigner.Create();
        f.Keys.Add(new TrustedReviewerKey("dan", [ReviewerRoles.LegalCounsel], signer.PublicKey.Span, from, until));
        var statement = new ApprovalStatement(f.Artifact, f.Predicate("dan", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval));
        return (await ApprovalIssuer.SignAsync(statement, signer, Ct), signer);
    }

    private static async Task<DsseSignature> SignatureOverAsync(ApprovalFixture f, DsseEnvelope envelope, string reviewer)
    {
        var signer = f.Signer(reviewer);
        return new DsseSignature(signer.KeyId, await signer.SignAsync(envelope.GetPreAuthenticationEncoding(), Ct));
    }

    [Fact]
    public async Task VerifyAsync_NullArguments_AreNamed()
    {
        using var f = new ApprovalFixture();
        var envelope = await f.SignAsync(Legal(f));
        Assert.Equal("envelope", (await Assert.ThrowsAsync<ArgumentNullException>(() => f.Verifier.VerifyAsync(null!, f.Expectation, Ct).AsTask())).ParamName);
        Assert.Equal("expectation", (await Assert.ThrowsAsync<ArgumentNullException>(() => f.Verifier.VerifyAsync(envelope, null!, Ct).AsTask())).ParamName);
    }

    [Fact]
    public async Task ValidApproval_SaysWhoDecidedWhat_WithStatementAndKey()
    {
        using var f = new ApprovalFixture();
        var result = await VerifyAsync(f, Legal(f));

        Assert.Equal((ApprovalFailureReason.None, "Valid legal_approval approved by dave (legal-counsel)."), (result.Reason, result.Detail));
        Assert.Equal(f.Signer("dave").KeyId, result.KeyId);
        Assert.Equal(Legal(f) with { Nonce = result.Statement!.Predicate.Nonce }, result.Statement.Predicate);
    }

    [Fact]
    public async Task ValidRejection_SaysRejected()
    {
        using var f = new ApprovalFixture();
        var result = await VerifyAsync(f, f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval, decision: ApprovalDecision.Rejected));
        Assert.Equal((ApprovalFailureReason.None, "Valid legal_approval rejected by dave (legal-counsel)."), (result.Reason, result.Detail));
    }

    [Fact]
    public async Task EnvelopeWithoutSignature_SaysSo_AndNamesNoKey()
    {
        using var f = new ApprovalFixture();
        var signed = await f.SignAsync(Legal(f));
        var result = await f.Verifier.VerifyAsync(new DsseEnvelope(signed.PayloadType, signed.Payload.Span, []), f.Expectation, Ct);

        Assert.Equal((ApprovalFailureReason.MissingSignature, "The envelope carries no signature.", (string?)null), (result.Reason, result.Detail, result.KeyId));
    }

    [Fact]
    public async Task SixteenSignatures_AreAccepted()
    {
        using var f = new ApprovalFixture();
        var signed = await f.SignAsync(Legal(f));
        var sixteen = new DsseEnvelope(signed.PayloadType, signed.Payload.Span, [.. Enumerable.Repeat(signed.Signatures[0], DsseApprovalVerifier.MaxSignatures)]);

        Assert.Equal(ApprovalFailureReason.None, (await f.Verifier.VerifyAsync(sixteen, f.Expectation, Ct)).Reason);
    }

    [Fact]
    public async Task SeventeenSmallSignatures_AreRefusedBeforeAnyCryptography()
    {
        using var f = new ApprovalFixture();
        var signed = await f.SignAsync(Legal(f));
        var seventeen = new DsseEnvelope(signed.PayloadType, signed.Payload.Span, [.. Enumerable.Repeat(new DsseSignature(null, new byte[] { 1 }), 17)]);
        var size = signed.PayloadType.Length + signed.Payload.Length + 17;

        var result = await f.Verifier.VerifyAsync(seventeen, f.Expectation, Ct);

        Assert.Equal(ApprovalFailureReason.EnvelopeTooLarge, result.Reason);
        Assert.Equal($"The envelope has 17 signatures and {size} bytes; at most 16 signatures and 65536 bytes are accepted.", result.Detail);
    }

    [Fact]
    public async Task FirstSignatureThatVerifies_IdentifiesTheReviewer()
    {
        // bob also signed dave's statement: dave's signature comes first and verifies, so dave is the reviewer.
        using var f = new ApprovalFixture();
        var signed = await f.SignAsync(Legal(f));
        var bob = await SignatureOverAsync(f, signed, "bob");
        var both = new DsseEnvelope(signed.PayloadType, signed.Payload.Span, [signed.Signatures[0], bob]);

        var result = await f.Verifier.VerifyAsync(both, f.Expectation, Ct);

        Assert.Equal((ApprovalFailureReason.None, f.Signer("dave").KeyId), (result.Reason, result.KeyId));
    }

    [Fact]
    public async Task SignatureThatDoesNotVerify_IsSkippedForALaterOneThatDoes()
    {
        using var f = new ApprovalFixture();
        var signed = await f.SignAsync(Legal(f));
        var forged = new DsseSignature(f.Signer("bob").KeyId, signed.Signatures[0].Signature);
        var unknown = new DsseSignature("unknown", new byte[] { 1, 2, 3 });
        var envelope = new DsseEnvelope(signed.PayloadType, signed.Payload.Span, [unknown, forged, signed.Signatures[0]]);

        var result = await f.Verifier.VerifyAsync(envelope, f.Expectation, Ct);

        Assert.Equal((ApprovalFailureReason.None, f.Signer("dave").KeyId), (result.Reason, result.KeyId));
    }

    [Fact]
    public async Task SignatureByNoTrustedKey_SaysNoKeyVerifiesIt()
    {
        using var f = new ApprovalFixture();
        using var mallory = EcdsaApprovalSigner.Create();
        var forged = await ApprovalIssuer.SignAsync(new ApprovalStatement(f.Artifact, Legal(f)), mallory, Ct);

        var result = await f.Verifier.VerifyAsync(forged, f.Expectation, Ct);

        Assert.Equal((ApprovalFailureReason.UnknownKey, "No trusted reviewer key verifies the signature.", (string?)null), (result.Reason, result.Detail, result.KeyId));
    }

    [Fact]
    public async Task SignatureNotVerifyingWithTheKeyItNames_SaysTheKeyIdMayBeForged()
    {
        using var f = new ApprovalFixture();
        using var mallory = EcdsaApprovalSigner.Create();
        var forged = await ApprovalIssuer.SignAsync(new ApprovalStatement(f.Artifact, Legal(f)), mallory, Ct);
        var claimed = new DsseEnvelope(forged.PayloadType, forged.Payload.Span, [new DsseSignature(f.Signer("dave").KeyId, forged.Signatures[0].Signature)]);

        var result = await f.Verifier.VerifyAsync(claimed, f.Expectation, Ct);

        Assert.Equal(ApprovalFailureReason.BadSignature, result.Reason);
        Assert.Equal("The signature does not verify with the trusted key the envelope names: payload or payload type changed, or the key id is forged.",
            result.Detail);
    }

    [Fact]
    public async Task RevokedKey_SaysWhenAndThatNoApprovalOfItCounts()
    {
        using var f = new ApprovalFixture();
        var envelope = await f.SignAsync(Legal(f));
        var keyId = f.Signer("dave").KeyId;
        f.Keys.Revoke(keyId, ApprovalFixture.Start.AddDays(-1));

        var result = await f.Verifier.VerifyAsync(envelope, f.Expectation, Ct);

        Assert.Equal((ApprovalFailureReason.KeyRevoked, keyId), (result.Reason, result.KeyId));
        Assert.Equal($"Key {keyId} of reviewer dave was revoked at 2026-11-25T12:00:00.0000000+00:00; none of its approvals count, whatever issue time they claim.",
            result.Detail);
    }

    [Fact]
    public async Task KeyValidFromNow_IsValid()
    {
        using var f = new ApprovalFixture();
        var (envelope, signer) = await SignWithKeyValidAsync(f, ApprovalFixture.Start, ApprovalFixture.Start.AddDays(365));
        using (signer)
        {
            Assert.Equal(ApprovalFailureReason.None, (await f.Verifier.VerifyAsync(envelope, f.Expectation, Ct)).Reason);
        }
    }

    [Fact]
    public async Task KeyNotValidYet_SaysFromWhen()
    {
        using var f = new ApprovalFixture();
        var from = ApprovalFixture.Start.AddTicks(1);
        var (envelope, signer) = await SignWithKeyValidAsync(f, from, from.AddDays(365));
        using (signer)
        {
            var result = await f.Verifier.VerifyAsync(envelope, f.Expectation, Ct);
            Assert.Equal((ApprovalFailureReason.KeyNotYetValid, $"Key {signer.KeyId} is valid from 2026-11-26T12:00:00.0000001+00:00.", signer.KeyId),
                (result.Reason, result.Detail, result.KeyId));
        }
    }

    [Fact]
    public async Task KeyValidUntilNow_HasExpired()
    {
        using var f = new ApprovalFixture();
        var (envelope, signer) = await SignWithKeyValidAsync(f, ApprovalFixture.Start.AddDays(-30), ApprovalFixture.Start);
        using (signer)
        {
            var result = await f.Verifier.VerifyAsync(envelope, f.Expectation, Ct);
            Assert.Equal((ApprovalFailureReason.KeyExpired, $"Key {signer.KeyId} expired at 2026-11-26T12:00:00.0000000+00:00.", signer.KeyId),
                (result.Reason, result.Detail, result.KeyId));
        }
    }

    [Fact]
    public async Task KeyValidUntilJustAfterNow_IsValid()
    {
        using var f = new ApprovalFixture();
        var (envelope, signer) = await SignWithKeyValidAsync(f, ApprovalFixture.Start.AddDays(-30), ApprovalFixture.Start.AddTicks(1));
        using (signer)
        {
            Assert.Equal(ApprovalFailureReason.None, (await f.Verifier.VerifyAsync(envelope, f.Expectation, Ct)).Reason);
        }
    }

    [Fact]
    public async Task SignedOtherPayloadType_NamesBothTypes()
    {
        using var f = new ApprovalFixture();
        var envelope = await f.SignRawAsync(new ApprovalStatement(f.Artifact, Legal(f)).ToPayload(), "dave", "application/json");

        var result = await f.Verifier.VerifyAsync(envelope, f.Expectation, Ct);

        Assert.Equal((ApprovalFailureReason.UnsupportedPayloadType, "The payload type 'application/json' is not 'application/vnd.in-toto+json'.",
            f.Signer("dave").KeyId), (result.Reason, result.Detail, result.KeyId));
    }

    [Fact]
    public async Task SignedPayloadThatIsNotAnApproval_GivesTheParsersReason()
    {
        using var f = new ApprovalFixture();
        var json = System.Text.Encoding.UTF8.GetString(new ApprovalStatement(f.Artifact, Legal(f)).ToPayload())
            .Replace(ApprovalStatement.PredicateType, "https://slsa.dev/provenance/v1", StringComparison.Ordinal);
        var envelope = await f.SignRawAsync(System.Text.Encoding.UTF8.GetBytes(json), "dave");

        var result = await f.Verifier.VerifyAsync(envelope, f.Expectation, Ct);

        Assert.Equal((ApprovalFailureReason.MalformedStatement, "The predicate type is not 'https://aigovernance.dev/attestations/approval/v1'.",
            f.Signer("dave").KeyId), (result.Reason, result.Detail, result.KeyId));
    }

    [Fact]
    public async Task BindingRefusal_CarriesTheStatementAndTheKey()
    {
        using var f = new ApprovalFixture();
        var staging = Legal(f) with { Environment = "staging" };

        var result = await VerifyAsync(f, staging);

        Assert.Equal((ApprovalFailureReason.WrongEnvironment, f.Signer("dave").KeyId), (result.Reason, result.KeyId));
        Assert.Equal(staging, result.Statement!.Predicate);
    }

    [Fact]
    public async Task ReusedNonce_NamesIt_AndCarriesTheStatementAndTheKey()
    {
        using var f = new ApprovalFixture();
        var first = Legal(f);
        Assert.Equal(ApprovalFailureReason.None, (await VerifyAsync(f, first)).Reason);
        var second = first with { ExpiresAt = first.ExpiresAt.AddSeconds(1) };

        var result = await VerifyAsync(f, second);

        Assert.Equal((ApprovalFailureReason.ReplayedNonce, $"Nonce {first.Nonce} was already used by a different approval.", f.Signer("dave").KeyId),
            (result.Reason, result.Detail, result.KeyId));
        Assert.Equal(second, result.Statement!.Predicate);
    }
}
