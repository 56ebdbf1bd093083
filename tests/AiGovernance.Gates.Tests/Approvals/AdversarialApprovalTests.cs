using System.Text;
using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Decisions;

namespace AiGovernance.Gates.Tests.Approvals;

/// <summary>Each attack replaces the legal approval of an otherwise complete high-risk set; the gate must block with the
/// attack's reason and report legal approval missing.</summary>
public class AdversarialApprovalTests
{
    private static async Task<GateDecision> AssertBlockedAsync(ApprovalFixture f, DsseEnvelope attack, ApprovalFailureReason reason,
        string missingKind = ApprovalKinds.LegalApproval)
    {
        var approvals = await f.HighRiskSetAsync();
        approvals.RemoveAll(e => ApprovalStatement.TryParse(e.Payload.Span, out var s, out _) && s!.Predicate.Kind == missingKind);
        approvals.Add(attack);

        var decision = await f.Gate.EvaluateAsync(f.Request(approvals), TestContext.Current.CancellationToken);

        Assert.False(decision.IsAllowed);
        var invalid = Assert.Single(decision.InvalidApprovals);
        Assert.Equal(reason, invalid.Reason);
        Assert.Equal(approvals.Count - 1, invalid.Index);
        Assert.Equal(missingKind, Assert.Single(decision.MissingApprovals).Kind);
        var ex = await Assert.ThrowsAsync<DeploymentBlockedException>(() => f.Gate.EnforceAsync(f.Request(approvals), TestContext.Current.CancellationToken).AsTask());
        Assert.Contains(missingKind, ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason.ToString(), ex.Message, StringComparison.Ordinal);
        return decision;
    }

    private static ValueTask<DsseEnvelope> LegalAsync(ApprovalFixture f) =>
        f.ApproveAsync("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval);

    [Fact]
    public async Task TamperedPayload_BadSignature()
    {
        using var f = new ApprovalFixture();
        var legal = await LegalAsync(f);
        var json = Encoding.UTF8.GetString(legal.Payload.Span).Replace("\"production\"", "\"productioN\"", StringComparison.Ordinal);
        var tampered = new DsseEnvelope(legal.PayloadType, Encoding.UTF8.GetBytes(json), legal.Signatures);

        await AssertBlockedAsync(f, tampered, ApprovalFailureReason.BadSignature);
    }

    [Fact]
    public async Task TamperedDecision_RejectionTurnedIntoApproval_BadSignature()
    {
        using var f = new ApprovalFixture();
        var rejection = await f.SignAsync(f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval, decision: ApprovalDecision.Rejected));
        var json = Encoding.UTF8.GetString(rejection.Payload.Span).Replace("\"rejected\"", "\"approved\"", StringComparison.Ordinal);

        await AssertBlockedAsync(f, new DsseEnvelope(rejection.PayloadType, Encoding.UTF8.GetBytes(json), rejection.Signatures), ApprovalFailureReason.BadSignature);
    }

    [Fact]
    public async Task SwappedPayloadType_BadSignature()
    {
        using var f = new ApprovalFixture();
        var legal = await LegalAsync(f);
        var swapped = new DsseEnvelope("application/json", legal.Payload.Span, legal.Signatures);

        await AssertBlockedAsync(f, swapped, ApprovalFailureReason.BadSignature);
    }

    [Fact]
    public async Task SignedWithOtherKey_UnknownKey()
    {
        using var f = new ApprovalFixture();
        using var mallory = EcdsaApprovalSigner.Create();
        var forged = await ApprovalIssuer.SignAsync(new ApprovalStatement(f.Artifact, f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval)), mallory, TestContext.Current.CancellationToken);

