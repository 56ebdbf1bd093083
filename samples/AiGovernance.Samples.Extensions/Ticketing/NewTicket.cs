using AiGovernance.Core;

namespace AiGovernance.Samples.Extensions.Ticketing;

/// <summary>What to open a ticket for.</summary>
/// <param name="Queue">The queue or project the ticket goes to.</param>
/// <param name="Title">A one-line title.</param>
/// <param name="Description">The body: what was found and what the library recommends.</param>
/// <param name="Priority">The ticket's priority.</param>
public sealed record NewTicket(string Queue, string Title, string Description, Severity Priority);
