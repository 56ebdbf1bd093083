namespace AiGovernance.Scorecards.Literacy;

/// <summary>A hypothetical incident a cross-functional workshop walks through.</summary>
/// <param name="Title">The scenario's title.</param>
/// <param name="Background">Facts about the system before the incident.</param>
/// <param name="Incident">What happened.</param>
/// <param name="Questions">The questions the team answers together.</param>
public sealed record WorkshopScenario(
    string Title, IReadOnlyList<string> Background, IReadOnlyList<string> Incident, IReadOnlyList<ScenarioQuestion> Questions);
