namespace AiGovernance.Scorecards.Literacy;

/// <summary>One person's AI literacy, from <see cref="AiLiteracyAssessment.AssessIndividual"/>.</summary>
public sealed class IndividualLiteracyAssessment
{
    internal IndividualLiteracyAssessment(string employeeId, string role, IReadOnlyList<CompetencyScore> scores, double overallScore,
        double needsTrainingThreshold)
    {
        EmployeeId = employeeId;
        Role = role;
        CompetencyScores = scores;
        OverallScore = overallScore;
        NeedsTraining = overallScore < needsTrainingThreshold;
        var below = new List<string>();
        foreach (var score in scores)
        {
            if (score.Score < needsTrainingThreshold)
            {
                below.Add(score.Competency);
            }
        }

        CompetenciesBelowThreshold = below.AsReadOnly();
    }

    /// <summary>The person's identifier.</summary>
    public string EmployeeId { get; }

    /// <summary>The person's role, as named in the assessment's role competencies.</summary>
    public string Role { get; }

    /// <summary>The score of each of the role's competencies, in the role's order.</summary>
    public IReadOnlyList<CompetencyScore> CompetencyScores { get; }

    /// <summary>The mean of the competency scores.</summary>
    public double OverallScore { get; }

    /// <summary>Whether <see cref="OverallScore"/> is below the needs-training threshold (default 0.7).</summary>
    public bool NeedsTraining { get; }

    /// <summary>The competencies scoring below the needs-training threshold, in the role's order.</summary>
    public IReadOnlyList<string> CompetenciesBelowThreshold { get; }
}
