namespace AiGovernance.Scorecards.Literacy;

/// <summary>A question the cross-functional team works through in an incident scenario.</summary>
/// <param name="Question">The question.</param>
/// <param name="Perspective">Who answers it and from what angle, for example "Legal: adverse action explanations".</param>
public readonly record struct ScenarioQuestion(string Question, string Perspective);
