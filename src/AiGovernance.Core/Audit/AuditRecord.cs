using System.Text.Json;

namespace AiGovernance.Core.Audit;

/// <summary>An event as recorded in the hash chain of an <see cref="IAuditLog"/>.</summary>
/// <remarks><see cref="Hash"/> is SHA-256 over <see cref="PreviousHash"/>'s 32 bytes followed by the record's canonical
/// bytes (compact JSON of sequence, timestamp, type, actor, system, artifact and payload, in that order); the first
/// record's previous hash is 32 zero bytes (<see cref="AuditChain.Genesis"/>).</remarks>
/// <param name="Sequence">The 1-based position in the log.</param>
/// <param name="Timestamp">When the record was appended, from the log's <see cref="TimeProvider"/>, in UTC.</param>
/// <param name="EventType">The dotted event name.</param>
/// <param name="Actor">Who or what caused the event.</param>
/// <param name="SystemId">The AI system concerned, or <see langword="null"/>.</param>
/// <param name="ArtifactDigest">The model artifact concerned; empty when none.</param>
/// <param name="Payload">Event details as JSON, or <see langword="null"/>.</param>
/// <param name="PreviousHash">The previous record's hash.</param>
/// <param name="Hash">This record's hash.</param>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset Timestamp,
    string EventType,
    string Actor,
    string? SystemId,
    Sha256Digest ArtifactDigest,
    JsonElement? Payload,
    Sha256Digest PreviousHash,
    Sha256Digest Hash);
