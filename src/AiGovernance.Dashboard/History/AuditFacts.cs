using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Shared;

namespace AiGovernance.Dashboard.History;

/// <summary>An approval behind a gate decision: who gave it, in which role, with which key, valid until when.</summary>
internal sealed record ApprovalView(string Kind, string Reviewer, string? Role, string? KeyId, DateTimeOffset? ExpiresAt);

/// <summary>A gate decision as recorded in the audit log.</summary>
internal sealed record GateDecisionView(
    long Sequence,
    DateTimeOffset Timestamp,
    string Gate,
    string? Environment,
    string? Tier,
    string? PolicyVersion,
    bool Allowed,
    Sha256Digest ArtifactDigest,
    string Actor,
    IReadOnlyList<ApprovalView> Approvals,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Reasons);

/// <summary>A performance-gate attempt (<c>milestone.attempt</c>) as recorded in the audit log.</summary>
internal sealed record PerformanceAttemptView(
    long Sequence,
    DateTimeOffset Timestamp,
    string? Milestone,
    string? Metric,
    double? Estimate,
    double? Lower,
    double? Upper,
    double? Threshold,
    string? Verdict,
    string? SampleSize,
    string? Model,
    Sha256Digest ArtifactDigest);

/// <summary>An acknowledgement of an oversight warning.</summary>
internal sealed record AcknowledgementView(long Sequence, DateTimeOffset Timestamp, string Actor, string? Note);

/// <summary>The last "verify now" recorded in the audit log.</summary>
internal sealed record VerificationView(
    long Sequence,
    DateTimeOffset Timestamp,
    string Actor,
    bool Valid,
    long VerifiedCount,
    string? Failure,
    string? Message,
    long? CheckpointSequence,
    bool? CheckpointSignatureValid);

/// <summary>A lifecycle phase change.</summary>
internal sealed record LifecycleView(string Phase, DateTimeOffset Since, long Sequence);

/// <summary>What the audit log says about one system, read in one pass.</summary>
internal sealed class SystemAuditFacts
{
    public List<GateDecisionView> GateDecisions { get; } = [];

    public List<PerformanceAttemptView> PerformanceAttempts { get; } = [];

    public Dictionary<(long ReportId, int Warning), AcknowledgementView> Acknowledgements { get; } = [];

    public LifecycleView? Lifecycle { get; set; }

    public VerificationView? LastVerification { get; set; }

    public long RecordCount { get; set; }

    /// <summary>Reads the facts of <paramref name="systemId"/>. Performance attempts carry no system id: an attempt belongs to the
    /// system when its artifact digest is one a gate of the system decided on.</summary>
    /// <remarks>O(records in the log), one pass.</remarks>
    public static async Task<SystemAuditFacts> ReadAsync(IAuditLog auditLog, string systemId, CancellationToken cancellationToken)
    {
        var facts = new SystemAuditFacts();
        var attempts = new List<PerformanceAttemptView>();
        await foreach (var record in auditLog.ReadAsync(1, cancellationToken).ConfigureAwait(false))
        {
            facts.RecordCount++;
            var type = record.EventType;
            if (type == DashboardAuditEvents.AuditVerified)
            {
                facts.LastVerification = ReadVerification(record);
                continue;
            }

            if (type == AuditEventTypes.MilestoneAttempt)
            {
                if (record.SystemId is null || record.SystemId == systemId)
                {
                    attempts.Add(ReadAttempt(record));
                }

                continue;
            }

            if (!string.Equals(record.SystemId, systemId, StringComparison.Ordinal))
            {
                continue;
            }

            if (AuditEventTypes.IsGateDecision(type))
            {
                facts.GateDecisions.Add(ReadGateDecision(record));
            }
            else if (AuditEventTypes.ReadLifecycle(record) is { } lifecycle)
            {
                facts.Lifecycle = lifecycle;
            }
            else if (type == DashboardAuditEvents.WarningAcknowledged && record.Payload is { } ack
                && JsonRead.Number(ack, "reportId") is { } reportId && JsonRead.Number(ack, "warning") is { } warning)
            {
                facts.Acknowledgements[((long)reportId, (int)warning)] =
                    new AcknowledgementView(record.Sequence, record.Timestamp, record.Actor, JsonRead.String(ack, "note"));
            }
        }

        var digests = new HashSet<Sha256Digest>(facts.GateDecisions.Select(d => d.ArtifactDigest));
        facts.PerformanceAttempts.AddRange(attempts.Where(a => digests.Contains(a.ArtifactDigest)));
        return facts;
    }

