namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>Why a signed technical file did not verify.</summary>
public enum TechnicalFileFailureReason
{
    /// <summary>It verified.</summary>
    None = 0,

    /// <summary>The envelope carries no signature.</summary>
    MissingSignature = 1,

    /// <summary>No trusted key verifies the signature (unknown signer, or the payload was changed).</summary>
    BadSignature = 2,

    /// <summary>The signing key was revoked, or was not valid when the file was made.</summary>
    KeyNotValid = 3,

    /// <summary>The payload is not a technical-file statement.</summary>
    MalformedStatement = 4,

    /// <summary>The file's bytes (JSON, HTML or Markdown) do not have the signed digest: the file was changed.</summary>
    FileDigestMismatch = 5,

    /// <summary>The signed model artifact is not the one expected.</summary>
    ArtifactMismatch = 6,

    /// <summary>The audit log's hash chain does not verify.</summary>
    AuditChainBroken = 7,

    /// <summary>A cited audit record is missing from the log.</summary>
    CitedRecordMissing = 8,

    /// <summary>A cited audit record's hash differs from the signed one: the record was changed.</summary>
    CitedRecordChanged = 9,

    /// <summary>A cited report is missing from the store.</summary>
    CitedReportMissing = 10,

    /// <summary>A cited report's digest differs from the signed one: the report was changed.</summary>
    CitedReportChanged = 11,
}
