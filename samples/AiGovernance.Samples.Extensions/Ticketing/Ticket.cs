using AiGovernance.Core;

namespace AiGovernance.Samples.Extensions.Ticketing;

/// <summary>An opened ticket.</summary>
/// <param name="Id">The ticket system's identifier, for example <c>GOV-1</c>.</param>
/// <param name="Queue">The queue it is in.</param>
/// <param name="Title">Its title.</param>
/// <param name="Description">Its body.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="OpenedAt">When it was opened.</param>
public sealed record Ticket(string Id, string Queue, string Title, string Description, Severity Priority, DateTimeOffset OpenedAt);
