using System.Text;
using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.DueDiligence;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Gates.Tests.Approvals;

public class ApprovalPropertyTests
{
    [Property]
    public Property PreAuthenticationEncoding_IsHeaderTypeLengthAndPayload(NonNull<string> type, byte[] payload)
    {
        payload ??= [];
        var typeBytes = Encoding.UTF8.GetBytes(type.Get);
        var expected = Encoding.ASCII.GetBytes($"DSSEv1 {typeBytes.Length} ").Concat(typeBytes)
            .Concat(Encoding.ASCII.GetBytes($" {payload.Length} ")).Concat(payload).ToArray();
        return Dsse.PreAuthenticationEncoding(type.Get, payload).AsSpan().SequenceEqual(expected).ToProperty();
    }

    [Property(MaxTest = 40)]
    public Property AnySingleBytePayloadChange_FailsVerification(PositiveInt position, byte mask)
    {
        using var f = new ApprovalFixture();
        var envelope = f.ApproveAsync("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval).AsTask().GetAwaiter().GetResult();
        var payload = envelope.Payload.ToArray();
        payload[position.Get % payload.Length] ^= mask == 0 ? (byte)1 : mask;
        var tampered = new DsseEnvelope(envelope.PayloadType, payload, envelope.Signatures);
        var expectation = new ApprovalExpectation
        {
            Gate = GateKind.Deployment, SystemId = "credit-scoring", Environment = ApprovalFixture.Environment,
            ArtifactDigest = f.Artifact.Digest, PolicyVersion = f.Policy.Version,
        };

        var original = f.Verifier.VerifyAsync(envelope, expectation).AsTask().GetAwaiter().GetResult();
        var result = f.Verifier.VerifyAsync(tampered, expectation).AsTask().GetAwaiter().GetResult();
        return (original.IsValid && result.Reason == ApprovalFailureReason.BadSignature).ToProperty();
    }

    [Property]
    public Property Statement_RoundTripsThroughItsPayload(NonEmptyString system, NonEmptyString environment, NonEmptyString reviewer, bool rejected, byte[] artifactBytes)
    {
        var predicate = new ApprovalPredicate
        {
            Gate = GateKind.Continuation, Kind = "k", SystemId = system.Get, Environment = environment.Get, PolicyVersion = "v",
            ReviewerId = reviewer.Get, ReviewerRole = "r", Decision = rejected ? ApprovalDecision.Rejected : ApprovalDecision.Approved,
            IssuedAt = DateTimeOffset.UnixEpoch, ExpiresAt = DateTimeOffset.UnixEpoch.AddDays(1), Nonce = "n",
        };
        // Lone surrogates are not valid UTF-8 text; blank fields are refused by the constructor.
        if (new[] { system.Get, environment.Get, reviewer.Get }.Any(t => string.IsNullOrWhiteSpace(t) || t.Any(char.IsSurrogate)))
        {
            return true.ToProperty();
        }

        var statement = new ApprovalStatement(ModelArtifact.FromBytes("m", "1", artifactBytes ?? []), predicate);
        var ok = ApprovalStatement.TryParse(statement.ToPayload(), out var parsed, out _);
        return (ok && parsed!.Predicate == predicate && parsed.Covers(statement.Subjects[0].Digest)).ToProperty();
    }

    [Property]
    public Property VendorScore_IsBetweenOneAndFour_AndMonotoneInEachRating(int[] raw, PositiveInt which)
    {
        var values = Enumerable.Range(0, 12).Select(i => raw is { Length: > 0 } ? Math.Abs(raw[i % raw.Length] % 4) : 0).ToArray();
        var scorer = new VendorDueDiligence(new VendorDueDiligenceOptions());
        VendorAssessment Assess(int[] v) => new("v", "c", Enum.GetValues<VendorCriterion>().ToDictionary(c => c, c => (Severity)v[(int)c]));
        var score = scorer.Score(Assess(values)).Score;

        var raised = (int[])values.Clone();
        var index = which.Get % 12;
        raised[index] = Math.Min(3, raised[index] + 1);
        var higher = scorer.Score(Assess(raised)).Score;
        return (score >= 1 && score <= 4 && higher >= score).ToProperty();
    }
}
