using System.Globalization;
using System.Text;
using AiGovernance.Shared;

namespace AiGovernance.Scorecards.Literacy;

/// <summary>Literacy gaps across an organisation, from <see cref="AiLiteracyAssessment.IdentifyGaps"/>.</summary>
public sealed class OrganizationLiteracyReport
{
    internal OrganizationLiteracyReport(
        int assessed,
        int needingTraining,
        double overallLiteracy,
        IReadOnlyList<RoleLiteracy> roles,
        IReadOnlyList<CompetencyLiteracy> competencies,
        IReadOnlyList<string> priorityTrainingTopics)
    {
        Assessed = assessed;
        NeedingTraining = needingTraining;
        OverallLiteracy = overallLiteracy;
        Roles = roles;
        Competencies = competencies;
        PriorityTrainingTopics = priorityTrainingTopics;
    }

    /// <summary>How many people were assessed.</summary>
    public int Assessed { get; }

    /// <summary>How many of them need training.</summary>
    public int NeedingTraining { get; }

    /// <summary>The mean of everyone's overall score.</summary>
    public double OverallLiteracy { get; }

    /// <summary>Literacy by role, weakest first.</summary>
    public IReadOnlyList<RoleLiteracy> Roles { get; }

    /// <summary>Literacy by competency across all roles, weakest first.</summary>
    public IReadOnlyList<CompetencyLiteracy> Competencies { get; }

    /// <summary>Competencies whose average is below the priority threshold (default 0.6), weakest first.</summary>
    public IReadOnlyList<string> PriorityTrainingTopics { get; }

    /// <summary>The report as Markdown: headline figures, priority training topics, literacy by role and by competency.</summary>
    /// <returns>Markdown text; numbers use the invariant culture.</returns>
    public string ToMarkdown()
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append("# AI literacy report\n\n");
        text.Append(culture, $"Assessed: {Assessed} · needing training: {NeedingTraining} · overall literacy: {OverallLiteracy * 100:0.0} %\n\n");
        text.Append("## Priority training topics\n\n");
        if (PriorityTrainingTopics.Count == 0)
        {
            text.Append("None.\n");
        }

        foreach (var topic in PriorityTrainingTopics)
        {
            text.Append(culture, $"- {topic}\n");
        }

        text.Append("\n## By role\n\n");
        MarkdownTable.Header(text, ["Role", "People", "Average", "Gap", "Needing training"], [1, 2, 3, 4]);
        foreach (var role in Roles)
        {
            MarkdownTable.Row(text, role.Role, InvariantFormat.Count(role.People), string.Create(culture, $"{role.AverageScore * 100:0.0} %"),
                string.Create(culture, $"{role.Gap * 100:0.0} pts"), InvariantFormat.Count(role.NeedingTraining));
        }

        text.Append("\n## By competency\n\n");
        MarkdownTable.Header(text, ["Competency", "People", "Average", "Gap"], [1, 2, 3]);
        foreach (var competency in Competencies)
        {
            MarkdownTable.Row(text, competency.Competency, InvariantFormat.Count(competency.People),
                string.Create(culture, $"{competency.AverageScore * 100:0.0} %"), string.Create(culture, $"{competency.Gap * 100:0.0} pts"));
        }

        return text.ToString();
    }
}
