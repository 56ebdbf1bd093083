using System.Text.Json.Serialization;

namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>One point of Annex IV of Regulation (EU) 2024/1689 (technical documentation of a high-risk AI system), filled from
/// what the library holds, with what it does not hold listed as gaps.</summary>
/// <param name="Id">A stable id, for example <c>annex-iv-1</c>; also the HTML element id of the section.</param>
/// <param name="AnnexPoint">The Annex IV point, for example "Annex IV(1)".</param>
/// <param name="Title">The point's subject.</param>
/// <param name="Facts">Statements held by the library, each with its source.</param>
/// <param name="Entries">Dated entries held by the library, each with its source.</param>
/// <param name="Gaps">What the point asks for that the library does not hold: for the owner to fill, never invented.</param>
public sealed record TechnicalFileSection(
    string Id,
    string AnnexPoint,
    string Title,
    IReadOnlyList<TechnicalFileFact> Facts,
    IReadOnlyList<TechnicalFileEntry> Entries,
    IReadOnlyList<string> Gaps)
{
    /// <summary>Whether the library filled the point completely, partly or not at all.</summary>
    [JsonPropertyOrder(10)]
    public TechnicalFileSectionStatus Status => Gaps.Count == 0
        ? TechnicalFileSectionStatus.Complete
        : Facts.Count + Entries.Count > 0 ? TechnicalFileSectionStatus.Partial : TechnicalFileSectionStatus.Gap;
}
