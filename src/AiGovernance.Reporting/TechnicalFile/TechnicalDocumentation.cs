using System.Globalization;
using System.Text;
using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Incidents;
using AiGovernance.Shared;

namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>Assembles, signs and verifies the technical documentation the EU AI Act asks of a high-risk AI system (Article 11,
/// Annex IV), and the Article 72 post-market monitoring summary, from what the library already holds.</summary>
/// <remarks>
/// <para>Nothing is invented: each statement names its source (system record, model card, classification, inventory, audit
/// record, stored report, monitoring plan, owner declaration) and what the library cannot know is listed as a gap.</para>
/// <para>Binding: <see cref="SignAsync"/> renders the file as JSON, HTML and Markdown and signs, in a DSSE envelope with the
/// library's approval signer (<see cref="IApprovalSigner"/>, the same envelope format as gate approvals), an in-toto statement
/// whose subjects are the SHA-256 digests of the three renderings and of the model artifact, and whose predicate lists the hash
/// of every cited audit record and the digest of every cited report. <see cref="Verify"/> checks the signature and the file;
/// <see cref="VerifyAsync"/> also checks that the audit log still holds every cited record unchanged (and its chain verifies)
/// and the report store every cited report.</para>
/// </remarks>
public static class TechnicalDocumentation
{
    /// <summary>Assembles the technical file from evidence already gathered.</summary>
    /// <param name="system">The AI system.</param>
    /// <param name="artifact">The model artifact the file documents and is bound to.</param>
    /// <param name="evidence">What the library holds (records of other systems are ignored).</param>
    /// <param name="generatedAt">When the file is made.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static TechnicalFileDocument Build(AiSystem system, ModelArtifact artifact, TechnicalFileEvidence evidence, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(evidence);
        var start = HistoryStart(system, artifact, evidence, generatedAt);
        var results = PostMarketSummaryDocument.Create(system, start, generatedAt.AddTicks(1), evidence, generatedAt, artifact.Digest);
        var sections = new TechnicalFileSections(system, artifact, evidence, results);
        var built = sections.Build();
        foreach (var record in results.CitedAuditRecords)
        {
            sections.CitedRecords[record.Sequence] = record;
        }

        foreach (var report in results.CitedReports)
        {
            sections.CitedReports[report.Id] = report;
        }

        return new TechnicalFileDocument
        {
            SystemName = system.Name,
            SystemId = system.Id,
            SystemVersion = system.Version,
            GeneratedAt = generatedAt,
            Artifact = new TechnicalFileArtifact(artifact.Name, artifact.Version, artifact.Digest.ToString()),
            Sections = built,
            PostMarketResults = results,
            CitedAuditRecords = [.. sections.CitedRecords.Values],
            CitedReports = [.. sections.CitedReports.Values],
        };
    }

    /// <summary>Assembles the technical file, reading the audit log (records, and the serious incidents the incident register
    /// keeps there) and the report history.</summary>
    /// <param name="system">The AI system.</param>
    /// <param name="artifact">The model artifact the file documents and is bound to.</param>
    /// <param name="auditLog">The audit log.</param>
    /// <param name="reports">The report history.</param>
    /// <param name="timeProvider">The clock that dates the file.</param>
    /// <param name="evidence">What else the caller holds (model card, classification, inventory record, monitoring plan,
    /// standards); its audit records, reports and incidents, when given, are used in addition to those read.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="evidence"/> is null.</exception>
    public static async ValueTask<TechnicalFileDocument> BuildAsync(AiSystem system, ModelArtifact artifact, IAuditLog auditLog,
        IGovernanceReportStore reports, TimeProvider timeProvider, TechnicalFileEvidence? evidence = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var gathered = await GatherAsync(system.Id, auditLog, reports, timeProvider, evidence ?? new TechnicalFileEvidence(), cancellationToken)
            .ConfigureAwait(false);
        return Build(system, artifact, gathered, timeProvider.GetUtcNow());
    }

    /// <summary>The Article 72 post-market monitoring summary for a period, read from the audit log and the report history.</summary>
    /// <param name="system">The AI system.</param>
    /// <param name="periodStart">The start of the period (inclusive).</param>
    /// <param name="periodEnd">The end of the period (exclusive).</param>
    /// <param name="auditLog">The audit log.</param>
    /// <param name="reports">The report history.</param>
    /// <param name="timeProvider">The clock that dates the summary.</param>
    /// <param name="artifactDigest">The deployed model artifact, whose milestone attempts count even when recorded without a system
    /// id; <see langword="default"/> for none.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="periodEnd"/> is not after <paramref name="periodStart"/>.</exception>
    public static async ValueTask<PostMarketSummaryDocument> SummarizePostMarketAsync(AiSystem system, DateTimeOffset periodStart,
        DateTimeOffset periodEnd, IAuditLog auditLog, IGovernanceReportStore reports, TimeProvider timeProvider,
        Sha256Digest artifactDigest = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (periodEnd <= periodStart)
        {
            throw new ArgumentException($"The period must end after it starts; got {periodStart:O} to {periodEnd:O}.", nameof(periodEnd));
        }

        var gathered = await GatherAsync(system.Id, auditLog, reports, timeProvider, new TechnicalFileEvidence(), cancellationToken)
            .ConfigureAwait(false);
        return PostMarketSummaryDocument.Create(system, periodStart, periodEnd, gathered, timeProvider.GetUtcNow(), artifactDigest);
    }

    /// <summary>Renders the file as JSON, HTML and Markdown and signs their digests, the artifact's and the cited records' in a
    /// DSSE envelope (payload type <see cref="Dsse.InTotoPayloadType"/>).</summary>
    /// <param name="document">The technical file.</param>
    /// <param name="signer">The signer (for example <see cref="EcdsaApprovalSigner"/>); its key must be registered as trusted
    /// wherever the file is verified.</param>
    /// <param name="renderer">The renderer; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the signing.</param>
    /// <returns>The renderings and the envelope.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="signer"/> is null.</exception>
    public static async ValueTask<SignedTechnicalFile> SignAsync(TechnicalFileDocument document, IApprovalSigner signer,
        ReportRenderer? renderer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(signer);
        renderer ??= new ReportRenderer();
        var json = renderer.ToJson(document);
        var html = renderer.ToHtml(document);
        var markdown = renderer.ToMarkdown(document);
        var statement = new InTotoStatementJson<TechnicalFilePredicateJson>
        {
            Type = InTotoStatementJson<TechnicalFilePredicateJson>.StatementType,
            PredicateType = TechnicalFileStatementJson.PredicateTypeV1,
            Subject =
            [
                Subject(SignedTechnicalFile.JsonName, Digest(json)),
                Subject(SignedTechnicalFile.HtmlName, Digest(html)),
                Subject(SignedTechnicalFile.MarkdownName, Digest(markdown)),
                Subject(document.Artifact.Name, document.Artifact.Digest),
            ],
            Predicate = new TechnicalFilePredicateJson
            {
                SystemId = document.SystemId,
                SystemVersion = document.SystemVersion,
                GeneratedAt = document.GeneratedAt,
                Artifact = document.Artifact,
                AuditRecords = [.. document.CitedAuditRecords.Select(r => new TechnicalFileRecordBindingJson(r.Sequence, r.Hash))],
                Reports = [.. document.CitedReports.Select(r => new TechnicalFileReportBindingJson(r.Id, r.Digest))],
            },
        };
        var payload = JsonSerializer.SerializeToUtf8Bytes(statement, TechnicalFileJsonContext.Default.TechnicalFileStatementJson);
        var signature = await signer.SignAsync(Dsse.PreAuthenticationEncoding(Dsse.InTotoPayloadType, payload), cancellationToken)
            .ConfigureAwait(false);
        var envelope = new DsseEnvelope(Dsse.InTotoPayloadType, payload, [new DsseSignature(signer.KeyId, signature)]);
        return new SignedTechnicalFile(document, json, html, markdown, envelope);
    }

    /// <summary>Verifies a signed technical file on its own: the signature by a trusted, unrevoked key valid when the file was
    /// made, the file's bytes against the signed digest, and, when given, the artifact and the other renderings.</summary>
    /// <param name="envelope">The envelope.</param>
    /// <param name="json">The JSON rendering as written.</param>
    /// <param name="keys">The trusted keys.</param>
    /// <param name="expectedArtifact">The artifact the file must be bound to, or <see langword="null"/> to skip the check.</param>
    /// <param name="html">The HTML rendering to check, or <see langword="null"/>.</param>
    /// <param name="markdown">The Markdown rendering to check, or <see langword="null"/>.</param>
    /// <returns>The outcome; never throws for a bad envelope or file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="envelope"/>, <paramref name="json"/> or <paramref name="keys"/> is null.</exception>
    public static TechnicalFileVerification Verify(DsseEnvelope envelope, string json, TrustedReviewerKeyRegistry keys,
        ModelArtifact? expectedArtifact = null, string? html = null, string? markdown = null) =>
        VerifySignedFile(envelope, json, keys, expectedArtifact, html, markdown, out _);

    /// <summary>Verifies a signed technical file (as <see cref="Verify"/>) and that the audit log's chain verifies and still
    /// holds every cited record with its signed hash, and the report store every cited report with its signed digest.</summary>
    /// <param name="envelope">The envelope.</param>
    /// <param name="json">The JSON rendering as written.</param>
    /// <param name="keys">The trusted keys.</param>
    /// <param name="auditLog">The audit log the file cites.</param>
    /// <param name="reports">The report store the file cites, or <see langword="null"/> to skip the report check.</param>
    /// <param name="expectedArtifact">The artifact the file must be bound to, or <see langword="null"/> to skip the check.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="envelope"/>, <paramref name="json"/>, <paramref name="keys"/> or
    /// <paramref name="auditLog"/> is null.</exception>
    public static async ValueTask<TechnicalFileVerification> VerifyAsync(DsseEnvelope envelope, string json, TrustedReviewerKeyRegistry keys,
        IAuditLog auditLog, IGovernanceReportStore? reports = null, ModelArtifact? expectedArtifact = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditLog);
        var result = VerifySignedFile(envelope, json, keys, expectedArtifact, null, null, out var predicate);
        if (!result.IsValid)
        {
            return result;
        }

        var chain = await auditLog.VerifyAsync(cancellationToken).ConfigureAwait(false);
        if (!chain.IsValid)
        {
            return result with { Reason = TechnicalFileFailureReason.AuditChainBroken, Message = "The audit log does not verify: " + chain.Message };
        }

        var cited = predicate!.AuditRecords.ToDictionary(r => r.Sequence, r => r.Hash);
        var seen = new HashSet<long>();
        await foreach (var record in auditLog.ReadAsync(1, cancellationToken).ConfigureAwait(false))
        {
            if (cited.TryGetValue(record.Sequence, out var hash))
            {
                seen.Add(record.Sequence);
                if (!string.Equals(record.Hash.ToString(), hash, StringComparison.Ordinal))
                {
                    return result with
                    {
                        Reason = TechnicalFileFailureReason.CitedRecordChanged,
                        Message = Invariant($"Audit record #{record.Sequence} has hash {record.Hash}; the file was signed over {hash}."),
                    };
                }
            }
        }

        if (cited.Keys.FirstOrDefault(s => !seen.Contains(s)) is var missing and > 0)
        {
            return result with
            {
                Reason = TechnicalFileFailureReason.CitedRecordMissing,
                Message = Invariant($"Audit record #{missing}, cited by the file, is not in the log."),
            };
        }

        if (reports is not null)
        {
            var stored = new Dictionary<long, string>();
            await foreach (var report in reports.QueryAsync(new GovernanceReportQuery(predicate.SystemId), cancellationToken).ConfigureAwait(false))
            {
                stored[report.Id] = report.Report.Digest.ToString();
            }

            foreach (var report in predicate.Reports)
            {
                if (!stored.TryGetValue(report.Id, out var digest))
                {
                    return result with
                    {
                        Reason = TechnicalFileFailureReason.CitedReportMissing,
                        Message = Invariant($"Report #{report.Id}, cited by the file, is not in the store."),
                    };
                }

                if (!string.Equals(digest, report.Digest, StringComparison.Ordinal))
                {
                    return result with
                    {
                        Reason = TechnicalFileFailureReason.CitedReportChanged,
                        Message = Invariant($"Report #{report.Id} has digest {digest}; the file was signed over {report.Digest}."),
                    };
                }
            }
        }

        return result with
        {
            Message = result.Message + Invariant($" The audit chain verifies and its {cited.Count} cited records are unchanged")
                + (reports is null ? "." : Invariant($"; the {predicate.Reports.Count} cited reports are unchanged.")),
        };
    }

    private static TechnicalFileVerification VerifySignedFile(DsseEnvelope envelope, string json, TrustedReviewerKeyRegistry keys,
        ModelArtifact? expectedArtifact, string? html, string? markdown, out TechnicalFilePredicateJson? predicate)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(keys);
        predicate = null;
        if (envelope.Signatures.Count == 0)
        {
            return new(TechnicalFileFailureReason.MissingSignature, "The envelope carries no signature.");
        }

        var pae = envelope.GetPreAuthenticationEncoding();
        var key = envelope.Signatures
            .SelectMany(s => keys.GetKeys().Where(k => k.VerifySignature(pae, s.Signature.Span)))
            .FirstOrDefault();
        if (key is null)
        {
            return new(TechnicalFileFailureReason.BadSignature,
                "No trusted key verifies the signature: the signer is unknown, or the envelope's payload was changed.");
        }

        if (!string.Equals(envelope.PayloadType, Dsse.InTotoPayloadType, StringComparison.Ordinal)
            || !TryParse(envelope.Payload.Span, out var statement))
        {
            return new(TechnicalFileFailureReason.MalformedStatement, "The payload is not a technical-file statement.", key.KeyId);
        }

        predicate = statement!.Predicate;
        if (keys.TryGetRevocation(key.KeyId, out var revokedAt))
        {
            return new(TechnicalFileFailureReason.KeyNotValid, Invariant($"Key {key.KeyId} of {key.ReviewerId} was revoked at {revokedAt:O}."),
                key.KeyId);
        }

        if (predicate.GeneratedAt < key.ValidFrom || predicate.GeneratedAt >= key.ValidUntil)
        {
            return new(TechnicalFileFailureReason.KeyNotValid, Invariant(
                $"Key {key.KeyId} is valid from {key.ValidFrom:O} until {key.ValidUntil:O}; the file says it was made at {predicate.GeneratedAt:O}."),
                key.KeyId);
        }

        foreach (var (name, text) in new[] { (SignedTechnicalFile.JsonName, json), (SignedTechnicalFile.HtmlName, html),
            (SignedTechnicalFile.MarkdownName, markdown) })
        {
            if (text is null)
            {
                continue;
            }

            var signed = statement.Subject.FirstOrDefault(s => s.Name == name)?.Digest.GetValueOrDefault("sha256");
            var actual = Digest(text);
            if (!string.Equals(signed, actual, StringComparison.Ordinal))
            {
                return new(TechnicalFileFailureReason.FileDigestMismatch,
                    Invariant($"{name} has digest sha256:{actual}; the envelope signs sha256:{signed ?? "(none)"}: the file was changed."),
                    key.KeyId);
            }
        }

        if (expectedArtifact is not null && !string.Equals(predicate.Artifact.Digest, expectedArtifact.Digest.ToString(), StringComparison.Ordinal))
        {
            return new(TechnicalFileFailureReason.ArtifactMismatch,
                $"The file is bound to artifact sha256:{predicate.Artifact.Digest}, not sha256:{expectedArtifact.Digest}.", key.KeyId);
        }

        return new(TechnicalFileFailureReason.None,
            Invariant($"Signed by {key.ReviewerId} (key {key.KeyId}); the file matches its signed digest and is bound to ")
                + Invariant($"{predicate.Artifact.Name} {predicate.Artifact.Version} sha256:{predicate.Artifact.Digest}."), key.KeyId);
    }

    private static bool TryParse(ReadOnlySpan<byte> payload, out InTotoStatementJson<TechnicalFilePredicateJson>? statement)
    {
        try
        {
            statement = JsonSerializer.Deserialize(payload, TechnicalFileJsonContext.Default.TechnicalFileStatementJson);
        }
        catch (JsonException)
        {
            statement = null;
        }

        return statement is
            {
                Type: InTotoStatementJson<TechnicalFilePredicateJson>.StatementType,
                PredicateType: TechnicalFileStatementJson.PredicateTypeV1,
            }
            && statement.Predicate?.Artifact is not null && statement.Subject is not null;
    }

    private static async ValueTask<TechnicalFileEvidence> GatherAsync(string systemId, IAuditLog auditLog, IGovernanceReportStore reports,
        TimeProvider timeProvider, TechnicalFileEvidence evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditLog);
        ArgumentNullException.ThrowIfNull(reports);
        var records = new List<AuditRecord>(evidence.AuditRecords);
        await foreach (var record in auditLog.ReadAsync(1, cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        var stored = new List<StoredGovernanceReport>(evidence.Reports);
        await foreach (var report in reports.QueryAsync(new GovernanceReportQuery(systemId), cancellationToken).ConfigureAwait(false))
        {
            stored.Add(report);
        }

        var incidents = new List<SeriousIncident>(evidence.Incidents);
        using (var register = new SeriousIncidentRegister(auditLog, timeProvider))
        {
            var known = incidents.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            incidents.AddRange((await register.ListAsync(cancellationToken).ConfigureAwait(false)).Where(i => !known.Contains(i.Id)));
        }

        return evidence with
        {
            AuditRecords = [.. records.DistinctBy(r => r.Sequence)],
            Reports = [.. stored.DistinctBy(r => r.Id)],
            Incidents = incidents,
        };
    }

    private static DateTimeOffset HistoryStart(AiSystem system, ModelArtifact artifact, TechnicalFileEvidence evidence, DateTimeOffset generatedAt)
    {
        var times = SystemEvidence.Records(evidence, system.Id, artifact.Digest).Select(r => r.Timestamp)
            .Concat(SystemEvidence.Reports(evidence, system.Id).Select(r => r.Report.CreatedAt))
            .Concat(evidence.Incidents.Where(i => i.SystemId == system.Id).Select(i => i.RaisedAt))
            .Where(t => t <= generatedAt);
        return times.DefaultIfEmpty(generatedAt).Min();
    }

    private static InTotoSubjectJson Subject(string name, string sha256) => InTotoSubjectJson.Sha256(name, sha256);

    private static string Digest(string text) => Sha256Digest.Compute(Encoding.UTF8.GetBytes(text)).ToString();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
