using System.ComponentModel.DataAnnotations;
using AiGovernance.Scorecards.Literacy;

namespace AiGovernance.Scorecards;

/// <summary>Options of the AI-literacy assessment registered by <c>AddScorecards</c>.</summary>
public sealed class AiLiteracyOptions
{
    /// <summary>Each role's competencies. When empty, the default executive, manager, technical and legal/compliance
    /// competencies are used; when set, these roles replace them entirely.</summary>
    /// <value>The default value is empty (the four default roles).</value>
    public Dictionary<string, List<string>> RoleCompetencies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An individual whose overall score is below this needs training.</summary>
    /// <value>The default value is 0.7.</value>
    [Range(0.0, 1.0)]
    public double NeedsTrainingThreshold { get; set; } = ScorecardsDefaults.NeedsTrainingThreshold;

    /// <summary>A competency averaging below this across the organisation is a priority training topic.</summary>
    /// <value>The default value is 0.6.</value>
    [Range(0.0, 1.0)]
    public double PriorityTrainingThreshold { get; set; } = ScorecardsDefaults.PriorityTrainingThreshold;

    /// <summary>Builds the assessment these options describe.</summary>
    internal AiLiteracyAssessment ToAssessment()
    {
        if (RoleCompetencies.Count == 0)
        {
            return NeedsTrainingThreshold == ScorecardsDefaults.NeedsTrainingThreshold
                && PriorityTrainingThreshold == ScorecardsDefaults.PriorityTrainingThreshold
                ? AiLiteracyAssessment.Default
                : new AiLiteracyAssessment(AiLiteracyAssessment.Default.RoleCompetencies, NeedsTrainingThreshold, PriorityTrainingThreshold);
        }

        var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (role, competencies) in RoleCompetencies)
        {
            roles[role] = competencies;
        }

        return new AiLiteracyAssessment(roles, NeedsTrainingThreshold, PriorityTrainingThreshold);
    }
}
