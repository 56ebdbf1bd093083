namespace AiGovernance.Scorecards.Literacy;

/// <summary>One block of a cross-functional workshop session.</summary>
/// <param name="Activity">What happens.</param>
/// <param name="Duration">How long it takes.</param>
public readonly record struct WorkshopAgendaItem(string Activity, TimeSpan Duration);
