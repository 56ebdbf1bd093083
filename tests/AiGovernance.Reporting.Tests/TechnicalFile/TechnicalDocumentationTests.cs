using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Gates.Approvals;
using AiGovernance.Reporting.Json;
using AiGovernance.Reporting.TechnicalFile;
using AngleSharp.Html.Parser;

namespace AiGovernance.Reporting.Tests.TechnicalFile;

public sealed class TechnicalDocumentationTests
{
    private static readonly string[] AnnexIvIds = [.. Enumerable.Range(1, 9).Select(i => "annex-iv-" + i)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TechnicalFileDocument> BuildAsync(TechnicalFileFixture f, TechnicalFileEvidence? evidence = null) =>
        await TechnicalDocumentation.BuildAsync(f.System, f.Artifact, f.Audit, f.Reports, f.Approvals.Clock, evidence, Ct);

    [Fact]
    public async Task Build_HasEveryAnnexIvSection_InTheAnnexOrder_InJsonHtmlAndMarkdown()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var document = await BuildAsync(f);
        var renderer = new ReportRenderer();

        Assert.Equal(AnnexIvIds, document.Sections.Select(s => s.Id));
        var html = new HtmlParser().ParseDocument(renderer.ToHtml(document));
        foreach (var id in AnnexIvIds.Concat(["annex-iv-9-results", "gaps", "binding", "sources"]))
        {
            Assert.NotNull(html.GetElementById(id));
        }

        var markdown = renderer.ToMarkdown(document);
        Assert.All(Enumerable.Range(1, 9), i => Assert.Contains($"## Annex IV\\({i}\\) — ", markdown, StringComparison.Ordinal));
        var parsed = Assert.IsType<TechnicalFileDocument>(ReportJson.Parse(renderer.ToJson(document)));
        Assert.Equal(AnnexIvIds, parsed.Sections.Select(s => s.Id));
    }

    [Fact]
    public async Task Build_WithOnlyTheRecords_ListsWhatItCannotKnowAsGaps_AndInventsNothing()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var document = await BuildAsync(f);

