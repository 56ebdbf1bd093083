using AiGovernance.Core;
using AiGovernance.Monitoring.Responses;
using Spectre.Console;

namespace AiGovernance.Samples.DriftJob.Responses;

/// <summary>Would queue a retraining run with the plan's priority.</summary>
internal sealed class RetrainingScheduler : IDriftResponseHandler
{
    private readonly ResponseActionLog _log;

    /// <summary>Creates the handler.</summary>
    /// <param name="log">Where the action is reported.</param>
    public RetrainingScheduler(ResponseActionLog log) => _log = log;

    /// <inheritdoc />
    public Severity MinimumSeverity => Severity.Medium;

    /// <inheritdoc />
    public ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        if (context.Plan.Retraining != RetrainingPriority.None)
        {
            var when = context.Plan.Retraining switch
            {
                RetrainingPriority.Urgent => "tonight",
                RetrainingPriority.High => "within 3 days",
                _ => "in the next scheduled cycle",
            };
            _log.Record("retrain", Color.Aqua,
                $"would queue retraining of {context.Event.SystemId} with {context.Plan.Retraining} priority ({when}) on data up to " +
                    $"{context.DetectedAt:yyyy-MM-dd}, audit record #{context.AuditSequence}.");
        }

        return ValueTask.CompletedTask;
    }
}
