namespace AiGovernance.Scorecards.Literacy;

/// <summary>The organisation's literacy on one competency.</summary>
/// <param name="Competency">The competency.</param>
/// <param name="People">How many people were scored on it.</param>
/// <param name="AverageScore">The mean of their scores.</param>
/// <param name="Gap">How far <paramref name="AverageScore"/> falls short of the needs-training threshold; 0 when it meets it.</param>
public readonly record struct CompetencyLiteracy(string Competency, int People, double AverageScore, double Gap);
