namespace AiGovernance.Samples.Extensions.Ticketing;

/// <summary>A thread-safe in-memory ticket system numbering tickets <c>GOV-1</c>, <c>GOV-2</c>, ...</summary>
/// <param name="timeProvider">Stamps <see cref="Ticket.OpenedAt"/>.</param>
public sealed class InMemoryTicketSystem(TimeProvider timeProvider) : ITicketSystem
{
    private readonly Lock _gate = new();
    private readonly List<Ticket> _tickets = [];

    /// <summary>The tickets opened so far, oldest first.</summary>
    public IReadOnlyList<Ticket> Tickets
    {
        get
        {
            lock (_gate)
            {
                return [.. _tickets];
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="ticket"/> is null.</exception>
    public ValueTask<Ticket> OpenAsync(NewTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var opened = new Ticket($"GOV-{_tickets.Count + 1}", ticket.Queue, ticket.Title, ticket.Description, ticket.Priority, timeProvider.GetUtcNow());
            _tickets.Add(opened);
            return ValueTask.FromResult(opened);
        }
    }
}
