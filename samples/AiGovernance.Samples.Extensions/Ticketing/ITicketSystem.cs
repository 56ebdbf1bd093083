namespace AiGovernance.Samples.Extensions.Ticketing;

/// <summary>A ticket system (Jira, ServiceNow, GitHub issues, ...). The sample ships an in-memory one; register your own
/// implementation before <c>AddDriftTicketing()</c> to replace it.</summary>
public interface ITicketSystem
{
    /// <summary>Opens a ticket.</summary>
    /// <param name="ticket">What to open.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The opened ticket.</returns>
    ValueTask<Ticket> OpenAsync(NewTicket ticket, CancellationToken cancellationToken);
}
