using System.Globalization;
using AiGovernance.Reporting.Layout;

namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>The technical documentation of a high-risk AI system (Article 11, structured after Annex IV of Regulation (EU)
/// 2024/1689), assembled by <see cref="TechnicalDocumentation.Build"/> from what the library holds, with what it cannot know
/// listed as gaps for the owner to fill.</summary>
/// <remarks>
/// <para>Sections (ids): <c>annex-iv-1</c> general description and intended purpose, <c>annex-iv-2</c> development and data
/// (lineage), <c>annex-iv-3</c> monitoring, functioning and control (human oversight and its measured effectiveness),
/// <c>annex-iv-4</c> performance metrics, <c>annex-iv-5</c> risk management, <c>annex-iv-6</c> changes over the lifecycle,
/// <c>annex-iv-7</c> standards applied, <c>annex-iv-8</c> EU declaration of conformity, <c>annex-iv-9</c> post-market
/// monitoring plan and its results; then <c>gaps</c>, <c>binding</c> and <c>sources</c>.</para>
/// <para>The file is bound by SHA-256 digest to the model artifact (<see cref="Artifact"/>) and to every audit record and stored
/// report it cites (<see cref="CitedAuditRecords"/>, <see cref="CitedReports"/>); <see cref="TechnicalDocumentation.SignAsync"/>
/// signs those digests and the file's own in a DSSE envelope.</para>
/// </remarks>
public sealed class TechnicalFileDocument : ReportDocument
{
    /// <summary>The kind of this document, <c>technical-file</c>.</summary>
    public const string ReportKind = "technical-file";

    /// <inheritdoc />
    public override string Kind => ReportKind;

    /// <summary>The AI system's id.</summary>
    public required string SystemId { get; init; }

    /// <summary>The AI system's version.</summary>
    public required string SystemVersion { get; init; }

    /// <summary>The model artifact the file documents.</summary>
    public required TechnicalFileArtifact Artifact { get; init; }

    /// <summary>The Annex IV sections, in the Annex's order.</summary>
    public IReadOnlyList<TechnicalFileSection> Sections { get; init; } = [];

    /// <summary>The post-market monitoring results (Annex IV(9), Article 72) over the system's recorded history.</summary>
    public required PostMarketSummaryDocument PostMarketResults { get; init; }

    /// <summary>The stored reports the file cites.</summary>
    public IReadOnlyList<CitedReport> CitedReports { get; init; } = [];

    /// <summary>The audit records the file cites.</summary>
    public IReadOnlyList<CitedAuditRecord> CitedAuditRecords { get; init; } = [];

    /// <summary>Every gap of every section, as "Annex IV(n): what is missing".</summary>
    public IReadOnlyList<string> Gaps => [.. Sections.SelectMany(s => s.Gaps.Select(g => s.AnnexPoint + ": " + g))];

    private protected override ReportLayout BuildLayout(ReportContext context)
    {
        var x = context;
        var inv = CultureInfo.InvariantCulture;
        var sections = new List<ReportSection>
        {
            new("summary", "Summary",
            [
                new TilesBlock(
                [
                    new("complete", "Complete", Sections.Count(s => s.Status == TechnicalFileSectionStatus.Complete).ToString(inv),
                        "Annex IV points", ReportTone.Good),
                    new("partial", "Partial", Sections.Count(s => s.Status == TechnicalFileSectionStatus.Partial).ToString(inv),
                        "Annex IV points", ReportTone.Medium),
                    new("gap", "Gaps", Gaps.Count.ToString(inv), "items for the owner to fill", Gaps.Count > 0 ? ReportTone.Bad : ReportTone.Good),
                ]),
                new ParagraphBlock("Assembled by AiGovernance from the records it holds. Every statement names its source; what the "
                    + "library cannot know is listed as a gap for the owner to fill, never invented."),
            ]),
        };
        foreach (var section in Sections)
        {
            sections.Add(TechnicalFileLayout.Section(section, x));
            if (section.Id == "annex-iv-9")
            {
                sections.Add(new ReportSection("annex-iv-9-results", "Post-market monitoring results",
                    [PostMarketLayout.Period(PostMarketResults), PostMarketLayout.Tiles(PostMarketResults)]));
                sections.AddRange(PostMarketLayout.Sections(PostMarketResults, x, "results-"));
            }
        }

        sections.Add(new ReportSection("gaps", "Gaps for the owner to fill",
            [Gaps.Count == 0 ? new ParagraphBlock("None.") : ListBlock.Of(Gaps.Select(x.Text))]));
        sections.Add(new ReportSection("binding", "Binding",
        [
            new FactsBlock(
            [
                new("Model artifact", x.Text(Artifact.Name) + " " + x.Text(Artifact.Version)),
                new("Artifact digest", "sha256:" + Artifact.Digest, true),
                new("Audit records cited", CitedAuditRecords.Count.ToString(inv)),
                new("Reports cited", CitedReports.Count.ToString(inv)),
            ]),
            new ParagraphBlock("The signed envelope beside this file carries the SHA-256 digests of the file, of the model artifact and of "
                + "every cited record and report; changing any of them breaks the verification.") { Muted = true },
        ]));
        sections.Add(new ReportSection("sources", "Sources", [PostMarketLayout.Sources(CitedReports, CitedAuditRecords)]));
        return new ReportLayout(Kind, "Technical documentation (EU AI Act Annex IV)", x.Text(SystemName), GeneratedAt, sections)
        {
            Byline = x.Text(SystemId) + " version " + x.Text(SystemVersion) + " · model " + x.Text(Artifact.Name) + " " + x.Text(Artifact.Version),
        };
    }
}
