namespace AiGovernance.Scorecards.Literacy;

/// <summary>The literacy of everyone assessed in one role.</summary>
/// <param name="Role">The role.</param>
/// <param name="People">How many people in the role were assessed.</param>
/// <param name="AverageScore">The mean of their overall scores.</param>
/// <param name="Gap">How far <paramref name="AverageScore"/> falls short of the needs-training threshold; 0 when it meets it.</param>
/// <param name="NeedingTraining">How many of them need training.</param>
/// <param name="Competencies">The role's competencies with their averages over the role's people, weakest first.</param>
public readonly record struct RoleLiteracy(
    string Role, int People, double AverageScore, double Gap, int NeedingTraining, IReadOnlyList<CompetencyLiteracy> Competencies);
