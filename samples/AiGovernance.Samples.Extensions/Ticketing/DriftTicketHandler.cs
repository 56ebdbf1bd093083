using System.Globalization;
using System.Text;
using AiGovernance.Core;
using AiGovernance.Monitoring.Responses;
using Microsoft.Extensions.Options;

namespace AiGovernance.Samples.Extensions.Ticketing;

/// <summary>Opens a ticket for each drift event at or above <see cref="DriftTicketOptions.MinimumSeverity"/> (high by
/// default). The <see cref="DriftResponseWorkflow"/> calls it only for such events, suppresses repeats within its
/// cool-down and calls it again when the severity rises, so one ticket is opened per finding and escalation.</summary>
/// <param name="tickets">Where tickets are opened.</param>
/// <param name="options">The queue and minimum severity.</param>
public sealed class DriftTicketHandler(ITicketSystem tickets, IOptions<DriftTicketOptions> options) : IDriftResponseHandler
{
    private readonly DriftTicketOptions _options = options.Value;

    /// <inheritdoc />
    public Severity MinimumSeverity => _options.MinimumSeverity;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public async ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var driftEvent = context.Event;
        var plan = context.Plan;
        var subject = driftEvent.Subject is null ? string.Empty : $" ({driftEvent.Subject})";
        var escalated = context.Disposition == DriftDisposition.Escalated ? $" escalated from {context.PreviousSeverity}" : string.Empty;
        var title = $"[{plan.Severity}] {driftEvent.Kind} in {driftEvent.SystemId}{subject}{escalated}";

        var body = new StringBuilder()
            .AppendLine(string.IsNullOrEmpty(driftEvent.Summary) ? title : driftEvent.Summary)
            .AppendLine(CultureInfo.InvariantCulture, $"PSI {driftEvent.Psi:0.###}, degradation {driftEvent.Degradation:0.###}; detected {context.DetectedAt:u}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Recommended: alert={plan.Alert}, human review={plan.HumanReview}, retraining={plan.Retraining}, more monitoring={plan.IncreaseMonitoring}, rollback={plan.Rollback}.")
            .Append(CultureInfo.InvariantCulture, $"Audit record #{context.AuditSequence}.")
            .ToString();

        await tickets.OpenAsync(new NewTicket(_options.Queue, title, body, plan.Severity), cancellationToken).ConfigureAwait(false);
    }
}