    private static GateDecisionView ReadGateDecision(AuditRecord record)
    {
        var payload = record.Payload ?? default;
        var approvals = new List<ApprovalView>();
        foreach (var approval in JsonRead.Array(payload, "approvals"))
        {
            approvals.Add(new ApprovalView(JsonRead.String(approval, "kind") ?? "?", JsonRead.String(approval, "reviewer") ?? "?",
                JsonRead.String(approval, "role"), JsonRead.String(approval, "keyId"), JsonRead.Time(approval, "expiresAt")));
        }

        if (approvals.Count == 0)
        {
            // Decisions recorded before approvals were written in full name kind and reviewer only.
            foreach (var accepted in JsonRead.Strings(payload, "accepted"))
            {
                var parts = accepted.Split(':');
                approvals.Add(new ApprovalView(parts[0], parts.Length > 1 ? parts[1] : "?", null, null, null));
            }
        }

        var gate = record.EventType["gate.".Length..^".decided".Length];
        return new GateDecisionView(record.Sequence, record.Timestamp, JsonRead.String(payload, "gate") ?? gate,
            JsonRead.String(payload, "environment"), JsonRead.String(payload, "tier"), JsonRead.String(payload, "policyVersion"),
            JsonRead.Boolean(payload, "allowed") ?? false, record.ArtifactDigest, record.Actor, approvals,
            JsonRead.Strings(payload, "missing"), JsonRead.Strings(payload, "reasons"));
    }

    private static PerformanceAttemptView ReadAttempt(AuditRecord record)
    {
        var p = record.Payload ?? default;
        return new PerformanceAttemptView(record.Sequence, record.Timestamp, JsonRead.String(p, "milestone"), JsonRead.String(p, "metric"),
            JsonRead.Number(p, "estimate"), JsonRead.Number(p, "lower"), JsonRead.Number(p, "upper"), JsonRead.Number(p, "threshold"),
            JsonRead.String(p, "decision"), JsonRead.String(p, "sampleSize"), JsonRead.String(p, "model"), record.ArtifactDigest);
    }

    internal static VerificationView ReadVerification(AuditRecord record)
    {
        var p = record.Payload ?? default;
        var checkpoint = JsonRead.Number(p, "checkpointSequence");
        return new VerificationView(record.Sequence, record.Timestamp, record.Actor, JsonRead.Boolean(p, "valid") ?? false,
            (long)(JsonRead.Number(p, "verifiedCount") ?? 0), JsonRead.String(p, "failure"), JsonRead.String(p, "message"),
            checkpoint is { } c ? (long)c : null, JsonRead.Boolean(p, "checkpointSignatureValid"));
    }
}

/// <summary>The audit event types the dashboard reads, as the packages that write them spell them.</summary>
internal static class AuditEventTypes
{
    public const string MilestoneAttempt = "milestone.attempt";

    public const string LifecycleAdvanced = "lifecycle.advanced";

    public const string LifecycleRework = "lifecycle.rework";

    public static bool IsGateDecision(string type) =>
        type.StartsWith("gate.", StringComparison.Ordinal) && type.EndsWith(".decided", StringComparison.Ordinal)
        && type.Length > "gate.".Length + ".decided".Length;

    /// <summary>The phase a successful lifecycle transition moved to, or <see langword="null"/> for any other record.</summary>
    public static LifecycleView? ReadLifecycle(AuditRecord record) =>
        record.EventType is LifecycleAdvanced or LifecycleRework && record.Payload is { } payload && JsonRead.String(payload, "to") is { } to
            ? new LifecycleView(to, record.Timestamp, record.Sequence)
            : null;
}
