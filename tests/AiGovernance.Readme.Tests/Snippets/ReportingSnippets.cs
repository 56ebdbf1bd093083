using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Gates.Approvals;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Reporting;
using AiGovernance.Reporting.Drift;
using AiGovernance.Reporting.TechnicalFile;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The ```csharp blocks of src/AiGovernance.Reporting/README.md.</summary>
public class ReportingSnippets
{
    private static TabularData Applications(int rows, double incomeMean, int seed) =>
        TabularData.CreateBuilder()
            .AddNumeric("income", SnippetData.Normal(rows, incomeMean, 12_000, seed))
            .AddCategorical("region", [.. Enumerable.Range(0, rows).Select(i => (string?)((i % 3) switch { 0 => "north", 1 => "south", _ => "west" }))])
            .Build();

    [Fact]
    public void Block1_RendersADriftReportAsHtmlMarkdownAndJson()
    {
        using var temp = SnippetData.CreateTempDirectory();
        var folder = temp.Path;
        var reference = Applications(5_000, 52_000, seed: 1);
        var current = Applications(5_000, 60_000, seed: 3);

        var detector = new DataDriftDetector();
        var report = detector.Compare(detector.Fit(reference), current);
        var document = DriftReportDocument.Create("loan-approval", report, reference, current, windowName: "2026-09");

        var renderer = new ReportRenderer();
        File.WriteAllText(Path.Combine(folder, "drift.html"), renderer.ToHtml(document));
        File.WriteAllText(Path.Combine(folder, "drift.md"), renderer.ToMarkdown(document));
        File.WriteAllText(Path.Combine(folder, "drift.json"), renderer.ToJson(document));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "drift.json")));
        Assert.Equal("loan-approval", json.RootElement.GetProperty("system").GetString());
        var income = json.RootElement.GetProperty("windows")[0].GetProperty("columns").EnumerateArray()
            .Single(c => c.GetProperty("column").GetString() == "income");
        Assert.True(income.GetProperty("isDrifted").GetBoolean());
        Assert.Contains("id=\"drift-income\"", File.ReadAllText(Path.Combine(folder, "drift.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Block2_BuildsSignsAndVerifiesATechnicalFile()
    {
        using var temp = SnippetData.CreateTempDirectory();
        var folder = temp.Path;
        var system = new AiSystem("credit-scoring", "Credit scoring", "3.2.0", new AiSystemOwners("risk", "ml", "ops"), RiskTier.High);
        var artifact = ModelArtifact.FromBytes("credit-model", "3.2.0", "model weights"u8);
        var auditLog = new InMemoryAuditLog(TimeProvider.System);
        var reports = new InMemoryGovernanceReportStore(auditLog);
        using var signer = EcdsaApprovalSigner.Create();
        var trustedKeys = new TrustedReviewerKeyRegistry();
        var now = TimeProvider.System.GetUtcNow();
        trustedKeys.Add(new TrustedReviewerKey("head-of-risk", ["executive"], signer.PublicKey.Span, now.AddDays(-1), now.AddDays(365)));

        var file = await TechnicalDocumentation.BuildAsync(system, artifact, auditLog, reports, TimeProvider.System,
            new TechnicalFileEvidence { StandardsApplied = ["ISO/IEC 42001:2023"] });
        var signed = await TechnicalDocumentation.SignAsync(file, signer);
        File.WriteAllText(Path.Combine(folder, "technical-file.json"), signed.Json);
        File.WriteAllText(Path.Combine(folder, "technical-file.html"), signed.Html);
        File.WriteAllText(Path.Combine(folder, "technical-file.dsse.json"), signed.Envelope.ToJson());

        var verification = await TechnicalDocumentation.VerifyAsync(
            DsseEnvelope.Parse(File.ReadAllText(Path.Combine(folder, "technical-file.dsse.json"))),
            File.ReadAllText(Path.Combine(folder, "technical-file.json")), trustedKeys, auditLog, reports, artifact);

        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(9, file.Sections.Count);
        Assert.Contains("Annex IV(8): a copy of the EU declaration of conformity (Article 47) (8)", file.Gaps);
    }
}
