using AiGovernance.Core;
using AiGovernance.Gates;
using AiGovernance.Gates.Approvals;
using AiGovernance.Storage.PostgreSql.Stores;
using Microsoft.Extensions.Time.Testing;
using static AiGovernance.Storage.Contract.ContractTime;

namespace AiGovernance.Storage.PostgreSql.Tests;

/// <summary>Two replicas (two verifiers, each with its own connection pool) share one PostgreSQL nonce ledger.</summary>
public sealed class PostgreSqlNonceRaceTests
{
    [Fact]
    public async Task TwoStatementsWithOneNonce_AtTwoReplicasAtOnce_ExactlyOneIsAccepted_ThousandTimes()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(Start);
        var keys = new TrustedReviewerKeyRegistry();
        using var signer = EcdsaApprovalSigner.Create();
        keys.Add(new TrustedReviewerKey("dave", [ReviewerRoles.LegalCounsel], signer.PublicKey.Span, Start.AddDays(-1), Start.AddDays(365)));
        await using var replicaA = db.Open(clock);
        await using var replicaB = db.Open(clock);
        var verifierA = new DsseApprovalVerifier(keys, new PostgreSqlApprovalNonceLedger(replicaA, clock), clock);
        var verifierB = new DsseApprovalVerifier(keys, new PostgreSqlApprovalNonceLedger(replicaB, clock), clock);
        var artifact = ModelArtifact.FromBytes("credit-model", "2.0.0", "weights"u8);
        var expectation = new ApprovalExpectation
        {
            Gate = GateKind.Deployment, SystemId = "credit-scoring", Environment = "production",
            ArtifactDigest = artifact.Digest, PolicyVersion = "seed-1",
        };

        async Task<DsseEnvelope> SignAsync(string nonce, string environmentNote) =>
            await ApprovalIssuer.SignAsync(new ApprovalStatement(artifact, new ApprovalPredicate
            {
                Gate = GateKind.Deployment, Kind = ApprovalKinds.LegalApproval, SystemId = "credit-scoring", Environment = "production",
                PolicyVersion = "seed-1", ReviewerId = "dave", ReviewerRole = ReviewerRoles.LegalCounsel, Decision = ApprovalDecision.Approved,
                IssuedAt = Start.AddMinutes(environmentNote == "a" ? 0 : -1), ExpiresAt = Start.AddDays(30), Nonce = nonce,
            }), signer, Ct);

        var races = Environment.GetEnvironmentVariable("AIGOV_STRESS") == "1" ? 5_000 : 1_000;
        var exactlyOne = 0;
        var acceptedAgain = 0;
        for (var race = 0; race < races; race++)
        {
            var nonce = ApprovalPredicate.NewNonce();
            var first = await SignAsync(nonce, "a");
            var second = await SignAsync(nonce, "b");
            using var go = new Barrier(2);
            var a = Task.Run(async () => { go.SignalAndWait(Ct); return await verifierA.VerifyAsync(first, expectation, Ct); }, Ct);
            var b = Task.Run(async () => { go.SignalAndWait(Ct); return await verifierB.VerifyAsync(second, expectation, Ct); }, Ct);
            var results = await Task.WhenAll(a, b);
            if (results.Count(r => r.IsValid) == 1 && results.Count(r => r.Reason == ApprovalFailureReason.ReplayedNonce) == 1)
            {
                exactlyOne++;
            }

            var winner = results[0].IsValid ? first : second;
            if ((await verifierA.VerifyAsync(winner, expectation, Ct)).IsValid && (await verifierB.VerifyAsync(winner, expectation, Ct)).IsValid)
            {
                acceptedAgain++;
            }
        }

        Assert.Equal(races, exactlyOne);
        Assert.Equal(races, acceptedAgain);
    }
}
