namespace AiGovernance.Scorecards;

/// <summary>Registered once by <c>AddScorecards</c> so a second call adds nothing.</summary>
internal sealed class ScorecardsMarker;