        await AssertBlockedAsync(f, forged, ApprovalFailureReason.UnknownKey);
    }

    [Fact]
    public async Task OtherKeyClaimingATrustedKeyId_KeyIdIsNotTrustedAlone()
    {
        using var f = new ApprovalFixture();
        using var mallory = EcdsaApprovalSigner.Create();
        var forged = await ApprovalIssuer.SignAsync(new ApprovalStatement(f.Artifact, f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval)), mallory, TestContext.Current.CancellationToken);
        var claimed = new DsseEnvelope(forged.PayloadType, forged.Payload.Span, [new DsseSignature(f.Signer("dave").KeyId, forged.Signatures[0].Signature)]);

        await AssertBlockedAsync(f, claimed, ApprovalFailureReason.BadSignature);
    }

    [Fact]
    public async Task TrustedKeyIdWithoutHint_StillVerifiesByKey()
    {
        using var f = new ApprovalFixture();
        var legal = await LegalAsync(f);
        var noHint = new DsseEnvelope(legal.PayloadType, legal.Payload.Span, [new DsseSignature(null, legal.Signatures[0].Signature)]);
        var approvals = await f.HighRiskSetAsync();
        approvals[3] = noHint;

        Assert.True((await f.Gate.EvaluateAsync(f.Request(approvals), TestContext.Current.CancellationToken)).IsAllowed);
    }

    [Fact]
    public async Task ApprovalForAnotherDigest_SubjectDigestMismatch()
    {
        using var f = new ApprovalFixture();
        var forOtherBuild = await f.SignAsync(f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval), f.OtherArtifact);

        await AssertBlockedAsync(f, forOtherBuild, ApprovalFailureReason.SubjectDigestMismatch);
    }

    [Fact]
    public async Task ApprovalForAnotherGate_WrongGate()
    {
        using var f = new ApprovalFixture();
        var useCase = await f.ApproveAsync("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval, GateKind.UseCase);

        await AssertBlockedAsync(f, useCase, ApprovalFailureReason.WrongGate);
    }

    [Fact]
    public async Task ApprovalForAnotherEnvironment_WrongEnvironment()
    {
        using var f = new ApprovalFixture();
        var staging = await f.SignAsync(f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval, environment: "staging"));

        await AssertBlockedAsync(f, staging, ApprovalFailureReason.WrongEnvironment);
    }

    [Fact]
    public async Task ApprovalForAnotherSystem_WrongSystem()
    {
        using var f = new ApprovalFixture();
        var other = await f.SignAsync(f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval, systemId: "fraud-detection"));

        await AssertBlockedAsync(f, other, ApprovalFailureReason.WrongSystem);
    }

    [Fact]
    public async Task ApprovalUnderAnotherPolicyVersion_PolicyVersionMismatch()
    {
        using var f = new ApprovalFixture();
        var old = await f.SignAsync(f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval) with { PolicyVersion = "policy-6" });

        await AssertBlockedAsync(f, old, ApprovalFailureReason.PolicyVersionMismatch);
    }

    [Fact]
    public async Task ExpiredApproval_Expired()
    {
        using var f = new ApprovalFixture();
        var shortLived = await f.SignAsync(f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval) with { ExpiresAt = ApprovalFixture.Start.AddHours(1) });
        var approvals = await f.HighRiskSetAsync();
        f.Clock.Advance(TimeSpan.FromHours(1));

        approvals[3] = shortLived;
        var decision = await f.Gate.EvaluateAsync(f.Request(approvals), TestContext.Current.CancellationToken);

        Assert.False(decision.IsAllowed);
        Assert.Equal(ApprovalFailureReason.Expired, Assert.Single(decision.InvalidApprovals).Reason);
    }

    [Fact]
    public async Task ApprovalIssuedInTheFuture_NotYetValid()
    {
        using var f = new ApprovalFixture();
        var future = await f.SignAsync(f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval) with { IssuedAt = ApprovalFixture.Start.AddHours(1) });

        await AssertBlockedAsync(f, future, ApprovalFailureReason.NotYetValid);
    }

    [Fact]
    public async Task ApprovalIssuedWithinClockSkew_IsValid()
    {
        using var f = new ApprovalFixture();
        var approvals = await f.HighRiskSetAsync();
        approvals[3] = await f.SignAsync(f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval) with { IssuedAt = ApprovalFixture.Start.AddMinutes(4) });

        Assert.True((await f.Gate.EvaluateAsync(f.Request(approvals), TestContext.Current.CancellationToken)).IsAllowed);
    }

    [Fact]
    public async Task SameReviewerTwice_DuplicateReviewer()
    {
        var technical = new ApprovalRequirement(ApprovalKinds.TechnicalValidation, [ReviewerRoles.ModelValidator], requiredReviewers: 2);
        var policy = new ApprovalPolicy("two-validators", [technical], [technical], [technical]);
        using var f = new ApprovalFixture(policy);
        var first = await f.ApproveAsync("alice", ReviewerRoles.ModelValidator, ApprovalKinds.TechnicalValidation);
        var second = await f.ApproveAsync("alice", ReviewerRoles.ModelValidator, ApprovalKinds.TechnicalValidation);

        var decision = await f.Gate.EvaluateAsync(f.Request([first, second]), TestContext.Current.CancellationToken);

        Assert.False(decision.IsAllowed);
        var invalid = Assert.Single(decision.InvalidApprovals);
        Assert.Equal((1, ApprovalFailureReason.DuplicateReviewer, "alice"), (invalid.Index, invalid.Reason, invalid.ReviewerId));
        Assert.Equal(new MissingApproval(ApprovalKinds.TechnicalValidation, 2, 1), Assert.Single(decision.MissingApprovals));

        var amir = await f.ApproveAsync("amir", ReviewerRoles.ModelValidator, ApprovalKinds.TechnicalValidation);
        Assert.True((await f.Gate.EvaluateAsync(f.Request([first, amir]), TestContext.Current.CancellationToken)).IsAllowed);
    }

    [Fact]
    public async Task SameEnvelopePresentedTwice_CountsOnce()
    {
        using var f = new ApprovalFixture();
        var legal = await LegalAsync(f);

        await AssertBlockedAsync(f, legal, ApprovalFailureReason.DuplicateReviewer, ApprovalKinds.ExecutiveSponsor);
    }

    [Fact]
    public async Task RejectedDecision_BlocksEvenWithACompleteSet()
    {
        using var f = new ApprovalFixture();
        var approvals = await f.HighRiskSetAsync();
        approvals.Add(await f.SignAsync(f.Predicate("carol", ReviewerRoles.SecurityReviewer, ApprovalKinds.SecurityReview, decision: ApprovalDecision.Rejected)));

        var decision = await f.Gate.EvaluateAsync(f.Request(approvals), TestContext.Current.CancellationToken);

        Assert.False(decision.IsAllowed);
        Assert.Empty(decision.MissingApprovals);
        Assert.Empty(decision.InvalidApprovals);
        Assert.Equal(new ApprovalRejection(ApprovalKinds.SecurityReview, "carol", ReviewerRoles.SecurityReviewer, f.Signer("carol").KeyId), Assert.Single(decision.Rejections));
        var ex = await Assert.ThrowsAsync<DeploymentBlockedException>(() => f.Gate.EnforceAsync(f.Request(approvals), TestContext.Current.CancellationToken).AsTask());
        Assert.Contains("Rejected: security_review by carol", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReusedNonceForADifferentStatement_ReplayedNonce()
    {
        using var f = new ApprovalFixture();
        var predicate = f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval);
        var first = await f.SignAsync(predicate with { Environment = "staging" });
        var staging = f.Request([first]) with { Environment = "staging" };
        await f.Gate.EvaluateAsync(staging, TestContext.Current.CancellationToken);

        await AssertBlockedAsync(f, await f.SignAsync(predicate), ApprovalFailureReason.ReplayedNonce);
    }

    [Fact]
    public async Task SameStatementReevaluated_IsNotAReplay()
    {
        using var f = new ApprovalFixture();
        var approvals = await f.HighRiskSetAsync();
        Assert.True((await f.Gate.EvaluateAsync(f.Request(approvals), TestContext.Current.CancellationToken)).IsAllowed);
        Assert.True((await f.Gate.EnforceAsync(f.Request(approvals), TestContext.Current.CancellationToken)).IsAllowed);
    }

    [Fact]
    public async Task ReviewerRoleNotAllowedForKind_RoleNotAllowedForKind()
    {
        using var f = new ApprovalFixture();
        f.AddReviewer("frank", ReviewerRoles.SecurityReviewer);
        var wrongRole = await f.ApproveAsync("frank", ReviewerRoles.SecurityReviewer, ApprovalKinds.LegalApproval);

        await AssertBlockedAsync(f, wrongRole, ApprovalFailureReason.RoleNotAllowedForKind);
    }

    [Fact]
    public async Task ReviewerClaimsARoleTheKeyDoesNotCarry_RoleNotHeld()
    {
        using var f = new ApprovalFixture();
        var claimed = await f.SignAsync(f.Predicate("bob", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval));

        await AssertBlockedAsync(f, claimed, ApprovalFailureReason.RoleNotHeld);
    }

    [Fact]
    public async Task KeySignsForAnotherReviewer_ReviewerMismatch()
    {
        using var f = new ApprovalFixture();
        var impersonation = await f.SignAsync(f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval), signer: "bob");

        await AssertBlockedAsync(f, impersonation, ApprovalFailureReason.ReviewerMismatch);
    }

    [Fact]
    public async Task ExpiredKey_KeyExpired()
    {
        using var f = new ApprovalFixture();
        var signer = EcdsaApprovalSigner.Create();
        f.Keys.Add(new TrustedReviewerKey("dan", [ReviewerRoles.LegalCounsel], signer.PublicKey.Span, ApprovalFixture.Start.AddDays(-400), ApprovalFixture.Start.AddDays(-1)));
        var legal = await ApprovalIssuer.SignAsync(new ApprovalStatement(f.Artifact, f.Predicate("dan", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval)), signer, TestContext.Current.CancellationToken);
        signer.Dispose();

        await AssertBlockedAsync(f, legal, ApprovalFailureReason.KeyExpired);
    }

    [Fact]
    public async Task RevokedKey_KeyRevoked()
    {
        using var f = new ApprovalFixture();
        var legal = await LegalAsync(f);
        Assert.True(f.Keys.Revoke(f.Signer("dave").KeyId));

        await AssertBlockedAsync(f, legal, ApprovalFailureReason.KeyRevoked);
    }

    [Fact]
    public async Task EnvelopeWithoutSignature_MissingSignature()
    {
        using var f = new ApprovalFixture();
        var legal = await LegalAsync(f);

        await AssertBlockedAsync(f, new DsseEnvelope(legal.PayloadType, legal.Payload.Span, []), ApprovalFailureReason.MissingSignature);
    }

    [Fact]
    public async Task SignedNonStatementPayload_MalformedStatement()
    {
        using var f = new ApprovalFixture();
        var payload = """{"_type":"https://in-toto.io/Statement/v1","subject":[],"predicateType":"https://slsa.dev/provenance/v1","predicate":{}}"""u8.ToArray();
        var sig = await f.Signer("dave").SignAsync(Dsse.PreAuthenticationEncoding(Dsse.InTotoPayloadType, payload), TestContext.Current.CancellationToken);

        await AssertBlockedAsync(f, new DsseEnvelope(Dsse.InTotoPayloadType, payload, [new DsseSignature(f.Signer("dave").KeyId, sig)]), ApprovalFailureReason.MalformedStatement);
    }

    [Fact]
    public async Task SignedOtherPayloadType_UnsupportedPayloadType()
    {
        using var f = new ApprovalFixture();
        var legal = await LegalAsync(f);
        var sig = await f.Signer("dave").SignAsync(Dsse.PreAuthenticationEncoding("application/json", legal.Payload.Span), TestContext.Current.CancellationToken);

        await AssertBlockedAsync(f, new DsseEnvelope("application/json", legal.Payload.Span, [new DsseSignature(f.Signer("dave").KeyId, sig)]), ApprovalFailureReason.UnsupportedPayloadType);
    }

    [Fact]
    public async Task ProhibitedSystem_BlockedAtEveryGateWhateverTheApprovals()
    {
        using var f = new ApprovalFixture();
        foreach (var gate in Enum.GetValues<GateKind>())
        {
            var approvals = await f.HighRiskSetAsync(gate);
            var decision = await f.Gate.EvaluateAsync(f.Request(approvals, RiskTier.Prohibited, gate), TestContext.Current.CancellationToken);
            Assert.False(decision.IsAllowed);
            Assert.Equal(RiskTier.Prohibited, decision.Tier);
            Assert.Contains("prohibited", decision.Reasons[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApprovalKindNotRequired_IsReportedButDoesNotBlock()
    {
        using var f = new ApprovalFixture();
        var approvals = new List<DsseEnvelope>
        {
            await f.ApproveAsync("alice", ReviewerRoles.ModelValidator, ApprovalKinds.TechnicalValidation),
            await f.ApproveAsync("pipeline", ReviewerRoles.Pipeline, ApprovalKinds.AutomatedChecks),
            await f.ApproveAsync("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval),
        };

        var decision = await f.Gate.EvaluateAsync(f.Request(approvals, RiskTier.Low), TestContext.Current.CancellationToken);

        Assert.True(decision.IsAllowed);
        Assert.Equal(ApprovalFailureReason.KindNotRequired, Assert.Single(decision.InvalidApprovals).Reason);
        Assert.Equal(2, decision.AcceptedApprovals.Count);
    }

    [Fact]
    public async Task SignedStatementMissingANonce_MalformedStatement()
    {
        using var f = new ApprovalFixture();
        var legal = await LegalAsync(f);
        var json = System.Text.RegularExpressions.Regex.Replace(Encoding.UTF8.GetString(legal.Payload.Span), ",\"nonce\":\"[0-9a-f]+\"", string.Empty);
        Assert.DoesNotContain("nonce", json, StringComparison.Ordinal);
        var payload = Encoding.UTF8.GetBytes(json);
        var sig = await f.Signer("dave").SignAsync(Dsse.PreAuthenticationEncoding(Dsse.InTotoPayloadType, payload), TestContext.Current.CancellationToken);

        await AssertBlockedAsync(f, new DsseEnvelope(Dsse.InTotoPayloadType, payload, [new DsseSignature(f.Signer("dave").KeyId, sig)]), ApprovalFailureReason.MalformedStatement);
    }

    [Fact]
    public async Task SignedStatementWithDuplicateProperty_MalformedStatement()
    {
        using var f = new ApprovalFixture();
        var legal = await LegalAsync(f);
        // A second "environment" after the first: a parser that kept the last value would read "staging".
        var json = Encoding.UTF8.GetString(legal.Payload.Span).Replace("\"environment\":\"production\"", "\"environment\":\"production\",\"environment\":\"staging\"", StringComparison.Ordinal);
        var payload = Encoding.UTF8.GetBytes(json);
        var sig = await f.Signer("dave").SignAsync(Dsse.PreAuthenticationEncoding(Dsse.InTotoPayloadType, payload), TestContext.Current.CancellationToken);

        await AssertBlockedAsync(f, new DsseEnvelope(Dsse.InTotoPayloadType, payload, [new DsseSignature(f.Signer("dave").KeyId, sig)]), ApprovalFailureReason.MalformedStatement);
    }

    [Fact]
    public async Task ApprovalValidForDecades_ValidityTooLong()
    {
        using var f = new ApprovalFixture();
        var forever = await f.SignAsync(f.Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval) with { ExpiresAt = ApprovalFixture.Start.AddYears(30) });

        await AssertBlockedAsync(f, forever, ApprovalFailureReason.ValidityTooLong);
    }
}
