using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Gating;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests;

/// <summary>Reviewers with keys, a trusted registry, a clock, an audit log and a gate over the seed's policy.</summary>
internal sealed class ApprovalFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public const string Environment = "production";

    private readonly Dictionary<string, EcdsaApprovalSigner> _signers = new(StringComparer.Ordinal);

    public ApprovalFixture(ApprovalPolicy? policy = null)
    {
        Clock = new FakeTimeProvider(Start);
        Nonces = new InMemoryApprovalNonceLedger(Clock);
        Audit = new InMemoryAuditLog(Clock);
        Policy = policy ?? ApprovalPolicy.CreateDefault("policy-7");
        Verifier = new DsseApprovalVerifier(Keys, Nonces, Clock, TimeSpan.FromMinutes(5), TimeSpan.FromDays(365));
        Gate = new GovernanceGate(Policy, Verifier, Audit, Clock);
        AddReviewer("alice", ReviewerRoles.ModelValidator);
        AddReviewer("amir", ReviewerRoles.ModelValidator);
        AddReviewer("bob", ReviewerRoles.FairnessAuditor);
        AddReviewer("carol", ReviewerRoles.SecurityReviewer);
        AddReviewer("dave", ReviewerRoles.LegalCounsel);
        AddReviewer("erin", ReviewerRoles.Executive);
        AddReviewer("pipeline", ReviewerRoles.Pipeline);
    }

    public FakeTimeProvider Clock { get; }

    public TrustedReviewerKeyRegistry Keys { get; } = new();

    public InMemoryApprovalNonceLedger Nonces { get; }

    public InMemoryAuditLog Audit { get; }

    public ApprovalPolicy Policy { get; }

    public DsseApprovalVerifier Verifier { get; }

    public GovernanceGate Gate { get; }

    public ModelArtifact Artifact { get; } = ModelArtifact.FromBytes("credit-model", "1.4.0", "model weights v1.4.0"u8);

    public ModelArtifact OtherArtifact { get; } = ModelArtifact.FromBytes("credit-model", "1.4.0", "model weights v1.4.0 (retrained)"u8);

    public AiSystem System(RiskTier tier = RiskTier.High) =>
        new("credit-scoring", "Credit scoring", "1.4.0", new AiSystemOwners("biz", "tech", "ops"), tier);

    public EcdsaApprovalSigner Signer(string reviewer) => _signers[reviewer];

    public TrustedReviewerKey AddReviewer(string reviewer, params string[] roles)
    {
        var signer = EcdsaApprovalSigner.Create();
        _signers[reviewer] = signer;
        var key = new TrustedReviewerKey(reviewer, roles, signer.PublicKey.Span, Start.AddDays(-30), Start.AddDays(365));
        Keys.Add(key);
        return key;
    }

    public ApprovalPredicate Predicate(string reviewer, string role, string kind, GateKind gate = GateKind.Deployment,
        ApprovalDecision decision = ApprovalDecision.Approved, string environment = Environment, string systemId = "credit-scoring") => new()
        {
            Gate = gate,
            Kind = kind,
            SystemId = systemId,
            Environment = environment,
            PolicyVersion = Policy.Version,
            ReviewerId = reviewer,
            ReviewerRole = role,
            Decision = decision,
            IssuedAt = Clock.GetUtcNow(),
            ExpiresAt = Clock.GetUtcNow().AddDays(30),
            Nonce = ApprovalPredicate.NewNonce(),
        };

    public ValueTask<DsseEnvelope> SignAsync(ApprovalPredicate predicate, ModelArtifact? artifact = null, string? signer = null) =>
        ApprovalIssuer.SignAsync(new ApprovalStatement(artifact ?? Artifact, predicate), Signer(signer ?? predicate.ReviewerId), TestContext.Current.CancellationToken);

    public ValueTask<DsseEnvelope> ApproveAsync(string reviewer, string role, string kind, GateKind gate = GateKind.Deployment) =>
        SignAsync(Predicate(reviewer, role, kind, gate));

    /// <summary>The five approvals the seed's High tier requires, for the deployment gate.</summary>
    public async Task<List<DsseEnvelope>> HighRiskSetAsync(GateKind gate = GateKind.Deployment) =>
    [
        await ApproveAsync("alice", ReviewerRoles.ModelValidator, ApprovalKinds.TechnicalValidation, gate),
        await ApproveAsync("bob", ReviewerRoles.FairnessAuditor, ApprovalKinds.FairnessAudit, gate),
        await ApproveAsync("carol", ReviewerRoles.SecurityReviewer, ApprovalKinds.SecurityReview, gate),
        await ApproveAsync("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval, gate),
        await ApproveAsync("erin", ReviewerRoles.Executive, ApprovalKinds.ExecutiveSponsor, gate),
    ];

    public GateRequest Request(IReadOnlyList<DsseEnvelope> approvals, RiskTier tier = RiskTier.High, GateKind gate = GateKind.Deployment, ModelArtifact? artifact = null) => new()
    {
        Gate = gate,
        System = System(tier),
        Artifact = artifact ?? Artifact,
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
