namespace AiGovernance.Core.Audit;

/// <summary>Why an audit chain failed verification.</summary>
public enum AuditChainFailure
{
    /// <summary>The chain verified.</summary>
    None = 0,

    /// <summary>A record's sequence number is not the next one: a record was deleted, inserted or reordered.</summary>
    SequenceMismatch = 1,

    /// <summary>A record's previous hash is not the hash of the record before it.</summary>
    PreviousHashMismatch = 2,

    /// <summary>A record's hash does not match its content: the record was edited.</summary>
    HashMismatch = 3,

    /// <summary>The log ends before the expected head: records were removed from its end.</summary>
    Truncated = 4,

    /// <summary>The last line is incomplete, as after a crash during a write.</summary>
    TornRecord = 5,

    /// <summary>A line is not a well-formed audit record.</summary>
    Malformed = 6,

    /// <summary>The log continues past the expected head, or the head's hash differs.</summary>
    HeadMismatch = 7,

    /// <summary>The record at a signed checkpoint's sequence does not carry the checkpoint's hash: records up to
    /// there were rewritten (even if every later hash was recomputed).</summary>
    CheckpointMismatch = 8,

    /// <summary>The signed checkpoint itself does not verify with the trusted key.</summary>
    CheckpointSignatureInvalid = 9,
}
