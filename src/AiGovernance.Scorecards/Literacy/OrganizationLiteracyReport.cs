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
}
