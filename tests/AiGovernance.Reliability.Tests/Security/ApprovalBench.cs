using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Gates;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Gating;
using AiGovernance.Reliability.Tests.Faults;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Reliability.Tests.Security;

/// <summary>Reviewers with P-256 keys in a trusted registry, a verifier allowing ±10 minutes of clock skew, and a gate over
/// the default policy writing to an in-memory audit log and a capturing logger.</summary>
internal sealed class ApprovalBench : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(10);
    public const string Environment = "production";

    private readonly Dictionary<string, EcdsaApprovalSigner> _signers = new(StringComparer.Ordinal);

    public ApprovalBench()
    {
        Clock = new FakeTimeProvider(Start);
        Keys = new TrustedReviewerKeyRegistry(Clock);
        Nonces = new InMemoryApprovalNonceLedger(Clock);
        Audit = new InMemoryAuditLog(Clock);
        Policy = ApprovalPolicy.CreateDefault("policy-7");
        Verifier = new DsseApprovalVerifier(Keys, Nonces, Clock, Skew, TimeSpan.FromDays(365));
        Gate = new GovernanceGate(Policy, Verifier, Audit, Clock, logger: GateLogger);
        AddReviewer("alice", ReviewerRoles.ModelValidator);
        AddReviewer("bob", ReviewerRoles.FairnessAuditor);
        AddReviewer("carol", ReviewerRoles.SecurityReviewer);
        AddReviewer("dave", ReviewerRoles.LegalCounsel);
        AddReviewer("erin", ReviewerRoles.Executive);
        AddReviewer("mallory", ReviewerRoles.ModelValidator);
    }

    public FakeTimeProvider Clock { get; }

    public TrustedReviewerKeyRegistry Keys { get; }

    public InMemoryApprovalNonceLedger Nonces { get; }

    public InMemoryAuditLog Audit { get; }

    public ApprovalPolicy Policy { get; }

    public DsseApprovalVerifier Verifier { get; }

    public CapturingLogger<GovernanceGate> GateLogger { get; } = new();

    public GovernanceGate Gate { get; }

    public ModelArtifact Artifact { get; } = ModelArtifact.FromBytes("credit-model", "1.4.0", "model weights v1.4.0"u8);

    public ApprovalExpectation Expectation => new()
    {
        Gate = GateKind.Deployment,
        SystemId = "credit-scoring",
        Environment = Environment,
        ArtifactDigest = Artifact.Digest,
        PolicyVersion = Policy.Version,
    };

    public EcdsaApprovalSigner Signer(string reviewer) => _signers[reviewer];

    public TrustedReviewerKey AddReviewer(string reviewer, params string[] roles)
    {
        var signer = EcdsaApprovalSigner.Create();
        _signers[reviewer] = signer;
        var key = new TrustedReviewerKey(reviewer, roles, signer.PublicKey.Span, Start.AddDays(-30), Start.AddDays(365));
        Keys.Add(key);
        return key;
    }

    public ApprovalPredicate Predicate(string reviewer = "alice", string role = ReviewerRoles.ModelValidator, string kind = ApprovalKinds.TechnicalValidation,
        DateTimeOffset? issuedAt = null, TimeSpan? lifetime = null)
    {
        var issued = issuedAt ?? Clock.GetUtcNow();
        return new ApprovalPredicate
        {
            Gate = GateKind.Deployment,
            Kind = kind,
            SystemId = "credit-scoring",
            Environment = Environment,
            PolicyVersion = Policy.Version,
            ReviewerId = reviewer,
            ReviewerRole = role,
            Decision = ApprovalDecision.Approved,
            IssuedAt = issued,
            ExpiresAt = issued + (lifetime ?? TimeSpan.FromDays(30)),
            Nonce = ApprovalPredicate.NewNonce(),
        };
    }

    public Task<DsseEnvelope> SignAsync(ApprovalPredicate predicate, string? signer = null) =>
        ApprovalIssuer.SignAsync(new ApprovalStatement(Artifact, predicate), Signer(signer ?? predicate.ReviewerId), TestContext.Current.CancellationToken).AsTask();

    /// <summary>Signs arbitrary payload bytes as an in-toto envelope with a reviewer's key (to reach statement parsing).</summary>
    public async Task<DsseEnvelope> SignRawAsync(byte[] payload, string signer = "alice", string payloadType = Dsse.InTotoPayloadType)
    {
        var s = Signer(signer);
        var signature = await s.SignAsync(Dsse.PreAuthenticationEncoding(payloadType, payload), TestContext.Current.CancellationToken);
        return new DsseEnvelope(payloadType, payload, [new DsseSignature(s.KeyId, signature)]);
    }

    /// <summary>The five approvals the default policy's High tier requires.</summary>
    public async Task<List<DsseEnvelope>> HighRiskSetAsync() =>
    [
        await SignAsync(Predicate("alice", ReviewerRoles.ModelValidator, ApprovalKinds.TechnicalValidation)),
        await SignAsync(Predicate("bob", ReviewerRoles.FairnessAuditor, ApprovalKinds.FairnessAudit)),
        await SignAsync(Predicate("carol", ReviewerRoles.SecurityReviewer, ApprovalKinds.SecurityReview)),
        await SignAsync(Predicate("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval)),
        await SignAsync(Predicate("erin", ReviewerRoles.Executive, ApprovalKinds.ExecutiveSponsor)),
    ];

    public GateRequest Request(IReadOnlyList<DsseEnvelope> approvals) => new()
    {
        Gate = GateKind.Deployment,
        System = new AiSystem("credit-scoring", "Credit scoring", "1.4.0", new AiSystemOwners("biz", "tech", "ops"), RiskTier.High),
        Artifact = Artifact,
        Environment = Environment,
        Approvals = approvals,
        Actor = "ci",
    };

    public void Dispose()
    {
        foreach (var signer in _signers.Values)
        {
            signer.Dispose();
        }
    }
}
