using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Gates;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Decisions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AiGovernance.Testing;

/// <summary>Reviewers with P-256 keys in a trusted registry, a fake clock, a nonce ledger, an in-memory audit log, a
/// verifier and a governance gate over the default policy (logging to a <see cref="CapturingLogger{T}"/>).</summary>
/// <remarks>Trusted reviewers: alice and amir (model validators), bob (fairness auditor), carol (security reviewer), dave
/// (legal counsel), erin (executive), pipeline (automated checks) and mallory (a model validator the attack tests
/// impersonate others with). Keys are valid from 30 days before <see cref="Start"/> to 365 days after.</remarks>
public sealed class ApprovalFixture : IDisposable
{
    /// <summary>The fake clock's start.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The environment every approval names.</summary>
    public const string Environment = "production";

    private readonly Dictionary<string, EcdsaApprovalSigner> _signers = new(StringComparer.Ordinal);

    /// <summary>Creates the fixture.</summary>
    /// <param name="policy">The approval policy; the default policy (version <c>policy-7</c>) when null.</param>
    /// <param name="clockSkew">The verifier's allowed clock skew; 5 minutes when null.</param>
    public ApprovalFixture(ApprovalPolicy? policy = null, TimeSpan? clockSkew = null)
    {
        Clock = new FakeTimeProvider(Start);
        Keys = new TrustedReviewerKeyRegistry(Clock);
        Nonces = new InMemoryApprovalNonceLedger(Clock);
        Audit = new InMemoryAuditLog(Clock);
        Policy = policy ?? ApprovalPolicy.CreateDefault("policy-7");
        Skew = clockSkew ?? TimeSpan.FromMinutes(5);
        Verifier = new DsseApprovalVerifier(Keys, Nonces, Clock, Skew, TimeSpan.FromDays(365));
        Gate = new GovernanceGate(Policy, Verifier, Audit, Clock, logger: GateLogger);
        AddReviewer("alice", ReviewerRoles.ModelValidator);
        AddReviewer("amir", ReviewerRoles.ModelValidator);
        AddReviewer("bob", ReviewerRoles.FairnessAuditor);
        AddReviewer("carol", ReviewerRoles.SecurityReviewer);
        AddReviewer("dave", ReviewerRoles.LegalCounsel);
        AddReviewer("erin", ReviewerRoles.Executive);
        AddReviewer("pipeline", ReviewerRoles.Pipeline);
        AddReviewer("mallory", ReviewerRoles.ModelValidator);
    }

    /// <summary>The clock every component reads.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The verifier's allowed clock skew.</summary>
    public TimeSpan Skew { get; }

    /// <summary>The trusted reviewer keys.</summary>
    public TrustedReviewerKeyRegistry Keys { get; }

    /// <summary>The nonce ledger (replay protection).</summary>
    public InMemoryApprovalNonceLedger Nonces { get; }

    /// <summary>The audit log the gate writes to.</summary>
    public InMemoryAuditLog Audit { get; }

    /// <summary>The approval policy.</summary>
    public ApprovalPolicy Policy { get; }

    /// <summary>The signed-approval verifier.</summary>
    public DsseApprovalVerifier Verifier { get; }

    /// <summary>What the gate logged.</summary>
    public CapturingLogger<GovernanceGate> GateLogger { get; } = new();

    /// <summary>The governance gate.</summary>
    public GovernanceGate Gate { get; }

    /// <summary>The artifact approvals are bound to.</summary>
    public ModelArtifact Artifact { get; } = ModelArtifact.FromBytes("credit-model", "1.4.0", "model weights v1.4.0"u8);

    /// <summary>Another artifact with the same name and version (a retrained model).</summary>
    public ModelArtifact OtherArtifact { get; } = ModelArtifact.FromBytes("credit-model", "1.4.0", "model weights v1.4.0 (retrained)"u8);

    /// <summary>What the verifier expects of a deployment approval for <see cref="Artifact"/>.</summary>
    public ApprovalExpectation Expectation => new()
    {
        Gate = GateKind.Deployment,
        SystemId = "credit-scoring",
        Environment = Environment,
        ArtifactDigest = Artifact.Digest,
        PolicyVersion = Policy.Version,
    };

    /// <summary>The credit-scoring system at <paramref name="tier"/>.</summary>
    public AiSystem System(RiskTier tier = RiskTier.High) =>
        new("credit-scoring", "Credit scoring", "1.4.0", new AiSystemOwners("biz", "tech", "ops"), tier);

    /// <summary>A reviewer's signer.</summary>
    public EcdsaApprovalSigner Signer(string reviewer) => _signers[reviewer];

