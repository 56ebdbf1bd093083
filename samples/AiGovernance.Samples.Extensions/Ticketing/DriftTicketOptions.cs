using AiGovernance.Core;

namespace AiGovernance.Samples.Extensions.Ticketing;

/// <summary>Options of the <see cref="DriftTicketHandler"/>.</summary>
public sealed class DriftTicketOptions
{
    /// <summary>The queue tickets are opened in.</summary>
    /// <value>The default value is "ml-governance".</value>
    public string Queue { get; set; } = "ml-governance";

    /// <summary>The lowest drift severity that opens a ticket; lower ones are only audited by the workflow.</summary>
    /// <value>The default value is <see cref="Severity.High"/>.</value>
    public Severity MinimumSeverity { get; set; } = Severity.High;
}
