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
}
