using System.Text.Json;
using AiGovernance.Core.Reports;
using AiGovernance.Dashboard.Pages;
using AiGovernance.Shared;

namespace AiGovernance.Dashboard.History;

/// <summary>Reads a stored risk classification (report kind <c>classification</c>): tier, EU category, rule set and the
/// citation and reason of every matched rule — the legal basis of the tier.</summary>
internal static class ClassificationView
{
    public const string Kind = "classification";

    public static void WriteLegalBasis(HtmlWriter html, StoredGovernanceReport? stored)
    {
        if (stored is null)
        {
            html.Raw("<span class=\"muted\">no classification recorded</span>");
            return;
        }

        try
        {
            using var document = stored.Report.ParseContent();
            var root = document.RootElement;
            if (JsonRead.String(root, "euCategory") is { } category)
            {
                html.Text(Words.Humanise(category)).Raw(": ");
            }

            var first = true;
            foreach (var match in JsonRead.Array(root, "matches"))
            {
                if (JsonRead.String(match, "citation") is not { } citation)
                {
                    continue;
                }

                html.Raw(first ? string.Empty : "; ").Raw("<span class=\"citation\"").Attribute("title", JsonRead.String(match, "reason")).Raw(">")
                    .Text(citation).Raw("</span>");
                first = false;
            }

            html.Raw("<br><span class=\"muted\">").Text(JsonRead.String(root,
                "ruleSetVersion")).Raw(", ").Date(stored.Report.CreatedAt).Raw("</span>");
        }
        catch (JsonException)
        {
            html.Raw("<span class=\"muted\">classification report unreadable</span>");
        }
    }
}
