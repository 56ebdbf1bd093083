using System.Buffers;
using System.Text.Json;

namespace AiGovernance.Core.Audit;

/// <summary>The hash chain behind every <see cref="IAuditLog"/>: canonical encoding, hashing and verification.</summary>
public static class AuditChain
{
    private static readonly Sha256Digest GenesisDigest = Sha256Digest.FromBytes(new byte[Sha256Digest.Length]);

    /// <summary>The previous hash of the first record: 32 zero bytes.</summary>
    public static Sha256Digest Genesis => GenesisDigest;

    /// <summary>Computes the hash a record must carry: SHA-256 of the previous hash followed by the canonical bytes.</summary>
    /// <param name="sequence">The record's sequence number.</param>
    /// <param name="timestamp">The record's timestamp.</param>
    /// <param name="eventType">The event type.</param>
    /// <param name="actor">The actor.</param>
    /// <param name="systemId">The system id, or null.</param>
    /// <param name="artifactDigest">The artifact digest, or empty.</param>
    /// <param name="payload">The payload, or null.</param>
    /// <param name="previousHash">The previous record's hash.</param>
    /// <returns>The record's hash.</returns>
    public static Sha256Digest ComputeHash(
        long sequence,
        DateTimeOffset timestamp,
        string eventType,
        string actor,
        string? systemId,
        Sha256Digest artifactDigest,
        JsonElement? payload,
        Sha256Digest previousHash)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write(previousHash.AsSpan());
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, sequence, timestamp, eventType, actor, systemId, artifactDigest, payload);
        }

        return Sha256Digest.Compute(buffer.WrittenSpan);
    }

    /// <summary>Whether a record's hash matches its content and its previous hash.</summary>
    /// <param name="record">The record.</param>
    /// <returns><see langword="true"/> when the stored hash is the recomputed one.</returns>
    public static bool HashMatches(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var expected = ComputeHash(record.Sequence, record.Timestamp, record.EventType, record.Actor, record.SystemId,
            record.ArtifactDigest, record.Payload, record.PreviousHash);
        return expected == record.Hash;
    }

    /// <summary>Verifies records as a chain starting at sequence 1.</summary>
    /// <param name="records">The records in stored order.</param>
    /// <param name="expectedHead">When given, the chain must end exactly at this head (detects truncation).</param>
    /// <returns>The first break, if any.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    public static AuditVerificationResult Verify(IEnumerable<AuditRecord> records, AuditCheckpoint? expectedHead = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var verifier = new Verifier();
        foreach (var record in records)
        {
            if (!verifier.Accept(record))
            {
                return verifier.Result;
            }
        }

        return verifier.Finish(expectedHead);
    }

    /// <summary>Verifies records as a chain and checks that it passes through a signed checkpoint.</summary>
    /// <param name="records">The records in stored order.</param>
    /// <param name="checkpoint">A checkpoint signed earlier by a trusted key; the log may have grown since.</param>
    /// <param name="publicKey">The trusted public key of the checkpoint's signer.</param>
    /// <returns>The first break, if any. An attacker who edits a record and recomputes every later hash still fails
    /// here, because the record at the checkpoint's sequence no longer carries the signed hash.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static AuditVerificationResult VerifyAgainstCheckpoint(IEnumerable<AuditRecord> records, SignedAuditCheckpoint checkpoint,
        System.Security.Cryptography.ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(publicKey);
        if (!checkpoint.Verify(publicKey))
        {
            return AuditVerificationResult.Broken(0, checkpoint.Checkpoint.Sequence, AuditChainFailure.CheckpointSignatureInvalid,
                "the checkpoint's signature does not verify with the trusted key.");
        }

        var verifier = new Verifier { Checkpoint = checkpoint.Checkpoint };
        foreach (var record in records)
        {
            if (!verifier.Accept(record))
            {
                return verifier.Result;
            }
        }

        return verifier.Finish(null);
    }

    /// <summary>Verifies a stream of records as a chain starting at sequence 1 that passes through a head seen earlier and
    /// may continue past it: the check for a log that several processes append to.</summary>
    /// <param name="records">The records in stored order, for example <see cref="IAuditLog.ReadAsync"/> from sequence 1.</param>
    /// <param name="passesThrough">A head read or written earlier (for example by this process); the record at its sequence
    /// must carry its hash and the chain must not end before it (detects truncation and rewrites up to there).
    /// <see langword="null"/> or the empty head for none.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The first break, if any.</returns>
    /// <remarks>Streams: memory does not grow with the log. O(n) hashing.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    public static async ValueTask<AuditVerificationResult> VerifyAsync(
        IAsyncEnumerable<AuditRecord> records, AuditCheckpoint? passesThrough = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var verifier = new Verifier { Checkpoint = passesThrough is { Sequence: > 0 } head ? head : null };
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!verifier.Accept(record))
            {
                return verifier.Result;
            }
        }

        return verifier.Finish(null);
    }

    /// <summary>Verifies a stream of records as a chain and checks that it passes through a signed checkpoint.</summary>
    /// <param name="records">The records in stored order from sequence 1.</param>
    /// <param name="checkpoint">A checkpoint signed earlier by a trusted key; the log may have grown since.</param>
    /// <param name="publicKey">The trusted public key of the checkpoint's signer.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The first break, if any; a rewrite with every later hash recomputed fails at the checkpoint's sequence.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async ValueTask<AuditVerificationResult> VerifyAgainstCheckpointAsync(IAsyncEnumerable<AuditRecord> records,
        SignedAuditCheckpoint checkpoint, System.Security.Cryptography.ECDsa publicKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(publicKey);
        if (!checkpoint.Verify(publicKey))
        {
            return AuditVerificationResult.Broken(0, checkpoint.Checkpoint.Sequence, AuditChainFailure.CheckpointSignatureInvalid,
                "the checkpoint's signature does not verify with the trusted key.");
        }

        return await VerifyAsync(records, checkpoint.Checkpoint, cancellationToken).ConfigureAwait(false);
    }

    internal static void WriteCanonical(
        Utf8JsonWriter writer,
        long sequence,
        DateTimeOffset timestamp,
        string eventType,
        string actor,
        string? systemId,
        Sha256Digest artifactDigest,
        JsonElement? payload)
    {
        writer.WriteStartObject();
        WriteFields(writer, sequence, timestamp, eventType, actor, systemId, artifactDigest, payload);
        writer.WriteEndObject();
    }

    internal static void WriteFields(
        Utf8JsonWriter writer,
        long sequence,
        DateTimeOffset timestamp,
        string eventType,
        string actor,
        string? systemId,
        Sha256Digest artifactDigest,
        JsonElement? payload)
    {
        writer.WriteNumber("seq", sequence);
        writer.WriteString("ts", timestamp.ToUniversalTime());
        writer.WriteString("type", eventType);
        writer.WriteString("actor", actor);
        if (systemId is null)
        {
            writer.WriteNull("system");
        }
        else
        {
            writer.WriteString("system", systemId);
        }

        if (artifactDigest.IsEmpty)
        {
            writer.WriteNull("artifact");
        }
        else
        {
            writer.WriteString("artifact", artifactDigest.ToString());
        }

        writer.WritePropertyName("payload");
        if (payload is { } p)
        {
            p.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Writes a record as one line of compact JSON, terminated by a line feed.</summary>
    internal static void WriteLine(IBufferWriter<byte> output, AuditRecord record)
    {
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            WriteFields(writer, record.Sequence, record.Timestamp, record.EventType, record.Actor, record.SystemId,
                record.ArtifactDigest, record.Payload);
            writer.WriteString("prev", record.PreviousHash.ToString());
            writer.WriteString("hash", record.Hash.ToString());
            writer.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    /// <summary>Parses one line written by <see cref="WriteLine"/>; returns null when it is not a record.</summary>
    internal static AuditRecord? TryParseLine(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var systemElement = root.GetProperty("system");
            var artifactElement = root.GetProperty("artifact");
            var payloadElement = root.GetProperty("payload");
            var artifact = artifactElement.ValueKind == JsonValueKind.Null
                ? default
                : Sha256Digest.Parse(artifactElement.GetString()!);
            return new AuditRecord(
                root.GetProperty("seq").GetInt64(),
                root.GetProperty("ts").GetDateTimeOffset(),
                root.GetProperty("type").GetString() ?? throw new FormatException("type is null"),
                root.GetProperty("actor").GetString() ?? throw new FormatException("actor is null"),
                systemElement.ValueKind == JsonValueKind.Null ? null : systemElement.GetString(),
                artifact,
                payloadElement.ValueKind == JsonValueKind.Null ? null : payloadElement.Clone(),
                Sha256Digest.Parse(root.GetProperty("prev").GetString()!),
                Sha256Digest.Parse(root.GetProperty("hash").GetString()!));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Incremental chain verification shared by the in-memory and file logs.</summary>
    internal sealed class Verifier
    {
        private Sha256Digest _previous = Genesis;

        public long Count { get; private set; }

        public AuditCheckpoint Head => new(Count, _previous);

        public AuditVerificationResult Result { get; private set; }

        /// <summary>A trusted head the chain must pass through, if any.</summary>
        public AuditCheckpoint? Checkpoint { get; init; }

        public bool Accept(AuditRecord record)
        {
            var expected = Count + 1;
            if (record.Sequence != expected)
            {
                return Fail(AuditChainFailure.SequenceMismatch,
                    $"expected sequence {expected} but found {record.Sequence}: a record was deleted, inserted or reordered.");
            }

            if (record.PreviousHash != _previous)
            {
                return Fail(AuditChainFailure.PreviousHashMismatch,
                    $"record {expected} does not link to the hash of record {Count}.");
            }

            if (!HashMatches(record))
            {
                return Fail(AuditChainFailure.HashMismatch,
                    $"record {expected}'s content does not match its hash: it was edited.");
            }

            if (Checkpoint is { } checkpoint && checkpoint.Sequence == expected && checkpoint.Hash != record.Hash)
            {
                Result = AuditVerificationResult.Broken(Count, expected, AuditChainFailure.CheckpointMismatch,
                    $"record {expected} does not carry the hash of the signed checkpoint: records up to {expected} were rewritten.");
                return false;
            }

            _previous = record.Hash;
            Count = expected;
            return true;
        }

        public bool Fail(AuditChainFailure failure, string message)
        {
            Result = AuditVerificationResult.Broken(Count, Count + 1, failure, message);
            return false;
        }

        public AuditVerificationResult Finish(AuditCheckpoint? expectedHead)
        {
            if (Checkpoint is { } checkpoint && Count < checkpoint.Sequence)
            {
                Fail(AuditChainFailure.Truncated,
                    $"the log ends at sequence {Count} but a signed checkpoint covers sequence {checkpoint.Sequence}: records were removed from " +
                        $"the end.");
                return Result;
            }

            if (expectedHead is { } head)
            {
                if (Count < head.Sequence)
                {
                    Fail(AuditChainFailure.Truncated,
                        $"the log ends at sequence {Count} but its head is at {head.Sequence}: records were removed from the end.");
                    return Result;
                }

                if (Count > head.Sequence || _previous != head.Hash)
                {
                    Result = AuditVerificationResult.Broken(Count, head.Sequence, AuditChainFailure.HeadMismatch,
                        $"the chain does not end at the expected head (sequence {head.Sequence}).");
                    return Result;
                }
            }

            Result = AuditVerificationResult.Valid(Count);
            return Result;
        }
    }
}