        var general = document.Sections[0];
        Assert.Equal(TechnicalFileSectionStatus.Partial, general.Status);
        Assert.DoesNotContain(general.Facts, x => x.Label == "Intended purpose");
        Assert.Contains(general.Gaps, g => g.StartsWith("the intended purpose (1(a)): no model card", StringComparison.Ordinal));
        Assert.Contains(general.Gaps, g => g.StartsWith("the risk classification", StringComparison.Ordinal));
        Assert.Equal(TechnicalFileSectionStatus.Gap, document.Sections[6].Status);
        Assert.Equal(TechnicalFileSectionStatus.Gap, document.Sections[7].Status);
        Assert.Contains("Annex IV(8): a copy of the EU declaration of conformity (Article 47) (8)", document.Gaps);
        Assert.Contains(document.Sections[8].Gaps, g => g.StartsWith("the post-market monitoring plan", StringComparison.Ordinal));
        Assert.All(document.Sections.SelectMany(s => s.Facts), fact => Assert.False(string.IsNullOrWhiteSpace(fact.Source)));
    }

    [Fact]
    public async Task Build_StandardsDeclaredByTheOwner_FillAnnexIv7_WithTheOwnerAsSource()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var document = await BuildAsync(f, new TechnicalFileEvidence { StandardsApplied = ["ISO/IEC 42001:2023"] });

        var standards = document.Sections[6];
        Assert.Equal(TechnicalFileSectionStatus.Complete, standards.Status);
        Assert.Equal(new TechnicalFileFact("Standard applied", "ISO/IEC 42001:2023", "owner declaration"), Assert.Single(standards.Facts));
    }

    [Fact]
    public async Task Build_ChangesOverTheLifecycle_CiteTheGateDecisionWithItsFiveApprovals_AndItsChainHash()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var document = await BuildAsync(f);

        var record = (await f.RecordsAsync()).Single(r => r.Sequence == f.GateDecisionSequence);
        var entry = Assert.Single(document.Sections[5].Entries, e => e.Source == "audit #" + f.GateDecisionSequence);
        Assert.StartsWith("deployment gate (production): allowed", entry.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(5, entry.Detail.Split(", key ").Length - 1);
        Assert.Contains(document.CitedAuditRecords, c => c.Sequence == record.Sequence && c.Hash == record.Hash.ToString());
    }

    [Fact]
    public async Task Build_IgnoresAnotherSystemsRecordsAndReports()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var document = await BuildAsync(f);

        var other = (await f.RecordsAsync()).Where(r => r.SystemId == TechnicalFileFixture.OtherSystem).Select(r => r.Sequence).ToHashSet();
        Assert.NotEmpty(other);
        Assert.DoesNotContain(document.CitedAuditRecords, c => other.Contains(c.Sequence));
        Assert.DoesNotContain(document.Sections.SelectMany(s => s.Entries), e => e.Subject.Contains("Retired", StringComparison.Ordinal));
        Assert.Equal([f.DriftReportId, f.OversightReportId], document.CitedReports.Select(r => r.Id));
    }

    [Fact]
    public async Task Build_MeasuredOversightEffectiveness_ComesFromTheStoredOversightReport()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var document = await BuildAsync(f);

        var fact = Assert.Single(document.Sections[2].Facts, x => x.Label == "Human oversight: override rate (latest)");
        Assert.StartsWith("1.50% of 1200 reviews", fact.Value, StringComparison.Ordinal);
        Assert.Equal("report #" + f.OversightReportId, fact.Source);
    }

    [Fact]
    public async Task Html_EscapesUntrustedTextFromTheRecords()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var html = new ReportRenderer().ToHtml(await BuildAsync(f));

        SelfContainedHtml.Parse(html);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>in week 12</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_VerifiesWithTheSignersTrustedKey_AgainstTheLogAndTheStore()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var signed = await TechnicalDocumentation.SignAsync(await BuildAsync(f), f.Approvals.Signer("erin"), cancellationToken: Ct);
        var envelope = DsseEnvelope.Parse(signed.Envelope.ToJson());

        var result = await TechnicalDocumentation.VerifyAsync(envelope, signed.Json, f.Approvals.Keys, f.Audit, f.Reports, f.Artifact, Ct);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(f.Approvals.Signer("erin").KeyId, result.KeyId);
        Assert.True(TechnicalDocumentation.Verify(envelope, signed.Json, f.Approvals.Keys, f.Artifact, signed.Html, signed.Markdown).IsValid);
    }

    [Fact]
    public async Task Signed_StatementBindsTheArtifactDigest_AndEveryCitedRecordHash()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var signed = await TechnicalDocumentation.SignAsync(await BuildAsync(f), f.Approvals.Signer("erin"), cancellationToken: Ct);

        using var statement = JsonDocument.Parse(signed.Envelope.Payload);
        var subjects = statement.RootElement.GetProperty("subject").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("digest").GetProperty("sha256").GetString());
        Assert.Equal(f.Artifact.Digest.ToString(), subjects["credit-model"]);
        Assert.Equal(Sha256Digest.Compute(System.Text.Encoding.UTF8.GetBytes(signed.Json)).ToString(), subjects[SignedTechnicalFile.JsonName]);
        var bound = statement.RootElement.GetProperty("predicate").GetProperty("auditRecords").EnumerateArray()
            .ToDictionary(r => r.GetProperty("sequence").GetInt64(), r => r.GetProperty("hash").GetString());
        Assert.Equal(signed.Document.CitedAuditRecords.ToDictionary(r => r.Sequence, r => (string?)r.Hash), bound);
        Assert.Contains(f.GateDecisionSequence, bound.Keys);
    }

    [Fact]
    public async Task Verify_OneByteOfTheFileChanged_IsDetected()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var signed = await TechnicalDocumentation.SignAsync(await BuildAsync(f), f.Approvals.Signer("erin"), cancellationToken: Ct);
        var tampered = signed.Json.Replace("\"Partial\"", "\"Complete\"", StringComparison.Ordinal);
        Assert.NotEqual(signed.Json, tampered);

        var result = TechnicalDocumentation.Verify(signed.Envelope, tampered, f.Approvals.Keys);
        var html = TechnicalDocumentation.Verify(signed.Envelope, signed.Json, f.Approvals.Keys, html: signed.Html.Replace("Gaps", "Gap5"));

        Assert.Equal(TechnicalFileFailureReason.FileDigestMismatch, result.Reason);
        Assert.Equal(TechnicalFileFailureReason.FileDigestMismatch, html.Reason);
    }

    [Fact]
    public async Task Verify_PayloadRewrittenWithoutTheKey_FailsTheSignature()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var signed = await TechnicalDocumentation.SignAsync(await BuildAsync(f), f.Approvals.Signer("erin"), cancellationToken: Ct);
        var payload = System.Text.Encoding.UTF8.GetString(signed.Envelope.Payload.Span).Replace("credit-scoring", "credit-scorinG");
        var forged = new DsseEnvelope(signed.Envelope.PayloadType, System.Text.Encoding.UTF8.GetBytes(payload), signed.Envelope.Signatures);

        Assert.Equal(TechnicalFileFailureReason.BadSignature, TechnicalDocumentation.Verify(forged, signed.Json, f.Approvals.Keys).Reason);
    }

    [Fact]
    public async Task Verify_SignedByAnUntrustedKey_FailsTheSignature()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        using var stranger = EcdsaApprovalSigner.Create();
        var signed = await TechnicalDocumentation.SignAsync(await BuildAsync(f), stranger, cancellationToken: Ct);

        Assert.Equal(TechnicalFileFailureReason.BadSignature, TechnicalDocumentation.Verify(signed.Envelope, signed.Json, f.Approvals.Keys).Reason);
    }

    [Fact]
    public async Task Verify_AnotherArtifact_IsAnArtifactMismatch()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var signed = await TechnicalDocumentation.SignAsync(await BuildAsync(f), f.Approvals.Signer("erin"), cancellationToken: Ct);

        var result = TechnicalDocumentation.Verify(signed.Envelope, signed.Json, f.Approvals.Keys, f.Approvals.OtherArtifact);

        Assert.Equal(TechnicalFileFailureReason.ArtifactMismatch, result.Reason);
    }

    [Fact]
    public async Task VerifyAsync_ACitedAuditRecordEditedInTheLogFile_BreaksTheChain()
    {
        var folder = Directory.CreateTempSubdirectory("techfile-");
        try
        {
            var path = Path.Combine(folder.FullName, "audit.jsonl");
            SignedTechnicalFile signed;
            long sequence;
            TrustedReviewerKeyRegistry keys;
            TimeProvider clock;
            await using (var f = await TechnicalFileFixture.CreateAsync(path))
            {
                signed = await TechnicalDocumentation.SignAsync(await BuildAsync(f), f.Approvals.Signer("erin"), cancellationToken: Ct);
                Assert.True((await TechnicalDocumentation.VerifyAsync(signed.Envelope, signed.Json, f.Approvals.Keys, f.Audit, f.Reports,
                    cancellationToken: Ct)).IsValid);
                (sequence, keys, clock) = (f.GateDecisionSequence, f.Approvals.Keys, f.Approvals.Clock);
            }

            // The log is open (a running service) when someone edits the file underneath it.
            using var tampered = new FileAuditLog(path, clock);
            var lines = await File.ReadAllLinesAsync(path, Ct);
            var index = (int)sequence - 1;
            Assert.Contains("gate.deployment.decided", lines[index], StringComparison.Ordinal);
            Assert.Contains("production", lines[index], StringComparison.Ordinal);
            lines[index] = lines[index].Replace("production", "productioN", StringComparison.Ordinal);
            await File.WriteAllLinesAsync(path, lines, Ct);

            var result = await TechnicalDocumentation.VerifyAsync(signed.Envelope, signed.Json, keys, tampered, cancellationToken: Ct);

            Assert.Equal(TechnicalFileFailureReason.AuditChainBroken, result.Reason);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task VerifyAsync_ALogRewrittenWithAnEditedCitedRecord_IsACitedRecordChange()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var signed = await TechnicalDocumentation.SignAsync(await BuildAsync(f), f.Approvals.Signer("erin"), cancellationToken: Ct);
        var rewritten = new InMemoryAuditLog(f.Approvals.Clock);
        foreach (var record in await f.RecordsAsync())
        {
            var actor = record.Sequence == f.GateDecisionSequence ? "someone-else" : record.Actor;
            await rewritten.AppendAsync(new AuditEvent(record.EventType, actor, record.SystemId, record.ArtifactDigest, record.Payload), Ct);
        }

        var result = await TechnicalDocumentation.VerifyAsync(signed.Envelope, signed.Json, f.Approvals.Keys, rewritten, cancellationToken: Ct);

        Assert.True((await rewritten.VerifyAsync(Ct)).IsValid);
        Assert.Equal(TechnicalFileFailureReason.CitedRecordChanged, result.Reason);
    }

    [Fact]
    public async Task VerifyAsync_ACitedReportChangedInTheStore_IsDetected()
    {
        await using var f = await TechnicalFileFixture.CreateAsync();
        var signed = await TechnicalDocumentation.SignAsync(await BuildAsync(f), f.Approvals.Signer("erin"), cancellationToken: Ct);
        var store = new InMemoryGovernanceReportStore(new InMemoryAuditLog(f.Approvals.Clock));
        await foreach (var stored in f.Reports.QueryAsync(new GovernanceReportQuery("credit-scoring"), Ct))
        {
            var content = stored.Id == f.OversightReportId
                ? JsonSerializer.SerializeToElement(new
                {
                    reviewCount = 1200, overall = new { events = 240, trials = 1200 }, warnings = Array.Empty<object>(),
                })
                : JsonDocument.Parse(stored.Report.ContentJson).RootElement;
            var copy = await store.StoreAsync(new GovernanceReport(stored.Report.SystemId, stored.Report.Kind, stored.Report.CreatedAt, content),
                "copy", Ct);
            Assert.Equal(stored.Id, copy.Id);
        }

        var result = await TechnicalDocumentation.VerifyAsync(signed.Envelope, signed.Json, f.Approvals.Keys, f.Audit, store, cancellationToken: Ct);

        Assert.Equal(TechnicalFileFailureReason.CitedReportChanged, result.Reason);
    }
}
