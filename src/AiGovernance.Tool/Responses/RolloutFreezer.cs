using AiGovernance.Core;
using AiGovernance.Monitoring.Responses;
using Spectre.Console;

namespace AiGovernance.Samples.DriftJob.Responses;

/// <summary>Would freeze any staged rollout of the system at high severity and above, and switch decisions to human
/// review or roll back when the plan asks for it.</summary>
internal sealed class RolloutFreezer : IDriftResponseHandler
{
    private readonly ResponseActionLog _log;

    /// <summary>Creates the handler.</summary>
    /// <param name="log">Where the action is reported.</param>
    public RolloutFreezer(ResponseActionLog log) => _log = log;

    /// <inheritdoc />
    public Severity MinimumSeverity => Severity.High;

    /// <inheritdoc />
    public ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        _log.Record("freeze", Color.Red,
            $"would freeze the staged rollout of {context.Event.SystemId} at its current stage until the drift is reviewed.");
        if (context.Plan.HumanReview)
        {
            _log.Record("review", Color.Fuchsia, $"would route {context.Event.SystemId}'s decisions to human review.");
        }

        if (context.Plan.Rollback)
        {
            _log.Record("rollback", Color.Red, $"would roll {context.Event.SystemId} back to the last approved model version.");
        }

        return ValueTask.CompletedTask;
    }
}