    /// <summary>Creates a key for <paramref name="reviewer"/> and trusts it.</summary>
    public TrustedReviewerKey AddReviewer(string reviewer, params string[] roles)
    {
        var signer = EcdsaApprovalSigner.Create();
        _signers[reviewer] = signer;
        var key = new TrustedReviewerKey(reviewer, roles, signer.PublicKey.Span, Start.AddDays(-30), Start.AddDays(365));
        Keys.Add(key);
        return key;
    }

    /// <summary>An approval predicate, issued now (or at <paramref name="issuedAt"/>) and valid for 30 days (or
    /// <paramref name="lifetime"/>).</summary>
    public ApprovalPredicate Predicate(string reviewer = "alice", string role = ReviewerRoles.ModelValidator,
        string kind = ApprovalKinds.TechnicalValidation, GateKind gate = GateKind.Deployment, ApprovalDecision decision = ApprovalDecision.Approved,
        string environment = Environment, string systemId = "credit-scoring", DateTimeOffset? issuedAt = null, TimeSpan? lifetime = null)
    {
        var issued = issuedAt ?? Clock.GetUtcNow();
        return new ApprovalPredicate
        {
            Gate = gate,
            Kind = kind,
            SystemId = systemId,
            Environment = environment,
            PolicyVersion = Policy.Version,
            ReviewerId = reviewer,
            ReviewerRole = role,
            Decision = decision,
            IssuedAt = issued,
            ExpiresAt = issued + (lifetime ?? TimeSpan.FromDays(30)),
            Nonce = ApprovalPredicate.NewNonce(),
        };
    }

    /// <summary>Signs <paramref name="predicate"/> over <paramref name="artifact"/> (default <see cref="Artifact"/>) with the
    /// key of <paramref name="signer"/> (default: the predicate's reviewer).</summary>
    public ValueTask<DsseEnvelope> SignAsync(ApprovalPredicate predicate, ModelArtifact? artifact = null, string? signer = null) =>
        ApprovalIssuer.SignAsync(new ApprovalStatement(artifact ?? Artifact, predicate), Signer(signer ?? predicate.ReviewerId),
            TestContext.Current.CancellationToken);

    /// <summary>Signs arbitrary payload bytes as an in-toto envelope with a reviewer's key (to reach statement parsing).</summary>
    public async Task<DsseEnvelope> SignRawAsync(byte[] payload, string signer = "alice", string payloadType = Dsse.InTotoPayloadType)
    {
        var s = Signer(signer);
        var signature = await s.SignAsync(Dsse.PreAuthenticationEncoding(payloadType, payload), TestContext.Current.CancellationToken);
        return new DsseEnvelope(payloadType, payload, [new DsseSignature(s.KeyId, signature)]);
    }

    /// <summary>A signed approval of <paramref name="kind"/> by <paramref name="reviewer"/> in <paramref name="role"/>.</summary>
    public ValueTask<DsseEnvelope> ApproveAsync(string reviewer, string role, string kind, GateKind gate = GateKind.Deployment) =>
        SignAsync(Predicate(reviewer, role, kind, gate));

    /// <summary>The five approvals the default policy's High tier requires, for <paramref name="gate"/>.</summary>
    public async Task<List<DsseEnvelope>> HighRiskSetAsync(GateKind gate = GateKind.Deployment) =>
    [
        await ApproveAsync("alice", ReviewerRoles.ModelValidator, ApprovalKinds.TechnicalValidation, gate),
        await ApproveAsync("bob", ReviewerRoles.FairnessAuditor, ApprovalKinds.FairnessAudit, gate),
        await ApproveAsync("carol", ReviewerRoles.SecurityReviewer, ApprovalKinds.SecurityReview, gate),
        await ApproveAsync("dave", ReviewerRoles.LegalCounsel, ApprovalKinds.LegalApproval, gate),
        await ApproveAsync("erin", ReviewerRoles.Executive, ApprovalKinds.ExecutiveSponsor, gate),
    ];

    /// <summary>A gate request for the credit-scoring system carrying <paramref name="approvals"/>.</summary>
    public GateRequest Request(IReadOnlyList<DsseEnvelope> approvals, RiskTier tier = RiskTier.High, GateKind gate = GateKind.Deployment,
        ModelArtifact? artifact = null) => new()
    {
        Gate = gate,
        System = System(tier),
        Artifact = artifact ?? Artifact,
        Environment = Environment,
        Approvals = approvals,
        Actor = "ci",
    };

    /// <summary>Disposes every signer.</summary>
    public void Dispose()
    {
        foreach (var signer in _signers.Values)
        {
            signer.Dispose();
        }
    }
}
