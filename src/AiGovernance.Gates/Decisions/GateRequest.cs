using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Classification;

namespace AiGovernance.Gates.Decisions;

/// <summary>What a gate decides on: which gate, which system and artifact, which environment, and the signed approvals presented.</summary>
public sealed record GateRequest
{
    /// <summary>The gate.</summary>
    public required GateKind Gate { get; init; }

    /// <summary>The AI system.</summary>
    public required AiSystem System { get; init; }

    /// <summary>The artifact the decision is bound to (the model at deployment; the use-case document at the use-case gate).</summary>
    public required ModelArtifact Artifact { get; init; }

    /// <summary>The target environment, for example <c>production</c>.</summary>
    public required string Environment { get; init; }

    /// <summary>The signed approvals presented.</summary>
    public IReadOnlyList<DsseEnvelope> Approvals { get; init; } = [];

    /// <summary>A classification of the use case; when it calls for a higher tier than the system records, the higher tier applies.</summary>
    public RiskClassification? Classification { get; init; }

    /// <summary>For the continuation gate: when the last continuation review (or the deployment) was approved. The gate's
    /// <see cref="ContinuationReviewSchedule"/> decides from it and <see cref="ContinuationTriggers"/> whether a review is
    /// due: when not due the system may continue without new approvals; when due, only approvals issued after the last
    /// review (or the latest trigger) count. <see langword="null"/> requires approvals (fail closed).</summary>
    public DateTimeOffset? LastReviewedAt { get; init; }

    /// <summary>For the continuation gate: incidents, drift findings and SLA breaches since deployment.</summary>
    public IReadOnlyList<ContinuationTriggerEvent> ContinuationTriggers { get; init; } = [];

    /// <summary>Who asks (a pipeline or a user), recorded in the audit log.</summary>
    /// <value>The default value is <c>gate</c>.</value>
    public string Actor { get; init; } = "gate";
}
