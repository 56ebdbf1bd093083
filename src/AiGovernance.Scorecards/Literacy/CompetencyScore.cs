namespace AiGovernance.Scorecards.Literacy;

/// <summary>One person's score on one competency.</summary>
/// <param name="Competency">The competency.</param>
/// <param name="Score">The score in [0, 1], for example from scenario-based questions.</param>
public readonly record struct CompetencyScore(string Competency, double Score);
