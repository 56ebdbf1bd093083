namespace AiGovernance.Core.Audit;

/// <summary>Stamps and chains an event into a record; callers hold their log's lock.</summary>
internal static class AuditRecordFactory
{
    public static AuditRecord Create(AuditEvent auditEvent, AuditCheckpoint head, TimeProvider timeProvider)
    {
        var sequence = head.Sequence + 1;
        var timestamp = timeProvider.GetUtcNow();
        var hash = AuditChain.ComputeHash(sequence, timestamp, auditEvent.EventType, auditEvent.Actor, auditEvent.SystemId,
            auditEvent.ArtifactDigest, auditEvent.Payload, head.Hash);
        return new AuditRecord(sequence, timestamp, auditEvent.EventType, auditEvent.Actor, auditEvent.SystemId,
            auditEvent.ArtifactDigest, auditEvent.Payload, head.Hash, hash);
    }
}
